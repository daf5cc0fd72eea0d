package dev.perfgate.baseline;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One metric of a benchmark variant compared with a reference (a stored baseline, or result A of an
 * A/B run): the ratio new/old, its confidence interval, one-sided Mann-Whitney p-values and the
 * outcome. Built by {@link RegressionJudge}; the ratio is new over old in the metric's own unit, so
 * for a time 1.10 is 10 % slower and for a throughput 1.10 is 10 % faster.
 *
 * <p>For metrics where higher is better the noise floor and the tolerance mirror on the log scale:
 * a tolerance of 20 % fails a throughput that drops below 1 / 1.2 (83.3 %) of the baseline, the
 * same step as a time per operation that rises to 1.2 times.
 *
 * @param key the benchmark variant
 * @param metric the metric compared
 * @param outcome what was found
 * @param ratio new over old (Hodges-Lehmann shift of the logarithms, exponentiated); NaN if not comparable
 * @param ciLow lower bound of the ratio's confidence interval (0 if the samples are too small for one)
 * @param ciHigh upper bound (positive infinity if the samples are too small for one)
 * @param pWorse one-sided p-value of the Mann-Whitney test that the new result is worse
 * @param pBetter one-sided p-value that the new result is better
 * @param noiseFloor the relative change treated as noise, such as 0.03
 * @param tolerance the relative regression that fails the check, such as 0.20
 * @param confidence the two-sided confidence level of the interval, such as 0.95
 * @param baselineTrials the number of trial values of the reference
 * @param currentTrials the number of trial values of the new result
 * @param note why it is not comparable, or how it was adjusted; empty if nothing to say
 */
public record Comparison(
    BenchmarkKey key,
    Metric metric,
    Outcome outcome,
    double ratio,
    double ciLow,
    double ciHigh,
    double pWorse,
    double pBetter,
    double noiseFloor,
    double tolerance,
    double confidence,
    int baselineTrials,
    int currentTrials,
    String note) {

  /**
   * Creates a comparison.
   *
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException if the noise floor, tolerance or confidence is out of range
   */
  public Comparison {
    java.util.Objects.requireNonNull(key, "key must not be null");
    java.util.Objects.requireNonNull(metric, "metric must not be null");
    java.util.Objects.requireNonNull(outcome, "outcome must not be null");
    java.util.Objects.requireNonNull(note, "note must not be null");
    RegressionJudge.checkSettings(noiseFloor, tolerance, confidence);
  }

  /**
   * The one-sided p-value that goes with the outcome: the "worse" test for a regression, the
   * "better" test for an improvement, otherwise the smaller of the two.
   *
   * @return the p-value, NaN if not comparable
   */
  public double pValue() {
    switch (outcome) {
      case REGRESSED:
        return pWorse;
      case IMPROVED:
        return pBetter;
      default:
        return Math.min(pWorse, pBetter);
    }
  }

  /**
   * Whether the regression goes beyond the tolerance (the point estimate of the ratio is past it in
   * the worse direction).
   *
   * @return true for a regression that fails the check
   */
  public boolean beyondTolerance() {
    return outcome == Outcome.REGRESSED && worseLog(Math.log(ratio)) > Math.log1p(tolerance);
  }

  /**
   * The status of this comparison: FAIL for a regression beyond the tolerance, WARN within it, PASS
   * for unchanged, improved or a changed neutral metric, INCONCLUSIVE when the data cannot decide,
   * NOT_MEASURED when the results cannot be compared.
   *
   * @return the status
   */
  public Status status() {
    switch (outcome) {
      case REGRESSED:
        return beyondTolerance() ? Status.FAIL : Status.WARN;
      case IMPROVED:
      case UNCHANGED:
      case CHANGED:
        return Status.PASS;
      case NOT_COMPARABLE:
        return Status.NOT_MEASURED;
      case INCONCLUSIVE:
      default:
        return Status.INCONCLUSIVE;
    }
  }

  /**
   * Whether a runner should measure again before failing: true exactly when the status is FAIL.
   * Give both comparisons to {@link RegressionJudge#confirm(Comparison, Comparison)}.
   *
   * @return true if this comparison would fail the build
   */
  public boolean needsConfirmation() {
    return status() == Status.FAIL;
  }

  /**
   * This comparison as a verdict, for example
   * {@code render  time.wall +12.4 % vs baseline (95 % CI +9.8 .. +15.1 %)  beyond 3 % noise, within 20 % tolerance  WARN}.
   * Figures: ratio, ciLow, ciHigh, pValue, noiseFloor, tolerance, confidence (only finite ones).
   *
   * @return the verdict
   */
  public Verdict toVerdict() {
    Map<String, Double> figures = new LinkedHashMap<>();
    putFinite(figures, "ratio", ratio);
    putFinite(figures, "ciLow", ciLow);
    putFinite(figures, "ciHigh", ciHigh);
    putFinite(figures, "pValue", pValue());
    figures.put("noiseFloor", noiseFloor);
    figures.put("tolerance", tolerance);
    figures.put("confidence", confidence);
    return new Verdict(key.toString(), metric.name() + " vs baseline", status(), message(), figures);
  }

  private static void putFinite(Map<String, Double> figures, String name, double v) {
    if (Double.isFinite(v)) {
      figures.put(name, v);
    }
  }

  private String message() {
    StringBuilder sb = new StringBuilder(key.toString()).append("  ").append(metric.name()).append(' ');
    if (outcome == Outcome.NOT_COMPARABLE) {
      return sb.append("not compared: ").append(note).append("  ").append(status()).toString();
    }
    sb.append(percent(ratio)).append(" % vs baseline (").append(fmt(confidence * 100)).append(" % CI ")
        .append(ciLow > 0 ? percent(ciLow) : "-inf").append(" .. ")
        .append(Double.isFinite(ciHigh) ? percent(ciHigh) : "+inf").append(" %)  ");
    String noise = fmt(noiseFloor * 100) + " % noise";
    switch (outcome) {
      case REGRESSED:
        sb.append("beyond ").append(noise).append(beyondTolerance() ? ", beyond " : ", within ")
            .append(fmt(tolerance * 100)).append(" % tolerance");
        break;
      case IMPROVED:
        sb.append("better beyond ").append(noise);
        break;
      case UNCHANGED:
        sb.append("within ").append(noise);
        break;
      case CHANGED:
        sb.append("changed beyond ").append(noise).append(" (neutral metric, not judged)");
        break;
      default:
        sb.append("inconclusive at ").append(noise).append(" (p ").append(String.format(Locale.ROOT, "%.3g", pValue()))
            .append(", ").append(baselineTrials).append(" vs ").append(currentTrials)
            .append(" trials): measure more");
        break;
    }
    if (!note.isEmpty()) {
      sb.append("; ").append(note);
    }
    return sb.append("  ").append(status()).toString();
  }

  /** Signed change in percent without the unit, such as {@code +12.4}. */
  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%+.1f", (ratio - 1) * 100);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /** A log-ratio turned so that positive means worse for this metric. */
  double worseLog(double logRatio) {
    return metric.direction() == Direction.HIGHER_IS_BETTER ? -logRatio : logRatio;
  }

  Comparison withPValues(double newPWorse, double newPBetter, String newNote) {
    Outcome o = RegressionJudge.classify(metric.direction(), Math.log(ciLow), Math.log(ciHigh), newPWorse,
        newPBetter, noiseFloor, 1 - confidence);
    return new Comparison(key, metric, outcome == Outcome.NOT_COMPARABLE ? outcome : o, ratio, ciLow, ciHigh,
        newPWorse, newPBetter, noiseFloor, tolerance, confidence, baselineTrials, currentTrials, newNote);
  }

  Comparison withOutcome(Outcome newOutcome, String newNote) {
    return new Comparison(key, metric, newOutcome, ratio, ciLow, ciHigh, pWorse, pBetter, noiseFloor, tolerance,
        confidence, baselineTrials, currentTrials, newNote);
  }

  @Override
  public String toString() {
    return message();
  }
}
