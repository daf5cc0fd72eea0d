/**
 * Benchmark commands that check Perfgate itself: regression detection across runs and the anatomy
 * of a cold start. Each prints the figures it measured; none is a test.
 */
@NullMarked
package dev.perfgate.examples.bench;

import org.jspecify.annotations.NullMarked;
