/**
 * The heap probe's implementation: heap readings, the leak analysis, the paths to old objects
 * from JFR, and the JVM settings they depend on.
 *
 * <p>Internal: reached through {@link dev.perfgate.collectors.heap.HeapProbes}; free to change.
 */
@NullMarked
package dev.perfgate.collectors.heap.internal;

import org.jspecify.annotations.NullMarked;
