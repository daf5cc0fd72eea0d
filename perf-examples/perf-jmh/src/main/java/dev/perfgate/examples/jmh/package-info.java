/**
 * Perfgate side by side with JMH: the proof that Perfgate measures what JMH measures. Run
 * {@link dev.perfgate.examples.jmh.SideBySide} (see there for the one command); it measures the
 * operations of {@code Op} with JMH ({@link dev.perfgate.examples.jmh.JmhBenchmarks}) and with
 * Perfgate ({@link dev.perfgate.examples.jmh.PerfgateSide}, in a JVM of its own) and prints one table.
 */
@NullMarked
package dev.perfgate.examples.jmh;

import org.jspecify.annotations.NullMarked;
