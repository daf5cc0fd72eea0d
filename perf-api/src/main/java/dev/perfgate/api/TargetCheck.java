package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Target#evaluate(Result)} found: the measured statistic against the limit, or why
 * there was nothing to measure.
 *
 * @param key the variant checked
 * @param target the target
 * @param status PASS or FAIL for a measured statistic; NOT_MEASURED when a probe could not measure
 *     the metric here; ERROR when the benchmark failed or nothing in the run records the metric
 * @param metric the metric as the run recorded it; empty when nothing recorded it
 * @param measured the statistic's value in the metric's unit; NaN when it was not measured
 * @param problem why the statistic was not measured; empty when it was
 */
public record TargetCheck(BenchmarkKey key, Target target, Status status, Optional<Metric> metric, double measured,
    String problem) implements Verdict.Detail {

  /**
   * Creates a target check.
   *
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException if a measured value comes without its metric or with a problem
   */
  public TargetCheck {
    Checks.notNull(key, "key");
    Checks.notNull(target, "target");
    Checks.notNull(status, "status");
    Checks.notNull(metric, "metric");
    Checks.notNull(problem, "problem");
    Checks.argument(Double.isNaN(measured) || (metric.isPresent() && problem.isEmpty()),
        "a measured value (%s) needs the metric and no problem", measured);
  }

  static TargetCheck measured(BenchmarkKey key, Target target, Metric metric, double measured) {
    return new TargetCheck(key, target, target.isMetBy(measured) ? Status.PASS : Status.FAIL, Optional.of(metric),
        measured, "");
  }

  static TargetCheck notMeasured(BenchmarkKey key, Target target, String reason) {
    return new TargetCheck(key, target, Status.NOT_MEASURED, Optional.empty(), Double.NaN, reason);
  }

  static TargetCheck failed(BenchmarkKey key, Target target, String problem) {
    return new TargetCheck(key, target, Status.ERROR, Optional.empty(), Double.NaN, problem);
  }

  /**
   * Prints {@code render  p95 time/op 0.84 ms  <= 100 ms  PASS}, or the problem:
   * {@code render  p95 heap.peak <= 200 MB  NOT_MEASURED: JFR is not available}.
   */
  @Override
  public String message() {
    if (!problem.isEmpty() || metric.isEmpty()) {
      return key + "  " + target + "  " + status + ": " + problem;
    }
    return String.format(Locale.ROOT, "%s  %s %s %s  %s %s  %s", key, target.statistic().label(),
        Target.label(target.metric()), metric.get().format(measured), target.bound().symbol(), target.limit(), status);
  }

  /** The limit and, when measured, the measured statistic, in the metric's unit. */
  @Override
  public Map<String, Double> figures() {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("limit", target.limit().value());
    if (!Double.isNaN(measured)) {
      figures.put("measured", measured);
    }
    return figures;
  }
}
