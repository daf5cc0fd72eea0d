package dev.perfgate.api;

import java.util.List;
import java.util.Optional;

/**
 * An instrument that observes a benchmark while it runs and records metric values (SPI).
 *
 * <p>For each trial the runner opens a {@link Session}, calls {@link Session#beforeSample()} and
 * {@link Session#afterSample(Recorder)} around every measured sample, on the thread that runs the
 * operations, and {@link Session#close(Recorder)} at the end of the trial. Sessions nest: the first
 * probe's {@code beforeSample} runs first and its {@code afterSample} last, and {@link #precise()}
 * probes sit closest to the measured work. A probe that throws is reported by id, its metrics are
 * marked not measured, the other probes and benchmarks go on, and the variant gets an
 * {@link Status#ERROR} verdict, which fails the run: a thrown exception is a defect to fix. A probe
 * that cannot measure on this JVM says so instead, with {@link #unavailable()} or
 * {@link Recorder#notMeasured(Metric, String)}, and its metrics stay "not measured" without failing.
 *
 * <p>Probes are made by a {@link ProbeProvider} found through {@link java.util.ServiceLoader}, or
 * passed to a suite directly.
 */
public interface Probe {

  /**
   * A short, stable id such as {@code time} or {@code jfr.memory}.
   *
   * @return the id
   */
  String id();

  /**
   * The metrics this probe records, so that reports can list what was expected even when it could
   * not be measured.
   *
   * @return the metrics, possibly empty
   */
  List<Metric> metrics();

  /**
   * Why this probe cannot measure on this JVM, if it cannot. The runner then skips the probe and
   * reports each of its metrics as not measured with this reason.
   *
   * @return the reason, empty if the probe works here
   */
  default Optional<String> unavailable() {
    return Optional.empty();
  }

  /**
   * Whether this probe is cheap and exact enough to sit closest to the measured batch (time, thread
   * allocation). Outer probes' own cost then does not show in the precise probes' figures.
   *
   * @return false by default
   */
  default boolean precise() {
    return false;
  }

  /**
   * Opens a session for one trial.
   *
   * @param context the variant and trial
   * @return the session
   * @throws Exception if the probe fails to start; its metrics are then not measured and the variant
   *     gets an {@link Status#ERROR} verdict (use {@link #unavailable()} for a probe that cannot
   *     work on this JVM)
   */
  Session open(RunContext context) throws Exception;

  /** A probe's observation of one trial. */
  interface Session {

    /**
     * Called just before a measured sample starts. Keep it cheap: its cost may land in the timing
     * of probes nested outside this one.
     *
     * @throws Exception if it fails
     */
    default void beforeSample() throws Exception {}

    /**
     * Called just after a measured sample ends, to record this probe's per-sample values.
     *
     * @param recorder takes the values of this sample
     * @throws Exception if it fails
     */
    default void afterSample(Recorder recorder) throws Exception {}

    /**
     * Called at the end of the trial, to record values for the trial as a whole and release
     * resources. Called even when the trial failed.
     *
     * @param recorder takes the values of the trial
     * @throws Exception if it fails
     */
    default void close(Recorder recorder) throws Exception {}
  }

  /** Takes the values a probe records. Implemented by the runner. */
  interface Recorder {

    /**
     * The number of operations in the sample just taken, already multiplied by
     * {@link Benchmark#operationsPerInvocation()}; 0 in {@link Session#close(Recorder)} when no
     * sample was taken.
     *
     * @return the operations
     */
    long operations();

    /**
     * The wall time of the sample just taken, in nanoseconds, as the runner measured it around the
     * batch; in {@link Session#close(Recorder)}, the total of the trial's samples.
     *
     * @return the elapsed nanoseconds
     */
    long elapsedNanos();

    /**
     * Records a value as it is.
     *
     * @param metric the metric
     * @param value the value in the metric's unit
     * @throws IllegalArgumentException if the value is NaN or infinite
     */
    void record(Metric metric, double value);

    /**
     * Records a total for the sample, divided by {@link #operations()} to give a value per
     * operation.
     *
     * @param metric the metric
     * @param total the total over the sample
     */
    default void recordPerOperation(Metric metric, double total) {
      record(metric, total / Math.max(1, operations()));
    }

    /**
     * Marks a metric as not measured, with the reason; reports show the reason instead of a value.
     *
     * @param metric the metric
     * @param reason why, in words that say what to do about it
     */
    void notMeasured(Metric metric, String reason);

    /**
     * Adds data to the result that reports show and nothing judges, such as the top allocation sites
     * JFR sampled. Meant for {@link Session#close(Recorder)}; an annotation with the id of an earlier
     * one in the same result replaces it. The default drops it, for recorders that keep values only;
     * the runner's recorder keeps it.
     *
     * @param annotation the data
     */
    default void annotate(Annotation annotation) {}

    /**
     * Adds a warning to the result.
     *
     * @param message the warning
     */
    void warn(String message);
  }
}
