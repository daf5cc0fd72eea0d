/**
 * The statistics kernel of Perfgate: one class per statistical method, JDK only.
 *
 * <p>It lives in {@code perf-api} because every module that judges figures needs it
 * ({@code perf-baseline} for comparisons, trends and scaling, {@code perf-collectors} for the leak
 * check, {@code perf-generator} for latency percentiles), and {@code perf-api} is the only module
 * all of them depend on. It is internal: not part of the API users program against, free to
 * change, and meant to be exported by a later {@code module-info} only to the Perfgate modules.
 *
 * <p>Every method is checked by known-answer tests whose expected values come from SciPy 1.17.1 or
 * published tables, quoted in the tests.
 */
@NullMarked
package dev.perfgate.api.internal.stats;

import org.jspecify.annotations.NullMarked;
