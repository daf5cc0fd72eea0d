package dev.perfgate.baseline;

import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Unit;
import dev.perfgate.api.internal.stats.LogScale;
import dev.perfgate.api.internal.stats.Mad;
import dev.perfgate.api.internal.stats.Median;
import dev.perfgate.api.internal.stats.RankShift;
import dev.perfgate.api.internal.stats.StudentT;
import dev.perfgate.baseline.internal.ChangePointSearch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Judges a result against a reference: a stored baseline or result A of an A/B run
 * ({@link #compare}), a stored history ({@link #againstHistory}), and corrects a suite's comparisons
 * for multiplicity ({@link #holm}). Comparisons use one value per trial, never the samples inside a
 * trial, because only trials are independent. Times and throughputs are compared as a ratio on the
 * log scale; counts (allocated bytes, counters) as a difference in their own unit, with an absolute
 * tolerance (see {@link #DEFAULT_BYTE_TOLERANCE}), since a count may be 0. The noise floor and the
 * history check learn from the current stable segment of the history only (see
 * {@link #noiseFloor(List, Metric)}).
 *
 * <pre>{@code
 * RegressionJudge judge = RegressionJudge.newBuilder().noiseFloor(0.03).tolerance(0.20).build();
 * Comparison c = judge.compare(baseline, current, Metric.WALL_TIME);
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

  private final double noiseFloor;
  private final double tolerance;
  private final double confidence;
  private final int historyWindow;
  private final double byteTolerance;
  private final double countTolerance;

  private RegressionJudge(Builder b) {
    this.byteTolerance = b.byteTolerance;
    this.countTolerance = b.countTolerance;
    this.noiseFloor = b.noiseFloor;
    this.tolerance = b.tolerance;
    this.confidence = b.confidence;
    this.historyWindow = b.historyWindow;
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
    return noiseFloor;
  }

  /**
   * The relative regression beyond which a check fails.
   *
   * @return the tolerance, such as 0.20
   */
  public double tolerance() {
    return tolerance;
  }

  /**
   * The two-sided confidence level of intervals.
   *
   * @return the confidence, such as 0.95
   */
  public double confidence() {
    return confidence;
  }

  /**
   * Compares a new result with a reference for one metric, using this judge's noise floor.
   *
   * @param reference the baseline, or result A
   * @param current the new result, or result B
   * @param metric the metric to compare
   * @return the comparison; NOT_COMPARABLE (with the reason in its note) when the environments
   *     differ, a side has no trial value, or values of a ratio metric are not positive (identical
   *     values on both sides, zeros included, are UNCHANGED). Counts (units BYTES and COUNT) are
   *     compared on the difference of trial values ({@link Comparison.Scale#DIFFERENCE}), zeros included
   */
  public Comparison compare(Result reference, Result current, Metric metric) {
    return compare(reference, current, metric, new Floor(noiseFloor, ""));
  }

  /**
   * Compares a new result with a reference, with the noise floor raised to the noise seen between
   * the stored same-code runs when that is larger (see {@link #noiseFloor(List, Metric)}).
   *
   * @param reference the baseline, or result A
   * @param current the new result
   * @param metric the metric to compare
   * @param history stored runs of the same variant, oldest first; runs from other environments are ignored
   * @return the comparison
   */
  public Comparison compare(Result reference, Result current, Metric metric, List<Result> history) {
    return compare(reference, current, metric,
        floor(history, current.environment().fingerprint(), metric));
  }

  /**
   * The noise floor for a metric given a stored history: the larger of this judge's floor and the
   * robust spread (1.4826 x MAD of the logarithms, as a relative change) of the run values of the
   * current stable segment: the last stored runs of the newest run's environment since their last
   * change point (see {@link #stableSegment(double[])}), so that a regression, once it is a change
   * point, starts a new segment and cannot widen its own floor. Runs judged regressed are not
   * dropped otherwise, which would bias the noise low. Needs {@value #HISTORY_RUNS_TO_GATE} runs in
   * the segment; with fewer the configured floor is returned.
   *
   * @param history stored runs, oldest first
   * @param metric the metric
   * @return the noise floor to use
   */
  public double noiseFloor(List<Result> history, Metric metric) {
    if (history.isEmpty()) {
      return noiseFloor;
    }
    return floor(history, history.get(history.size() - 1).environment().fingerprint(), metric).value();
  }

  /** A noise floor and, where it fell back to the configured one after a change point, why. */
  private record Floor(double value, String note) {}

  private Floor floor(List<Result> history, String fingerprint, Metric metric) {
    double[] window = runValues(history, fingerprint, metric);
    Segment seg = stableSegment(window);
    double[] runs = seg.values(window);
    if (runs.length < HISTORY_RUNS_TO_GATE || !LogScale.allPositive(runs)) {
      String note = seg.start() > 0 && runs.length < HISTORY_RUNS_TO_GATE
          ? String.format(Locale.ROOT, "configured %s %% noise floor: %d stored run(s) since the change point, %d needed",
              fmtPercent(noiseFloor), runs.length, HISTORY_RUNS_TO_GATE)
          : "";
      return new Floor(noiseFloor, note);
    }
    double spread = Math.expm1(Mad.NORMAL_CONSISTENCY * Mad.of(LogScale.of(runs)));
    return new Floor(Math.max(noiseFloor, spread), "");
  }

  private static String fmtPercent(double f) {
    double v = f * 100;
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /**
   * The current stable segment of a series of run values: from its last change point (e-divisive
   * means, as the trend finds them, at p &lt;= {@value Trends#CHANGE_P_VALUE}) to its end. A change
   * point starts a new segment as soon as the search accepts it, candidate or not: it takes two
   * runs on either side, and from then on the old level no longer describes the new runs.
   *
   * @param runs run values, oldest first
   * @return the segment
   */
  static Segment stableSegment(double[] runs) {
    if (runs.length == 0) {
      return new Segment(0, Double.NaN, Double.NaN);
    }
    double[] x = LogScale.allPositive(runs) ? LogScale.of(runs) : runs;
    List<ChangePointSearch.Split> splits = ChangePointSearch.find(x, Trends.CHANGE_P_VALUE);
    if (splits.isEmpty()) {
      return new Segment(0, Double.NaN, Double.NaN);
    }
    ChangePointSearch.Split last = splits.get(splits.size() - 1);
    int prev = splits.size() > 1 ? splits.get(splits.size() - 2).index() : 0;
    return new Segment(last.index(), Median.of(Arrays.copyOfRange(runs, prev, last.index())), last.pValue());
  }

  /** The runs from index {@code start} on; {@code before} is the median level before the change point (NaN if none). */
  record Segment(int start, double before, double pValue) {
    double[] values(double[] runs) {
      return Arrays.copyOfRange(runs, start, runs.length);
    }
  }

  private Comparison compare(Result reference, Result current, Metric metric, Floor floor) {
    double[] x = reference.trialValues(metric);
    double[] y = current.trialValues(metric);
    String problem = problem(reference, current, metric, x, y);
    boolean counts = isCount(metric);
    Comparison.Scale scale = counts ? Comparison.Scale.DIFFERENCE : Comparison.Scale.RATIO;
    double absTol = counts ? absoluteTolerance(metric) : 0;
    if (!problem.isEmpty()) {
      return new Comparison(current.key(), metric, Outcome.NOT_COMPARABLE, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, floor.value(), tolerance, confidence, x.length, y.length, problem, scale,
          Double.NaN, absTol);
    }
    double ref = Median.of(x);
    if (allEqual(x, y)) {
      // Identical figures on both sides (an exact count, 0 bytes allocated): unchanged, even where no ratio exists.
      double same = counts ? 0 : 1;
      return new Comparison(current.key(), metric, Outcome.UNCHANGED, same, same, same, 1, 1, floor.value(), tolerance,
          confidence, x.length, y.length, floor.note(), scale, ref, absTol);
    }
    if (counts) {
      return compareCounts(current, metric, x, y, floor, ref, absTol);
    }
    if (!LogScale.allPositive(x) || !LogScale.allPositive(y)) {
      return new Comparison(current.key(), metric, Outcome.NOT_COMPARABLE, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, floor.value(), tolerance, confidence, x.length, y.length, "values of " + metric.name()
          + " are not all > 0 (" + metric.format(Median.of(x)) + " before, " + metric.format(Median.of(y))
          + " now, medians), so no ratio exists", scale, ref, absTol);
    }
    RankShift s = RankShift.of(LogScale.of(x), LogScale.of(y), confidence);
    double pWorse = metric.direction() == Direction.HIGHER_IS_BETTER ? s.pLess() : s.pGreater();
    double pBetter = metric.direction() == Direction.HIGHER_IS_BETTER ? s.pGreater() : s.pLess();
    Outcome o = classify(metric.direction(), s.low(), s.high(), pWorse, pBetter, floor.value(), 1 - confidence);
    return new Comparison(current.key(), metric, o, Math.exp(s.shift()), Math.exp(s.low()), Math.exp(s.high()),
        pWorse, pBetter, floor.value(), tolerance, confidence, x.length, y.length, floor.note(), scale, ref, absTol);
  }

  /**
   * Counts on their own scale: the Hodges-Lehmann shift of the raw trial values (new - old) with its
   * rank interval and Mann-Whitney p-values, judged against a band in the metric's unit. A trial
   * where escape analysis removed an allocation is one value among the others, never a reason to
   * skip the comparison.
   */
  private Comparison compareCounts(Result current, Metric metric, double[] x, double[] y, Floor floor, double ref,
      double absTol) {
    RankShift s = RankShift.of(x, y, confidence);
    double pWorse = metric.direction() == Direction.HIGHER_IS_BETTER ? s.pLess() : s.pGreater();
    double pBetter = metric.direction() == Direction.HIGHER_IS_BETTER ? s.pGreater() : s.pLess();
    double band = Math.max(absTol, floor.value() * Math.abs(ref));
    Outcome o = classifyDifference(metric.direction(), s.shift(), s.low(), s.high(), pWorse, pBetter, band,
        1 - confidence);
    String note = floor.note();
    String disagree = disagreement(metric, x, y, band);
    if (!disagree.isEmpty()) {
      note = note.isEmpty() ? disagree : note + "; " + disagree;
    }
    return new Comparison(current.key(), metric, o, s.shift(), s.low(), s.high(), pWorse, pBetter, floor.value(),
        tolerance, confidence, x.length, y.length, note, Comparison.Scale.DIFFERENCE, ref, absTol);
  }

  /** Says where the trials of a side spread wider than the band: the JIT removed an allocation in some. */
  private static String disagreement(Metric metric, double[] x, double[] y, double band) {
    List<String> sides = new ArrayList<>();
    double xs = max(x) - min(x);
    double ys = max(y) - min(y);
    if (xs > band) {
      sides.add("baseline " + metric.format(min(x)) + " .. " + metric.format(max(x)));
    }
    if (ys > band) {
      sides.add("now " + metric.format(min(y)) + " .. " + metric.format(max(y)));
    }
    return sides.isEmpty() ? "" : "trials disagree beyond " + metric.format(band) + ": " + String.join(", ", sides);
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
  }

  /** Whether a metric is a count judged on the difference: allocated bytes and counters. */
  static boolean isCount(Metric metric) {
    return metric.unit() == Unit.BYTES || metric.unit() == Unit.COUNT;
  }

  /**
   * The absolute tolerance this judge uses for a metric compared on the difference.
   *
   * @param metric the metric
   * @return {@value #DEFAULT_BYTE_TOLERANCE} for bytes, {@value #DEFAULT_COUNT_TOLERANCE} for counts,
   *     0 for metrics compared on the ratio
   */
  public double absoluteTolerance(Metric metric) {
    return metric.unit() == Unit.BYTES ? byteTolerance : metric.unit() == Unit.COUNT ? countTolerance : 0;
  }

  private static String problem(Result reference, Result current, Metric metric, double[] x, double[] y) {
    String a = reference.environment().fingerprint();
    String b = current.environment().fingerprint();
    if (!a.equals(b)) {
      return "no comparable baseline: it was measured in environment " + a + ", this run in " + b
          + " (" + current.environment() + ")";
    }
    if (x.length == 0 || y.length == 0) {
      return (x.length == 0 ? "the reference" : "the new result") + " has no trial value of " + metric.name()
          + reason(x.length == 0 ? reference : current, metric);
    }
    return "";
  }

  private static boolean allEqual(double[] x, double[] y) {
    double v = x[0];
    for (double a : x) {
      if (a != v) {
        return false;
      }
    }
    for (double b : y) {
      if (b != v) {
        return false;
      }
    }
    return true;
  }

  private static String reason(Result r, Metric metric) {
    String why = r.notMeasured().get(metric);
    return why == null ? "" : " (" + why + ")";
  }

  /** Decides the outcome from the log-scale interval, the one-sided p-values and the noise floor. */
  static Outcome classify(Direction direction, double logLow, double logHigh, double pWorse, double pBetter,
      double floor, double alpha) {
    double band = Math.log1p(floor);
    boolean above = logLow > band;
    boolean below = logHigh < -band;
    boolean inside = logLow >= -band && logHigh <= band;
    if (inside) {
      return Outcome.UNCHANGED;
    }
    return beyondTheBand(direction, above, below, pWorse, pBetter, alpha);
  }

  /**
   * Decides the outcome of a difference (in the metric's unit) from its shift, interval and
   * one-sided p-values. UNCHANGED when the interval lies inside the band, or when the shift does
   * and the rank test finds no shift at the level: counts are nearly exact, so with few trials one
   * trial where the JIT removed an allocation widens the interval to that trial, and it is the
   * estimate, not the interval, that says whether the counts moved.
   */
  static Outcome classifyDifference(Direction direction, double shift, double low, double high, double pWorse,
      double pBetter, double band, double alpha) {
    boolean inside = low >= -band && high <= band;
    boolean noShift = Math.abs(shift) <= band && pWorse >= alpha && pBetter >= alpha;
    if (inside || noShift) {
      return Outcome.UNCHANGED;
    }
    boolean above = low > band;
    boolean below = high < -band;
    return beyondTheBand(direction, above, below, pWorse, pBetter, alpha);
  }

  /** The outcome of an interval that is not inside the noise band, on either scale. */
  private static Outcome beyondTheBand(Direction direction, boolean above, boolean below, double pWorse,
      double pBetter, double alpha) {
    if (direction == Direction.NEUTRAL) {
      return (above || below) && Math.min(pWorse, pBetter) < alpha ? Outcome.CHANGED : Outcome.INCONCLUSIVE;
    }
    boolean worse = direction == Direction.HIGHER_IS_BETTER ? below : above;
    boolean better = direction == Direction.HIGHER_IS_BETTER ? above : below;
    if (worse && pWorse < alpha) {
      return Outcome.REGRESSED;
    }
    if (better && pBetter < alpha) {
      return Outcome.IMPROVED;
    }
    return Outcome.INCONCLUSIVE;
  }

  /**
   * Corrects a suite's comparisons for multiplicity with Holm's step-down method: the "worse" and
   * the "better" p-values are each adjusted over the comparisons that have them, and the outcomes
   * decided again with the adjusted values. With 50 benchmarks at 5 % each, uncorrected, a false
   * alarm would come in most runs; Holm keeps the chance of any false alarm at 5 %.
   *
   * @param comparisons the comparisons of one suite run
   * @return the adjusted comparisons, in the same order
   */
  public List<Comparison> holm(List<Comparison> comparisons) {
    double[] worse = holmAdjust(comparisons.stream().mapToDouble(Comparison::pWorse).toArray());
    double[] better = holmAdjust(comparisons.stream().mapToDouble(Comparison::pBetter).toArray());
    long family = comparisons.stream().filter(c -> Double.isFinite(c.pWorse())).count();
    List<Comparison> out = new ArrayList<>(comparisons.size());
    for (int i = 0; i < comparisons.size(); i++) {
      Comparison c = comparisons.get(i);
      if (!Double.isFinite(c.pWorse())) {
        out.add(c);
        continue;
      }
      String note = "p Holm-adjusted over " + family + " comparisons";
      out.add(c.withPValues(worse[i], better[i], c.note().isEmpty() ? note : c.note() + "; " + note));
    }
    return List.copyOf(out);
  }

  /** Holm's adjusted p-values; NaN entries stay NaN and are not counted. */
  static double[] holmAdjust(double[] p) {
    Integer[] order = new Integer[p.length];
    int k = 0;
    for (int i = 0; i < p.length; i++) {
      if (Double.isFinite(p[i])) {
        order[k++] = i;
      }
    }
    Integer[] idx = Arrays.copyOf(order, k);
    Arrays.sort(idx, Comparator.comparingDouble(i -> p[i]));
    double[] adjusted = p.clone();
    double running = 0;
    for (int r = 0; r < k; r++) {
      running = Math.max(running, Math.min(1, (k - r) * p[idx[r]]));
      adjusted[idx[r]] = running;
    }
    return adjusted;
  }

  /**
   * Combines a failing comparison with the comparison of a second measurement: the failure stands
   * only if the second measurement fails too. If it does not, the outcome is INCONCLUSIVE, so that a
   * one-off disturbance neither fails the build nor passes silently.
   *
   * @param first the first comparison
   * @param retry the comparison of the same benchmark and metric measured again
   * @return the comparison to report
   * @throws IllegalArgumentException if the two are about different benchmarks or metrics
   */
  public Comparison confirm(Comparison first, Comparison retry) {
    if (!first.key().equals(retry.key()) || !first.metric().equals(retry.metric())) {
      throw new IllegalArgumentException("cannot confirm " + first.key() + " " + first.metric().name() + " with "
          + retry.key() + " " + retry.metric().name() + "; pass the same benchmark and metric measured again");
    }
    if (!first.needsConfirmation()) {
      return first;
    }
    if (retry.outcome() == Outcome.REGRESSED) {
      return retry.withOutcome(Outcome.REGRESSED, join(retry.note(), "confirmed by a second measurement"));
    }
    return retry.withOutcome(Outcome.INCONCLUSIVE, join(retry.note(), "first measurement regressed "
        + first.change() + " but the second did not confirm it: measure again"));
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : a + "; " + b;
  }

  /**
   * Checks a new result against the stored history of its variant: a robust prediction interval on
   * the log scale, median +- t x 1.4826 x MAD x sqrt(1 + 1/m), over the last stored runs from the
   * same environment that belong to the current stable segment (since their last change point, see
   * {@link #noiseFloor(List, Metric)}), never narrower than the noise floor. One odd stored run moves
   * nothing; once a level shift is a change point, new runs are checked against the new level (the
   * note names the change point, and the trend reports it).
   * Advisory (WARN at most) until {@value #HISTORY_RUNS_TO_GATE} runs are stored.
   *
   * @param history stored runs of the variant, oldest first (the new result must not be among them)
   * @param current the new result
   * @param metric the metric
   * @return the check
   */
  public HistoryCheck againstHistory(List<Result> history, Result current, Metric metric) {
    String fingerprint = current.environment().fingerprint();
    double[] window = runValues(history, fingerprint, metric);
    Segment seg = stableSegment(window);
    double[] runs = seg.values(window);
    String since = seg.start() == 0 ? "" : "since the change point at stored run " + (seg.start() + 1) + " of "
        + window.length + " (median " + metric.format(seg.before()) + " before)";
    double value = Median.of(current.trialValues(metric));
    int m = runs.length;
    if (isCount(metric) && m >= 2 && !Double.isNaN(value)) {
      return countAgainstHistory(current, metric, runs, value, since);
    }
    if (m < 2 || Double.isNaN(value) || !LogScale.allPositive(runs) || !(value > 0)) {
      String why = m < 2 ? m + " stored run(s) of " + metric.name() + " in environment " + fingerprint
          + (since.isEmpty() ? "" : " " + since) + " (of " + history.size() + " in all); 2 are needed"
          : Double.isNaN(value) ? "this run has no value of " + metric.name()
          : "values of " + metric.name() + " are not all > 0";
      return new HistoryCheck(current.key(), metric, Outcome.NOT_COMPARABLE, value, Double.NaN, Double.NaN,
          Double.NaN, m, noiseFloor, tolerance, why);
    }
    double[] logs = LogScale.of(runs);
    double center = Median.of(logs);
    double t = StudentT.quantile(1 - (1 - confidence) / 2, m - 1);
    double half = t * Mad.NORMAL_CONSISTENCY * Mad.of(logs) * Math.sqrt(1 + 1.0 / m);
    half = Math.max(half, Math.log1p(noiseFloor));
    double lv = Math.log(value);
    Outcome o;
    if (Math.abs(lv - center) <= half) {
      o = Outcome.UNCHANGED;
    } else if (metric.direction() == Direction.NEUTRAL) {
      o = Outcome.CHANGED;
    } else {
      boolean higher = lv > center;
      o = higher == (metric.direction() == Direction.LOWER_IS_BETTER) ? Outcome.REGRESSED : Outcome.IMPROVED;
    }
    return new HistoryCheck(current.key(), metric, o, value, Math.exp(center), Math.exp(center - half),
        Math.exp(center + half), m, noiseFloor, tolerance, since);
  }

  /**
   * The history check of a count on its own scale: median +- t x 1.4826 x MAD x sqrt(1 + 1/m) of
   * the raw run values, never narrower than the noise band of a comparison (the larger of the
   * absolute tolerance and the noise floor times the median), so 0 B stored runs are checked too.
   */
  private HistoryCheck countAgainstHistory(Result current, Metric metric, double[] runs, double value, String since) {
    int m = runs.length;
    double center = Median.of(runs);
    double t = StudentT.quantile(1 - (1 - confidence) / 2, m - 1);
    double half = t * Mad.NORMAL_CONSISTENCY * Mad.of(runs) * Math.sqrt(1 + 1.0 / m);
    half = Math.max(half, Math.max(absoluteTolerance(metric), noiseFloor * Math.abs(center)));
    Outcome o;
    if (Math.abs(value - center) <= half) {
      o = Outcome.UNCHANGED;
    } else if (metric.direction() == Direction.NEUTRAL) {
      o = Outcome.CHANGED;
    } else {
      boolean higher = value > center;
      o = higher == (metric.direction() == Direction.LOWER_IS_BETTER) ? Outcome.REGRESSED : Outcome.IMPROVED;
    }
    return new HistoryCheck(current.key(), metric, o, value, center, center - half, center + half, m, noiseFloor,
        tolerance, since);
  }

  /** One value per stored run (the median of its trial values), last {@code historyWindow} runs of one environment. */
  private double[] runValues(List<Result> history, String fingerprint, Metric metric) {
    List<Double> values = new ArrayList<>();
    for (Result r : history) {
      if (r.succeeded() && r.environment().fingerprint().equals(fingerprint)) {
        double v = Median.of(r.trialValues(metric));
        if (!Double.isNaN(v)) {
          values.add(v);
        }
      }
    }
    return values.subList(Math.max(0, values.size() - historyWindow), values.size()).stream()
        .mapToDouble(Double::doubleValue).toArray();
  }

  static void checkSettings(double noiseFloor, double tolerance, double confidence) {
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

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "RegressionJudge[noise floor %.3g, tolerance %.3g, confidence %.3g, history %d runs]",
        noiseFloor, tolerance, confidence, historyWindow);
  }

  /** Builds a {@link RegressionJudge}; each option may be set once; {@link #build()} may be called again. */
  public static final class Builder {
    private double noiseFloor = DEFAULT_NOISE_FLOOR;
    private double tolerance = DEFAULT_TOLERANCE;
    private double confidence = DEFAULT_CONFIDENCE;
    private int historyWindow = DEFAULT_HISTORY_WINDOW;
    private double byteTolerance = DEFAULT_BYTE_TOLERANCE;
    private double countTolerance = DEFAULT_COUNT_TOLERANCE;
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
      checkSettings(floor, DEFAULT_TOLERANCE, DEFAULT_CONFIDENCE);
      this.noiseFloor = floor;
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
      checkSettings(DEFAULT_NOISE_FLOOR, tolerance, DEFAULT_CONFIDENCE);
      this.tolerance = tolerance;
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
      checkSettings(DEFAULT_NOISE_FLOOR, DEFAULT_TOLERANCE, confidence);
      this.confidence = confidence;
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
      this.historyWindow = runs;
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
      if (unit != Unit.BYTES && unit != Unit.COUNT) {
        throw new IllegalArgumentException("absolute tolerance is for counts compared on the difference (BYTES, COUNT),"
            + " not " + unit + "; set the relative tolerance for other units");
      }
      if (!(tolerance >= 0 && Double.isFinite(tolerance))) {
        throw new IllegalArgumentException("absolute tolerance (" + tolerance + ") must be >= 0 in " + unit
            + ", such as 8 for 8 B per operation");
      }
      once("absolute tolerance of " + unit);
      if (unit == Unit.BYTES) {
        this.byteTolerance = tolerance;
      } else {
        this.countTolerance = tolerance;
      }
      return this;
    }

    /**
     * Builds the judge.
     *
     * @return an immutable judge
     */
    public RegressionJudge build() {
      return new RegressionJudge(this);
    }
  }
}
