/**
 * Scaling and concurrency statistics: complexity-class fits over sizes, the log-log exponent, and
 * the degradation of time per operation when threads run at once, each with a check that returns a
 * {@link dev.perfgate.api.Verdict}. Entry point: {@link dev.perfgate.baseline.scaling.Scaling}.
 */
@NullMarked
package dev.perfgate.baseline.scaling;

import org.jspecify.annotations.NullMarked;
