package dev.perfgate.baseline;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Unit;
import java.util.List;

/**
 * Judges a result against a reference: a stored baseline or result A of an A/B run ({@link
 * #compare}), and against a stored history ({@link #againstHistory}); a suite then corrects all its
 * comparisons for multiplicity and measures more where they cannot decide ({@link Comparisons}).
 * Comparisons use one value per trial (per fork where a side ran in two or more forks), never the
 * samples inside a trial, because only trials are independent. Times and throughputs are compared
 * as a ratio on the log scale; counts (allocated bytes, counters) as a difference in their own unit,
 * with an absolute tolerance (see {@link #DEFAULT_BYTE_TOLERANCE}), since a count may be 0. The
 * between-run noise and the history check learn from the current stable segment of the history only
 * (see {@link #runSpread(List, Metric)}).
 *
 * <pre>{@code
 * RegressionJudge judge = RegressionJudge.newBuilder().noiseFloor(0.03).tolerance(0.20).build();
 * Comparison ab = judge.compare(resultA, resultB, Metric.WALL_TIME);                // one run, A/B
 * Comparison c = judge.compare(baseline, current, Metric.WALL_TIME, storedRuns);   // a stored baseline
 * Verdict v = c.toVerdict();
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class RegressionJudge {

  /** The default noise floor: changes under 3 % are treated as noise. */
  public static final double DEFAULT_NOISE_FLOOR = 0.03;
  /** The default tolerance: a regression beyond 20 % fails the check. */
  public static final double DEFAULT_TOLERANCE = 0.20;
  /** The default two-sided confidence level of intervals; one-sided tests run at 1 minus it. */
  public static final double DEFAULT_CONFIDENCE = 0.95;
  /** The default number of most recent stored runs the history check and noise estimate use. */
  public static final int DEFAULT_HISTORY_WINDOW = 20;
  /** Stored runs needed before a history check may fail a build; fewer give a warning at most. */
  public static final int HISTORY_RUNS_TO_GATE = 5;
  /**
   * The absolute tolerance of allocated bytes (unit BYTES) per operation: HotSpot aligns objects to
   * 8 bytes and the smallest object takes 16, so one more object per call is always beyond it, while
   * the fraction of a TLAB refill or of one escaped allocation spread over many calls stays within.
   */
  public static final double DEFAULT_BYTE_TOLERANCE = 8;
  /**
   * The absolute tolerance of counters (unit COUNT) per operation: half an event, so that one more
   * event per call (a query, a cache miss) is beyond it, while an event every few calls (a counter
   * averaged over a sample) stays within.
   */
  public static final double DEFAULT_COUNT_TOLERANCE = 0.5;

  private final JudgeSettings settings;
  private final Comparer comparer;
  private final HistoryJudgement history;

  private RegressionJudge(JudgeSettings settings) {
    this.settings = settings;
    this.comparer = new Comparer(settings);
    this.history = new HistoryJudgement(settings);
  }

  /**
   * A judge with the defaults: 3 % noise floor, 20 % tolerance, 95 % confidence, 20 runs of history.
   *
   * @return the judge
   */
  public static RegressionJudge defaults() {
    return newBuilder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * The smallest relative change this judge treats as real.
   *
   * @return the noise floor, such as 0.03
   */
  public double noiseFloor() {
    return settings.noiseFloor();
  }

  /**
   * The relative regression beyond which a check fails.
   *
   * @return the tolerance, such as 0.20
   */
  public double tolerance() {
    return settings.tolerance();
  }

  /**
   * The two-sided confidence level of intervals.
   *
   * @return the confidence, such as 0.95
   */
  public double confidence() {
    return settings.confidence();
  }

  /**
   * This judge with another confidence level and every other setting the same: the judge of one
   * look of a comparison measured more, whose interval spends a share of the error rate (see
   * {@link Comparisons#lookConfidence(int, double)}).
   *
   * <pre>{@code
   * Comparison look2 = judge.atConfidence(Comparisons.lookConfidence(2, judge.confidence()))
   *     .compare(baseline, measuredMore, Metric.WALL_TIME, history);
   * }</pre>
   *
   * @param confidence the two-sided confidence level, above 0.5 and below 1
   * @return the judge; this one if the level is the same
   * @throws IllegalArgumentException if the level is out of range
   */
  public RegressionJudge atConfidence(double confidence) {
    Comparison.Limits.check(DEFAULT_NOISE_FLOOR, DEFAULT_TOLERANCE, confidence);
    return confidence == settings.confidence() ? this : new RegressionJudge(settings.withConfidence(confidence));
  }

  /**
   * Compares a new result with a reference for one metric, using this judge's noise floor.
   *
   * @param reference the baseline, or result A
   * @param current the new result, or result B
   * @param metric the metric to compare
   * @return the comparison; NOT_COMPARABLE (the reason in its note) when the environments differ, a
   *     side has no trial value, or a ratio metric has values that are not positive; counts (BYTES,
   *     COUNT) are compared on the difference ({@link Comparison.Scale#DIFFERENCE}), zeros included
   */
  public Comparison compare(Result reference, Result current, Metric metric) {
    return comparer.compare(reference, current, metric, new Comparer.Floor(settings.noiseFloor(), ""), false);
  }

  /**
   * Compares a new result with a reference, with the noise between the stored same-code runs in the
   * interval: the variance between runs of the current stable segment (see
   * {@link #runSpread(List, Metric)}) enters the standard error, since the reference and the new
   * result are two runs (two JVMs at two moments of the machine) and differ by that noise even when
   * nothing changed. The noise floor stays this judge's: noise widens the interval, never the margin.
   * Where the stored runs and both sides carry the ruler's pass timed after every trial
   * ({@link dev.perfgate.api.Ruler#TRIAL_METRIC}) and the times follow it, the machine's speed is taken
   * out of the times first: each fork's times less the slope times its ruler's departure from the
   * stored runs' level (the note says by how much, and what was measured). Where a side ran in two
   * or more forks, fork medians are compared rather than trials (see
   * {@link Comparison#note()}, which also says where a side's forks split into two modes). Where each
   * side ran in one JVM and the history cannot give the noise between runs, a change found says so in
   * its note ({@code one JVM a side: the interval holds no noise between JVMs ...}): its interval
   * sees the noise between the trials of each JVM only.
   *
   * @param reference the baseline, or result A
   * @param current the new result
   * @param metric the metric to compare
   * @param history stored runs of the same variant, oldest first; runs from other environments are ignored
   * @return the comparison
   */
  public Comparison compare(Result reference, Result current, Metric metric, List<Result> history) {
    return comparer.compare(reference, current, metric,
        comparer.floor(history, current.environment().fingerprint(), metric), true);
  }

  /**
   * The spread between stored runs of the same code, as a relative figure: the between-run standard
   * deviation (nested analysis of variance of trials in forks in runs, on the log scale) of the runs of
   * the newest run's environment since their last change point. A regression, once a change point,
   * cannot widen it; runs judged regressed are not dropped otherwise, which would bias it low. For a
   * time whose stored runs carry the ruler's pass ({@link dev.perfgate.api.Ruler#TRIAL_METRIC}) and
   * follow it, the spread is of the times with the machine's speed taken out, as the comparison with
   * the baseline then sees them.
   *
   * @param history stored runs, oldest first
   * @param metric the metric
   * @return the relative spread, such as 0.02; NaN with fewer than {@value #HISTORY_RUNS_TO_GATE} runs
   *     in the segment or values that are not all positive
   */
  public double runSpread(List<Result> history, Metric metric) {
    if (history.isEmpty()) {
      return Double.NaN;
    }
    return comparer.runSpread(history, history.get(history.size() - 1).environment().fingerprint(), metric);
  }

  /**
   * Checks a new result against the stored history of its variant: a robust prediction interval on
   * the log scale, median +- t x 1.4826 x MAD x sqrt(1 + 1/m), over the stored runs of the same
   * environment since their last change point (see {@link #runSpread(List, Metric)}), never narrower
   * than the noise floor. One odd stored run moves nothing; after a level shift, new runs are checked
   * against the new level. Advisory (WARN at most) until {@value #HISTORY_RUNS_TO_GATE} runs are stored.
   *
   * @param history stored runs of the variant, oldest first (the new result must not be among them)
   * @param current the new result
   * @param metric the metric
   * @return the check
   */
  public HistoryCheck againstHistory(List<Result> history, Result current, Metric metric) {
    return this.history.againstHistory(history, current, metric);
  }

  @Override
  public String toString() {
    return "RegressionJudge" + settings;
  }

  /** Builds a {@link RegressionJudge}; each option may be set once; {@link #build()} may be called again. */
  public static final class Builder {
    private JudgeSettings settings = JudgeSettings.defaults();
    private final java.util.Set<String> set = new java.util.HashSet<>();

    private Builder() {}

    private void once(String option) {
      if (!set.add(option)) {
        throw new IllegalStateException(option + " was already set on this builder; set each option once");
      }
    }

    /**
     * Sets the smallest relative change treated as real.
     *
     * @param floor the floor, at least 0, such as 0.03
     * @return this builder
     * @throws IllegalArgumentException if negative or not finite
     * @throws IllegalStateException if already set
     */
    public Builder noiseFloor(double floor) {
      once("noise floor");
      Comparison.Limits.check(floor, DEFAULT_TOLERANCE, DEFAULT_CONFIDENCE);
      settings = settings.withNoiseFloor(floor);
      return this;
    }

    /**
     * Sets the relative regression beyond which a check fails.
     *
     * @param tolerance the tolerance, at least 0, such as 0.20
     * @return this builder
     * @throws IllegalArgumentException if negative or not finite
     * @throws IllegalStateException if already set
     */
    public Builder tolerance(double tolerance) {
      once("tolerance");
      Comparison.Limits.check(DEFAULT_NOISE_FLOOR, tolerance, DEFAULT_CONFIDENCE);
      settings = settings.withTolerance(tolerance);
      return this;
    }

    /**
     * Sets the two-sided confidence level; one-sided tests run at 1 minus it.
     *
     * @param confidence the level, above 0.5 and below 1, such as 0.95
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if already set
     */
    public Builder confidence(double confidence) {
      once("confidence");
      Comparison.Limits.check(DEFAULT_NOISE_FLOOR, DEFAULT_TOLERANCE, confidence);
      settings = settings.withConfidence(confidence);
      return this;
    }

    /**
     * Sets how many of the most recent stored runs the history check and the noise estimate use.
     *
     * @param runs the number of runs, at least 2
     * @return this builder
     * @throws IllegalArgumentException if below 2
     * @throws IllegalStateException if already set
     */
    public Builder historyWindow(int runs) {
      once("history window");
      if (runs < 2) {
        throw new IllegalArgumentException("history window (" + runs + ") must be >= 2 runs");
      }
      settings = settings.withHistoryWindow(runs);
      return this;
    }

    /**
     * Sets the absolute tolerance of a count compared on the difference: the change per operation
     * that is always treated as noise, and the least regression that fails.
     *
     * @param unit {@code BYTES} or {@code COUNT}
     * @param tolerance the tolerance in that unit, at least 0, such as 8 (bytes) or 0.5 (events)
     * @return this builder
     * @throws IllegalArgumentException if the unit is not a count or the tolerance is negative or not finite
     * @throws IllegalStateException if already set for this unit
     */
    public Builder absoluteTolerance(Unit unit, double tolerance) {
      JudgeSettings.checkAbsoluteTolerance(unit, tolerance);
      once("absolute tolerance of " + unit);
      settings = settings.withAbsoluteTolerance(unit, tolerance);
      return this;
    }

    /**
     * Builds the judge.
     *
     * @return an immutable judge
     */
    public RegressionJudge build() {
      return new RegressionJudge(settings);
    }
  }
}
