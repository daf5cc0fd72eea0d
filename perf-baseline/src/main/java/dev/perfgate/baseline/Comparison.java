package dev.perfgate.baseline;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
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
 * <p>Counts (allocated bytes, counters: units {@code BYTES} and {@code COUNT}) are compared on their
 * own scale instead ({@link Scale#DIFFERENCE}): {@code ratio}, {@code ciLow} and {@code ciHigh} then
 * hold the difference new - old of the trial values (Hodges-Lehmann shift of the raw values) and
 * its interval in the metric's unit, since a count may be 0 and then no ratio exists. Such a
 * difference is treated as noise within {@link #noiseBand()} and fails beyond {@link #failBand()}:
 * the larger of the absolute tolerance and the relative floor or tolerance times the reference.
 *
 * @param key the benchmark variant
 * @param metric the metric compared
 * @param outcome what was found
 * @param shift the change new vs old with its interval and one-sided p-values
 * @param sides what was compared: the trials on each side and the reference's median
 * @param limits the noise floor, tolerance, confidence and absolute tolerance it was judged with
 * @param note why it is not comparable, or how it was adjusted; empty if nothing to say
 */
public record Comparison(BenchmarkKey key, Metric metric, Outcome outcome, Shift shift, Sides sides, Limits limits,
    String note) implements Verdict.Detail {

  /** How a comparison measures change. */
  public enum Scale {
    /** New over old, judged on the log scale: times, throughputs. */
    RATIO,
    /** New minus old in the metric's unit, for counts that may be 0: allocated bytes, counters. */
    DIFFERENCE
  }

  /**
   * The change new vs old and the evidence for it.
   *
   * @param scale whether {@code value} and its interval are a ratio or a difference
   * @param value new over old (Hodges-Lehmann shift of the logarithms, exponentiated); for
   *     {@link Scale#DIFFERENCE} new - old in the metric's unit; NaN if not comparable
   * @param low lower bound of its confidence interval (0 for a ratio, negative infinity for a
   *     difference, if the samples are too small for one)
   * @param high upper bound (positive infinity if the samples are too small for one)
   * @param pWorse one-sided p-value of the Mann-Whitney test that the new result is worse
   * @param pBetter one-sided p-value that the new result is better
   */
  public record Shift(Scale scale, double value, double low, double high, double pWorse, double pBetter) {

    /**
     * Creates a change.
     *
     * @throws NullPointerException if the scale is null
     */
    public Shift {
      java.util.Objects.requireNonNull(scale, "scale must not be null");
    }

    /**
     * A change that could not be estimated: every figure NaN.
     *
     * @param scale the scale it would have had
     * @return the change
     */
    public static Shift none(Scale scale) {
      return new Shift(scale, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
  }

  /**
   * What was compared.
   *
   * @param baselineTrials the number of trial values of the reference
   * @param currentTrials the number of trial values of the new result
   * @param reference the median of the reference's trial values in the metric's unit; NaN if not known
   * @param runNoiseMissing whether the sides come from two runs (a stored baseline and this run) while
   *     the interval holds no noise between runs, for want of {@value RegressionJudge#HISTORY_RUNS_TO_GATE}
   *     stored runs: a time regression then fails only where its whole interval is past the tolerance
   * @param rulerAdjusted whether the machine's speed was taken out of the times compared, by the ruler's
   *     pass timed after every trial and its slope over the stored runs (the note gives the figures);
   *     the ratio and its interval are then of the adjusted times
   */
  public record Sides(int baselineTrials, int currentTrials, double reference, boolean runNoiseMissing,
      boolean rulerAdjusted) {

    /**
     * Sides whose interval misses no noise it should hold: one run (an A/B run), or two runs with the
     * spread between stored runs in the interval.
     *
     * @param baselineTrials the number of trial values of the reference
     * @param currentTrials the number of trial values of the new result
     * @param reference the median of the reference's trial values; NaN if not known
     */
    public Sides(int baselineTrials, int currentTrials, double reference) {
      this(baselineTrials, currentTrials, reference, false, false);
    }
  }

  /**
   * The limits a comparison was judged with.
   *
   * @param noiseFloor the relative change treated as noise, such as 0.03
   * @param tolerance the relative regression that fails the check, such as 0.20
   * @param confidence the two-sided confidence level of the interval, such as 0.95
   * @param absoluteTolerance for a difference, the change in the metric's unit that is always within
   *     noise and the least that fails, such as 8 B per operation; 0 for a ratio
   */
  public record Limits(double noiseFloor, double tolerance, double confidence, double absoluteTolerance) {

    /**
     * Creates limits.
     *
     * @throws IllegalArgumentException if a limit is out of range
     */
    public Limits {
      check(noiseFloor, tolerance, confidence);
      if (!(absoluteTolerance >= 0 && Double.isFinite(absoluteTolerance))) {
        throw new IllegalArgumentException("absolute tolerance (" + absoluteTolerance
            + ") must be >= 0 in the metric's unit, such as 8 for 8 B per operation");
      }
    }

    static void check(double noiseFloor, double tolerance, double confidence) {
      if (!(noiseFloor >= 0 && Double.isFinite(noiseFloor))) {
        throw new IllegalArgumentException("noise floor (" + noiseFloor + ") must be >= 0, such as 0.03 for 3 %");
      }
      if (!(tolerance >= 0 && Double.isFinite(tolerance))) {
        throw new IllegalArgumentException("tolerance (" + tolerance + ") must be >= 0, such as 0.20 for 20 %");
      }
      if (!(confidence > 0.5 && confidence < 1)) {
        throw new IllegalArgumentException("confidence (" + confidence + ") must be > 0.5 and < 1, such as 0.95");
      }
    }
  }

  /**
   * Creates a comparison.
   *
   * @throws NullPointerException if an argument is null
   */
  public Comparison {
    java.util.Objects.requireNonNull(key, "key must not be null");
    java.util.Objects.requireNonNull(metric, "metric must not be null");
    java.util.Objects.requireNonNull(outcome, "outcome must not be null");
    java.util.Objects.requireNonNull(shift, "shift must not be null");
    java.util.Objects.requireNonNull(sides, "sides must not be null");
    java.util.Objects.requireNonNull(limits, "limits must not be null");
    java.util.Objects.requireNonNull(note, "note must not be null");
  }

  /**
   * New over old, or new - old for a difference: {@code shift().value()}.
   *
   * @return the change; NaN if not comparable
   */
  public double ratio() {
    return shift.value();
  }

  /**
   * The lower bound of the change's interval: {@code shift().low()}.
   *
   * @return the bound
   */
  public double ciLow() {
    return shift.low();
  }

  /**
   * The upper bound of the change's interval: {@code shift().high()}.
   *
   * @return the bound
   */
  public double ciHigh() {
    return shift.high();
  }

  /**
   * The one-sided p-value that the new result is worse: {@code shift().pWorse()}.
   *
   * @return the p-value, NaN if not comparable
   */
  public double pWorse() {
    return shift.pWorse();
  }

  /**
   * The one-sided p-value that the new result is better: {@code shift().pBetter()}.
   *
   * @return the p-value, NaN if not comparable
   */
  public double pBetter() {
    return shift.pBetter();
  }

  /**
   * Whether the change is a ratio or a difference: {@code shift().scale()}.
   *
   * @return the scale
   */
  public Scale scale() {
    return shift.scale();
  }

  /**
   * The relative change treated as noise: {@code limits().noiseFloor()}.
   *
   * @return the floor, such as 0.03
   */
  public double noiseFloor() {
    return limits.noiseFloor();
  }

  /**
   * The relative regression that fails: {@code limits().tolerance()}.
   *
   * @return the tolerance, such as 0.20
   */
  public double tolerance() {
    return limits.tolerance();
  }

  /**
   * The two-sided confidence level of the interval: {@code limits().confidence()}.
   *
   * @return the level, such as 0.95
   */
  public double confidence() {
    return limits.confidence();
  }

  /**
   * For a difference, the absolute tolerance in the metric's unit: {@code limits().absoluteTolerance()}.
   *
   * @return the tolerance; 0 for a ratio
   */
  public double absoluteTolerance() {
    return limits.absoluteTolerance();
  }

  /**
   * The median of the reference's trial values: {@code sides().reference()}.
   *
   * @return the median in the metric's unit; NaN if not known
   */
  public double reference() {
    return sides.reference();
  }

  /**
   * The number of trial values of the reference: {@code sides().baselineTrials()}.
   *
   * @return the count
   */
  public int baselineTrials() {
    return sides.baselineTrials();
  }

  /**
   * The number of trial values of the new result: {@code sides().currentTrials()}.
   *
   * @return the count
   */
  public int currentTrials() {
    return sides.currentTrials();
  }

  /**
   * Whether this comparison is a difference in the metric's unit rather than a ratio.
   *
   * @return true for {@link Scale#DIFFERENCE}
   */
  public boolean isDifference() {
    return scale() == Scale.DIFFERENCE;
  }

  /**
   * For a difference, the change treated as noise: the larger of the absolute tolerance and the
   * noise floor times the reference median (so that large counts are judged relatively).
   *
   * @return the band in the metric's unit; NaN for a ratio
   */
  public double noiseBand() {
    return isDifference() ? band(noiseFloor()) : Double.NaN;
  }

  /**
   * For a difference, the regression that fails: the larger of the absolute tolerance and the
   * tolerance times the reference median.
   *
   * @return the band in the metric's unit; NaN for a ratio
   */
  public double failBand() {
    return isDifference() ? band(tolerance()) : Double.NaN;
  }

  private double band(double relative) {
    double rel = Double.isFinite(reference()) ? relative * Math.abs(reference()) : 0;
    return Math.max(absoluteTolerance(), rel);
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
        return pWorse();
      case IMPROVED:
        return pBetter();
      default:
        return Math.min(pWorse(), pBetter());
    }
  }

  /**
   * Whether the regression goes beyond the tolerance: its point estimate is past it in the worse
   * direction, and where the interval holds no noise between runs ({@link Sides#runNoiseMissing()})
   * for a ratio, its whole interval is. Such an interval sees the noise between trials or forks of
   * one moment only, and two runs of the same code can differ by more (a ~20 us JSON parse, unchanged,
   * read +52.8 % with a 95 % CI of +7.0 .. +118.1 % one run a side): a point estimate past the
   * tolerance is then no evidence of a regression that large. Counts are judged on the estimate
   * alone: the spread between runs barely touches an allocation or a counter.
   *
   * @return true for a regression that fails the check
   */
  public boolean beyondTolerance() {
    if (outcome != Outcome.REGRESSED) {
      return false;
    }
    if (isDifference()) {
      return worse(ratio()) > failBand();
    }
    return estimatePastTolerance() && !(sides.runNoiseMissing() && !intervalPastTolerance());
  }

  /** Whether the point estimate of a ratio is past the tolerance in the worse direction. */
  private boolean estimatePastTolerance() {
    return worseLog(Math.log(ratio())) > Math.log1p(tolerance());
  }

  /** Whether the whole interval of a ratio is past the tolerance in the worse direction. */
  private boolean intervalPastTolerance() {
    double nearer = Math.min(worseLog(Math.log(ciLow())), worseLog(Math.log(ciHigh())));
    return nearer > Math.log1p(tolerance());
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
   * This comparison as a verdict, for example
   * {@code render  time.wall +12.4 % vs baseline (95 % CI +9.8 .. +15.1 %)  beyond 3 % noise, within 20 % tolerance  WARN}.
   * Figures: ratio, ciLow, ciHigh, pValue, noiseFloor, tolerance, confidence (only finite ones); for a
   * difference, difference, differenceLow, differenceHigh, reference and absoluteTolerance in place
   * of the ratio and its interval, as in
   * {@code alloc  alloc.bytes +24 B/op vs baseline (95 % CI +24 B .. +24 B)  beyond 8 B tolerance  FAIL}.
   *
   * @return the verdict
   */
  public Verdict toVerdict() {
    return Verdict.of(Subject.of(key), metric, metric.name() + " vs baseline", status(), this);
  }

  /**
   * The figures of {@link #toVerdict()}: ratio, ciLow, ciHigh, pValue, noiseFloor, tolerance,
   * confidence (only finite ones); for a difference, difference, differenceLow, differenceHigh,
   * reference and absoluteTolerance in place of the ratio and its interval.
   *
   * @return the figures by name
   */
  @Override
  public Map<String, Double> figures() {
    return namedFigures();
  }

  /** The figures, for a {@link MetricJudgement} that shows them beside its own. */
  Map<String, Double> namedFigures() {
    Map<String, Double> figures = new LinkedHashMap<>();
    if (isDifference()) {
      putFinite(figures, "difference", ratio());
      putFinite(figures, "differenceLow", ciLow());
      putFinite(figures, "differenceHigh", ciHigh());
      putFinite(figures, "reference", reference());
      figures.put("absoluteTolerance", absoluteTolerance());
    } else {
      putFinite(figures, "ratio", ratio());
      putFinite(figures, "ciLow", ciLow());
      putFinite(figures, "ciHigh", ciHigh());
    }
    putFinite(figures, "pValue", pValue());
    figures.put("noiseFloor", noiseFloor());
    figures.put("tolerance", tolerance());
    figures.put("confidence", confidence());
    return figures;
  }

  private static void putFinite(Map<String, Double> figures, String name, double v) {
    if (Double.isFinite(v)) {
      figures.put(name, v);
    }
  }

  /**
   * This comparison in one line, as {@link #toVerdict()} shows it.
   *
   * @return the line
   */
  @Override
  public String message() {
    return key + "  " + metric.name() + " " + finding() + "  " + status();
  }

  /**
   * The finding without the variant, the metric and the status, such as
   * {@code +12.4 % vs baseline (95 % CI +9.8 .. +15.1 %)  beyond 3 % noise, within 20 % tolerance}:
   * the part of the line a {@link MetricJudgement} leads with.
   */
  String finding() {
    StringBuilder sb = new StringBuilder();
    if (outcome == Outcome.NOT_COMPARABLE) {
      return sb.append("not compared: ").append(note).toString();
    }
    if (isDifference()) {
      return differenceFinding(sb);
    }
    sb.append(percent(ratio())).append(" % vs baseline (").append(fmt(confidence() * 100)).append(" % CI ")
        .append(ciLow() > 0 ? percent(ciLow()) : "-inf").append(" .. ")
        .append(Double.isFinite(ciHigh()) ? percent(ciHigh()) : "+inf").append(" %)  ");
    String noise = fmt(noiseFloor() * 100) + " % noise";
    switch (outcome) {
      case REGRESSED:
        String tolerance = fmt(tolerance() * 100) + " % tolerance";
        sb.append("beyond ").append(noise).append(beyondTolerance() ? ", beyond " + tolerance
            : estimatePastTolerance() ? ", past " + tolerance + " but not by the whole interval" : ", within " + tolerance);
        break;
      default:
        return outcomeWords(sb, noise);
    }
    return end(sb);
  }

  /**
   * The finding in a few words for a line that another finding leads, such as
   * {@code baseline +37.8 % regressed}.
   */
  String summary() {
    return outcome == Outcome.NOT_COMPARABLE ? "baseline not compared" : "baseline " + change() + " " + said();
  }

  /** The outcome in a word, such as {@code regressed} or {@code not comparable}. */
  String said() {
    return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /**
   * The finding of a difference, for example
   * {@code +24 B/op vs baseline (95 % CI +24 .. +24 B)  beyond 8 B tolerance}.
   */
  private String differenceFinding(StringBuilder sb) {
    sb.append(signed(ratio())).append("/op vs baseline (").append(fmt(confidence() * 100)).append(" % CI ")
        .append(Double.isFinite(ciLow()) ? signed(ciLow()) : "-inf").append(" .. ")
        .append(Double.isFinite(ciHigh()) ? signed(ciHigh()) : "+inf").append(")  ");
    String noise = band(noiseBand(), noiseFloor(), "noise");
    switch (outcome) {
      case REGRESSED:
        String fail = band(failBand(), tolerance(), "tolerance");
        if (beyondTolerance()) {
          sb.append("beyond ").append(fail);
        } else {
          sb.append("beyond ").append(noise).append(", within ").append(fail);
        }
        break;
      default:
        return outcomeWords(sb, noise);
    }
    return end(sb);
  }

  /** The words of every outcome but a regression, which each scale words in its own unit, then the note. */
  private String outcomeWords(StringBuilder sb, String noise) {
    switch (outcome) {
      case IMPROVED:
        sb.append("better beyond ").append(noise);
        break;
      case UNCHANGED:
        // Only MachineChange leaves a change beyond noise unchanged: the machine's change holds it.
        boolean beyondNoise = !isDifference() && worseLog(Math.log(ratio())) > Math.log1p(noiseFloor());
        sb.append(beyondNoise ? "beyond " + noise + ", within the machine's change" : "within " + noise);
        break;
      case CHANGED:
        sb.append("changed beyond ").append(noise).append(" (neutral metric, not judged)");
        break;
      default:
        sb.append("inconclusive at ").append(noise).append(" (p ").append(String.format(Locale.ROOT, "%.3g", pValue()))
            .append(", ").append(baselineTrials()).append(" vs ").append(currentTrials())
            .append(" trials): measure more");
        break;
    }
    return end(sb);
  }

  private String end(StringBuilder sb) {
    if (!note.isEmpty()) {
      sb.append("; ").append(note);
    }
    return sb.toString();
  }

  /** A band in words: {@code 8 B tolerance}, or {@code 30 B noise (3 % of 1000 B)} where the relative part is larger. */
  private String band(double band, double relative, String what) {
    return band > absoluteTolerance()
        ? metric.format(band) + " " + what + " (" + fmt(relative * 100) + " % of " + metric.format(reference()) + ")"
        : metric.format(absoluteTolerance()) + " tolerance";
  }

  /** A value with its sign and the metric's unit, such as {@code +24 B}. */
  private String signed(double v) {
    return (v < 0 ? "-" : "+") + metric.format(Math.abs(v));
  }

  /**
   * The change in words for messages: {@code +12.4 %} for a ratio, {@code +24 B} for a difference.
   *
   * @return the signed change
   */
  String change() {
    return isDifference() ? signed(ratio()) : percent(ratio()) + " %";
  }

  /** A difference turned so that positive means worse for this metric. */
  double worse(double difference) {
    return metric.direction() == Direction.HIGHER_IS_BETTER ? -difference : difference;
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
    // Unchanged stays unchanged: it was decided by two one-sided tests against the band, which a
    // correction of the tests against no change (Holm's, the anytime p-values) does not touch.
    // Inconclusive stays inconclusive: a correction only weakens evidence, and an inconclusive
    // outcome may rest on more than the p-values (a finding the machine's move explains).
    Outcome o = outcome == Outcome.UNCHANGED || outcome == Outcome.INCONCLUSIVE ? outcome : isDifference()
        ? Outcomes.classifyDifference(metric.direction(), ratio(), ciLow(), ciHigh(), newPWorse, newPBetter,
            noiseBand(), 1 - confidence())
        : Outcomes.classify(metric.direction(), Math.log(ciLow()), Math.log(ciHigh()), newPWorse,
            newPBetter, noiseFloor(), 1 - confidence());
    return new Comparison(key, metric, outcome == Outcome.NOT_COMPARABLE ? outcome : o,
        new Shift(scale(), ratio(), ciLow(), ciHigh(), newPWorse, newPBetter), sides, limits, newNote);
  }

  Comparison withOutcome(Outcome newOutcome, String newNote) {
    return new Comparison(key, metric, newOutcome, shift, sides, limits, newNote);
  }

  @Override
  public String toString() {
    return message();
  }
}
