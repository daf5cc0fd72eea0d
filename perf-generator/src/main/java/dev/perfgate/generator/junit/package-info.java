/**
 * The JUnit Jupiter integration: {@link dev.perfgate.generator.junit.PerfTest} methods receive a
 * {@link dev.perfgate.generator.junit.Perf} and fail when a verdict fails.
 */
@NullMarked
package dev.perfgate.generator.junit;

import org.jspecify.annotations.NullMarked;
