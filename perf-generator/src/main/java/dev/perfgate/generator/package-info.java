/**
 * The runner other projects embed: {@link dev.perfgate.generator.Suite} plans, measures and judges
 * benchmarks, {@link dev.perfgate.generator.Perfgate} is the one-call entry point,
 * {@link dev.perfgate.generator.Settings} lists every {@code perfgate.*} setting, and
 * {@link dev.perfgate.generator.Report} holds what a run found.
 */
@NullMarked
package dev.perfgate.generator;

import org.jspecify.annotations.NullMarked;
