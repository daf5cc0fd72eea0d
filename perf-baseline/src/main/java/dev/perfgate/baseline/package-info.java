/**
 * Judging a run against the past: comparisons with a stored baseline, checks against the stored
 * history, trends, change points, and the stores themselves.
 *
 * <p>{@link dev.perfgate.baseline.RegressionJudge} compares trial values ({@link dev.perfgate.baseline.Comparison}),
 * {@link dev.perfgate.baseline.BaselinePolicy} decides what a run does with a store
 * ({@link dev.perfgate.baseline.BaselineDecision}), and {@link dev.perfgate.baseline.BaselineStores} opens
 * the directory and PostgreSQL stores behind the {@link dev.perfgate.api.BaselineStore} SPI.
 */
@NullMarked
package dev.perfgate.baseline;

import org.jspecify.annotations.NullMarked;
