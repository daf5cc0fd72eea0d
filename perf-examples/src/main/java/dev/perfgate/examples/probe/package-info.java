/**
 * A custom probe registered through {@link java.util.ServiceLoader}: the count of classes loaded,
 * as a user would write one against {@code perf-api} alone.
 */
@NullMarked
package dev.perfgate.examples.probe;

import org.jspecify.annotations.NullMarked;
