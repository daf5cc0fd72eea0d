/** Implementation of {@code dev.perfgate.baseline.scaling}; not an API, no other module imports it. */
package dev.perfgate.baseline.scaling.internal;
