/**
 * The suite's stages: probe selection, the variant plan, the trial scheduler with its loops and
 * clocks, steady-state warm-up, and the judging steps (targets, suite checks, baselines), plus the one
 * renderer of verdict words.
 *
 * <p>Internal: reached through {@link dev.perfgate.generator.Suite}; free to change.
 */
@NullMarked
package dev.perfgate.generator.internal;

import org.jspecify.annotations.NullMarked;
