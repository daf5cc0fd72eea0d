/** Implementation of {@code dev.perfgate.baseline.scaling}; not an API, no other module imports it. */
@NullMarked
package dev.perfgate.baseline.scaling.internal;

import org.jspecify.annotations.NullMarked;
