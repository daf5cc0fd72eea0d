/**
 * Forked JVMs: the command line of a child, its launch and watchdog (no child outlives its parent),
 * the child's entry point, and the results it sends back in the result format.
 *
 * <p>Internal: reached through {@code perfgate.forks} and the suite builder; free to change.
 */
@NullMarked
package dev.perfgate.generator.internal.fork;

import org.jspecify.annotations.NullMarked;
