package dev.perfgate.api;

import java.util.OptionalInt;

/**
 * What a benchmark's set-up and a probe's session are told about the trial they take part in.
 * Implemented by the runner.
 */
public interface RunContext {

  /**
   * The variant being run.
   *
   * @return its key
   */
  BenchmarkKey key();

  /**
   * The size parameter of this variant.
   *
   * @return the size, empty for a benchmark without sizes
   */
  default OptionalInt size() {
    return key().size();
  }

  /**
   * The number of this trial, from 0.
   *
   * @return the trial index
   */
  int trial();

  /**
   * Whether the trial is still warming up. Every trial warms up (and calibrates its batch size)
   * before its measured samples, so this is true in a benchmark's set-up and in a probe's
   * {@link Probe#open(RunContext)}, true for the operations run during warm-up, and false from just
   * before the first measured sample to the end of the trial. A probe's
   * {@link Probe.Session#beforeSample()} and {@link Probe.Session#afterSample(Probe.Recorder)} are
   * called for measured samples only, so they always see false.
   *
   * @return true during warm-up
   */
  boolean warmup();

  /**
   * A counter the benchmark adds its own counts to (files written, models generated). The runner
   * reports each counter as a metric of {@link Unit#COUNT} per operation, neutral in direction.
   * Counters are thread-safe; look one up once in set-up, not per operation.
   *
   * @param metricName a dotted lowercase metric name, such as {@code files.created}
   * @return the counter for that name
   * @throws IllegalArgumentException if the name is not a valid metric name
   */
  Counter counter(String metricName);

  /**
   * Adds a warning to the result, shown in every report.
   *
   * @param message the warning, in words that say what to do
   */
  void warn(String message);
}
