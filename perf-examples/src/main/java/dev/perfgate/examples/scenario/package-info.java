/**
 * The reference scenario: the suites that validate the example generator's targets for real
 * (generation time, peak heap, cache hit ratio, leaks, scaling, baselines).
 */
@NullMarked
package dev.perfgate.examples.scenario;

import org.jspecify.annotations.NullMarked;
