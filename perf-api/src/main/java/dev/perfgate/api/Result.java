package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All trials of one benchmark variant, with the raw values kept, the metrics that could not be
 * measured and why, and the environment. Results are what baselines store and what targets judge.
 *
 * @param key which benchmark variant this is
 * @param trials the trials, in order
 * @param notMeasured metrics that could not be measured, each with the reason
 * @param warnings things that make the figures less trustworthy, in words
 * @param error the failure of the benchmark, if it threw or timed out, in one line
 * @param environment where it was measured
 * @param startedAt when the run began
 * @param elapsed how long the whole run took, warm-up included
 * @param cause the exception behind the error, with its whole stack trace: what the benchmark threw,
 *     or for a timeout a {@link java.util.concurrent.TimeoutException} whose stack trace is where the
 *     benchmark was when it was stopped; kept in memory for tests and reports, not stored with a
 *     baseline
 * @param annotations data the probes reported that nothing judges (JFR's top allocation sites), at most
 *     one per id, in the order first added; shown by the reports, not stored with a baseline
 * @param provenance the commit, branch and CI run that measured it, as far as known; stored with it
 */
public record Result(
    BenchmarkKey key,
    List<Trial> trials,
    Map<Metric, String> notMeasured,
    List<String> warnings,
    Optional<String> error,
    Environment environment,
    Instant startedAt,
    Duration elapsed,
    Optional<Throwable> cause,
    List<Annotation> annotations,
    Provenance provenance) {

  /**
   * Creates a result.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if there is a cause but no error
   */
  public Result {
    Checks.notNull(key, "key");
    trials = List.copyOf(Checks.notNull(trials, "trials"));
    notMeasured = Map.copyOf(Checks.notNull(notMeasured, "notMeasured"));
    warnings = List.copyOf(Checks.notNull(warnings, "warnings"));
    Checks.notNull(error, "error");
    Checks.notNull(environment, "environment");
    Checks.notNull(startedAt, "startedAt");
    Checks.notNull(elapsed, "elapsed");
    Checks.notNull(cause, "cause");
    annotations = List.copyOf(Checks.notNull(annotations, "annotations"));
    Checks.argument(annotations.stream().map(Annotation::id).distinct().count() == annotations.size(),
        "annotations of %s repeat an id: %s; keep one per id", key, annotations.stream().map(Annotation::id).toList());
    Checks.argument(cause.isEmpty() || error.isPresent(), "a result with a cause (%s) must say its error", cause);
    Checks.notNull(provenance, "provenance");
  }

  /**
   * Creates a result whose provenance is {@linkplain Provenance#unknown() unknown}.
   *
   * @param key which benchmark variant this is
   * @param trials the trials, in order
   * @param notMeasured metrics that could not be measured, each with the reason
   * @param warnings things that make the figures less trustworthy, in words
   * @param error the failure of the benchmark, if it threw or timed out
   * @param environment where it was measured
   * @param startedAt when the run began
   * @param elapsed how long the whole run took, warm-up included
   * @param cause the exception behind the error
   * @param annotations data the probes reported that nothing judges
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if there is a cause but no error, or an annotation id repeats
   */
  public Result(BenchmarkKey key, List<Trial> trials, Map<Metric, String> notMeasured, List<String> warnings,
      Optional<String> error, Environment environment, Instant startedAt, Duration elapsed,
      Optional<Throwable> cause, List<Annotation> annotations) {
    this(key, trials, notMeasured, warnings, error, environment, startedAt, elapsed, cause, annotations,
        Provenance.unknown());
  }

  /**
   * Creates a result without annotations.
   *
   * @param key which benchmark variant this is
   * @param trials the trials, in order
   * @param notMeasured metrics that could not be measured, each with the reason
   * @param warnings things that make the figures less trustworthy, in words
   * @param error the failure of the benchmark, if it threw or timed out
   * @param environment where it was measured
   * @param startedAt when the run began
   * @param elapsed how long the whole run took, warm-up included
   * @param cause the exception behind the error
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if there is a cause but no error
   */
  public Result(BenchmarkKey key, List<Trial> trials, Map<Metric, String> notMeasured, List<String> warnings,
      Optional<String> error, Environment environment, Instant startedAt, Duration elapsed,
      Optional<Throwable> cause) {
    this(key, trials, notMeasured, warnings, error, environment, startedAt, elapsed, cause, List.of(),
        Provenance.unknown());
  }

  /**
   * Creates a result without an exception behind its error (read from a store, or made by hand).
   *
   * @param key which benchmark variant this is
   * @param trials the trials, in order
   * @param notMeasured metrics that could not be measured, each with the reason
   * @param warnings things that make the figures less trustworthy, in words
   * @param error the failure of the benchmark, if it threw or timed out
   * @param environment where it was measured
   * @param startedAt when the run began
   * @param elapsed how long the whole run took, warm-up included
   * @throws NullPointerException if an argument is null
   */
  public Result(BenchmarkKey key, List<Trial> trials, Map<Metric, String> notMeasured, List<String> warnings,
      Optional<String> error, Environment environment, Instant startedAt, Duration elapsed) {
    this(key, trials, notMeasured, warnings, error, environment, startedAt, elapsed, Optional.empty(), List.of(),
        Provenance.unknown());
  }

  /**
   * This result with another provenance, everything else the same.
   *
   * @param provenance the commit, branch and CI run that measured it
   * @return the result
   * @throws NullPointerException if provenance is null
   */
  public Result withProvenance(Provenance provenance) {
    return new Result(key, trials, notMeasured, warnings, error, environment, startedAt, elapsed, cause, annotations,
        provenance);
  }

  /**
   * This result with another environment, everything else the same: rebuilding a result field by
   * field is how a field (the provenance, once) gets lost.
   *
   * @param environment the environment, such as this one with its ruler
   * @return the result
   * @throws NullPointerException if environment is null
   */
  public Result withEnvironment(Environment environment) {
    return new Result(key, trials, notMeasured, warnings, error, environment, startedAt, elapsed, cause, annotations,
        provenance);
  }

  /**
   * Every metric with at least one value in this result, in {@link Metric#reportOrder() report
   * order}: the same order in every JVM, whatever order the samples' maps iterate in, so that the
   * verdicts judged metric by metric come out in the same order from one run to the next.
   *
   * @return the metrics, possibly empty
   */
  public Set<Metric> metrics() {
    Set<Metric> all = new java.util.TreeSet<>(Metric.reportOrder());
    for (Trial t : trials) {
      for (Sample s : t.samples()) {
        all.addAll(s.values().keySet());
      }
      all.addAll(t.values().keySet());
    }
    return new LinkedHashSet<>(all);
  }

  /**
   * Finds a metric of this result by name.
   *
   * @param name the metric's name
   * @return the metric, empty if this result has no value and no "not measured" reason for it
   */
  public Optional<Metric> metric(String name) {
    for (Metric m : metrics()) {
      if (m.name().equals(name)) {
        return Optional.of(m);
      }
    }
    return notMeasured.keySet().stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /**
   * All sample values of a metric, over all trials.
   *
   * @param metric the metric
   * @return the values, empty if the metric is recorded per trial only
   */
  public double[] sampleValues(Metric metric) {
    return trials.stream().flatMap(t -> t.samples().stream()).map(s -> s.values().get(metric))
        .filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * One value per trial (see {@link Trial#value(Metric)}): the independent observations that
   * comparisons and confidence intervals use.
   *
   * @param metric the metric
   * @return the values of the trials that have one, possibly empty
   */
  public double[] trialValues(Metric metric) {
    return trials.stream().mapToDouble(t -> t.value(metric)).filter(v -> !Double.isNaN(v)).toArray();
  }

  /**
   * The values a {@link Statistic} is taken over: every sample's value when the metric is recorded
   * per sample (so that {@code p95} is over all samples), else one value per trial.
   *
   * @param metric the metric
   * @return the values, possibly empty
   */
  public double[] values(Metric metric) {
    double[] samples = sampleValues(metric);
    return samples.length > 0 ? samples : trialValues(metric);
  }

  /**
   * A statistic of a metric over {@link #values(Metric)}.
   *
   * @param metric the metric
   * @param statistic the statistic
   * @return its value, NaN if the metric has no value
   */
  public double statistic(Metric metric, Statistic statistic) {
    return statistic.of(values(metric));
  }

  /**
   * Whether the benchmark ran to the end without an error.
   *
   * @return true if there is no error
   */
  public boolean succeeded() {
    return error.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(key.toString()).append(": ").append(trials.size()).append(" trials");
    for (Metric m : metrics()) {
      sb.append(", ").append(m.name()).append(" median ").append(m.format(statistic(m, Statistic.MEDIAN)));
    }
    error.ifPresent(e -> sb.append(", error: ").append(e));
    return sb.toString();
  }
}
