package dev.perfgate.baseline;

import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.internal.stats.LogScale;
import dev.perfgate.api.internal.stats.Median;
import dev.perfgate.api.internal.stats.RankShift;
import dev.perfgate.api.internal.stats.VarianceComponents;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares the trial values of two results for one metric, the work behind
 * {@link RegressionJudge#compare}: a ratio on the log scale for times and throughputs, a difference
 * in the metric's unit for counts.
 */
final class Comparer {

  /**
   * The noise floor (the user's margin, never widened by measured noise), a note where the history
   * could not give the between-run noise, and that noise: the variance between stored runs on the log
   * scale with its degrees of freedom (NaN and 0 where unknown).
   */
  record Floor(double value, String note, double runVariance, int runDf, int runs) {

    /** The configured floor alone, with no history. */
    Floor(double value, String note) {
      this(value, note, Double.NaN, 0, 0);
    }
  }

  private final JudgeSettings settings;

  Comparer(JudgeSettings settings) {
    this.settings = settings;
  }

  /**
   * The noise floor for a metric given a stored history, and the variance between the stored runs of
   * the current stable segment ({@link StableSegment}), estimated by the nested analysis of variance of
   * their trials' logs ({@link VarianceComponents}: trials in forks in runs). The floor is the
   * configured one: the spread between runs enters the comparison's standard error instead, so that
   * noise widens the interval (honestly inconclusive) rather than the margin (silently blind). With
   * fewer than {@value RegressionJudge#HISTORY_RUNS_TO_GATE} runs in the segment the between-run
   * variance is unknown and left out, as a single run cannot show it.
   */
  Floor floor(List<Result> history, String fingerprint, Metric metric) {
    double noiseFloor = settings.noiseFloor();
    List<Result> window = StableSegment.runs(history, fingerprint, metric, settings.historyWindow());
    double[] values = StableSegment.runValues(window, metric);
    StableSegment seg = StableSegment.of(values);
    double[] runs = seg.values(values);
    if (runs.length < RegressionJudge.HISTORY_RUNS_TO_GATE || !LogScale.allPositive(runs)) {
      String note = seg.start() > 0 && runs.length < RegressionJudge.HISTORY_RUNS_TO_GATE
          ? String.format(Locale.ROOT, "configured %s %% noise floor: %d stored run(s) since the change point, %d needed",
              fmtPercent(noiseFloor), runs.length, RegressionJudge.HISTORY_RUNS_TO_GATE)
          : "";
      return new Floor(noiseFloor, note);
    }
    List<Result> segment = window.subList(seg.start(), window.size());
    double[][][] nested = new double[segment.size()][][];
    for (int i = 0; i < nested.length; i++) {
      if (!LogScale.allPositive(segment.get(i).trialValues(metric))) {
        return new Floor(noiseFloor, "");
      }
      nested[i] = ForkLevelShift.logsByFork(segment.get(i), metric);
    }
    VarianceComponents c = VarianceComponents.of(nested);
    return new Floor(noiseFloor, "", c.betweenRuns(), c.dfRuns(), segment.size());
  }

  /**
   * The spread between the stored runs of the current stable segment, as a relative standard
   * deviation ({@code expm1} of the between-run standard deviation of the logs); NaN if unknown.
   */
  double runSpread(List<Result> history, String fingerprint, Metric metric) {
    Floor f = floor(history, fingerprint, metric);
    return f.runDf() > 0 ? Math.expm1(Math.sqrt(f.runVariance())) : Double.NaN;
  }

  private static String fmtPercent(double f) {
    double v = f * 100;
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /**
   * Compares the trial values; {@code separateRuns} says the two results come from two runs (a stored
   * baseline and this run), so that a change found in one JVM a side says what its interval lacks.
   */
  Comparison compare(Result reference, Result current, Metric metric, Floor floor, boolean separateRuns) {
    double confidence = settings.confidence();
    double[] x = reference.trialValues(metric);
    double[] y = current.trialValues(metric);
    String problem = problem(reference, current, metric, x, y);
    boolean counts = JudgeSettings.isCount(metric);
    Comparison.Scale scale = counts ? Comparison.Scale.DIFFERENCE : Comparison.Scale.RATIO;
    Comparison.Limits limits = settings.limits(metric, floor.value());
    if (!problem.isEmpty()) {
      return new Comparison(current.key(), metric, Outcome.NOT_COMPARABLE, Comparison.Shift.none(scale),
          new Comparison.Sides(x.length, y.length, Double.NaN), limits, problem);
    }
    double ref = Median.of(x);
    Comparison.Sides sides = new Comparison.Sides(x.length, y.length, ref, separateRuns && floor.runDf() == 0);
    if (allEqual(x, y)) {
      // Identical figures on both sides (an exact count, 0 bytes allocated): unchanged, even where no ratio exists.
      double same = counts ? 0 : 1;
      return new Comparison(current.key(), metric, Outcome.UNCHANGED, new Comparison.Shift(scale, same, same, same, 1, 1),
          sides, limits, floor.note());
    }
    if (counts) {
      return compareCounts(current, metric, x, y, floor, sides, limits);
    }
    if (!LogScale.allPositive(x) || !LogScale.allPositive(y)) {
      return new Comparison(current.key(), metric, Outcome.NOT_COMPARABLE, Comparison.Shift.none(scale), sides, limits,
          "values of " + metric.name()
          + " are not all > 0 (" + metric.format(Median.of(x)) + " before, " + metric.format(Median.of(y))
          + " now, medians), so no ratio exists");
    }
    double[][] xf = ForkLevelShift.logsByFork(reference, metric);
    double[][] yf = ForkLevelShift.logsByFork(current, metric);
    boolean forked = xf.length >= 2 || yf.length >= 2;
    boolean runNoise = floor.runDf() > 0 && floor.runVariance() > 0;
    if (forked || runNoise) {
      Optional<ForkLevelShift> f = forked
          ? ForkLevelShift.of(ForkLevelShift.forkValues(xf), ForkLevelShift.forkValues(yf), floor.runVariance(),
              floor.runDf(), confidence)
          : ForkLevelShift.ofTrials(LogScale.of(x), LogScale.of(y), floor.runVariance(), floor.runDf(), confidence);
      if (f.isPresent()) {
        return randomEffects(current, metric, f.get(), xf, yf, forked, runNoise, floor, sides, limits);
      }
    }
    double[] lx = LogScale.of(x);
    double[] ly = LogScale.of(y);
    RankShift s = RankShift.of(lx, ly, confidence);
    double[] eq = rankInterval(lx, ly, Outcomes.equivalenceConfidence(confidence));
    double pWorse = metric.direction() == Direction.HIGHER_IS_BETTER ? s.pLess() : s.pGreater();
    double pBetter = metric.direction() == Direction.HIGHER_IS_BETTER ? s.pGreater() : s.pLess();
    Outcome o = Outcomes.classify(metric.direction(), s.low(), s.high(), eq[0], eq[1], pWorse, pBetter, floor.value(),
        1 - confidence);
    String note = joined(floor.note(), equivalenceNote(o, s.low(), s.high(), eq, Math.log1p(floor.value()),
        floor.value(), confidence, null));
    if (sides.runNoiseMissing() && (o == Outcome.REGRESSED || o == Outcome.IMPROVED || o == Outcome.CHANGED)) {
      note = joined(note, ONE_JVM_A_SIDE);
    }
    return new Comparison(current.key(), metric, o,
        new Comparison.Shift(scale, Math.exp(s.shift()), Math.exp(s.low()), Math.exp(s.high()), pWorse, pBetter),
        sides, limits, note);
  }

  /**
   * Said of a change found by comparing the trials of one JVM with the trials of another, with no
   * stored runs to give the noise between runs: such an interval sees the noise between trials only,
   * and two JVMs of the same code can differ by more (a ~20 us JSON parse measured by the detection
   * benchmark: run medians 12 to 18 % apart between JVMs). The user is told what puts that noise in.
   */
  static final String ONE_JVM_A_SIDE = "one JVM a side: the interval holds no noise between JVMs (perfgate.forks >= 2,"
      + " or " + RegressionJudge.HISTORY_RUNS_TO_GATE + " stored runs, put it in)";

  /**
   * Said of a change found between the forks of one run and the forks of another, with too few
   * stored runs to give the noise between runs: a run's forks follow each other within minutes and
   * share that moment of the machine (its page cache, its neighbours), which the next run does not.
   * The reference scenario's warm generation, unchanged, read 3.37 ms in one run and 2.34 ms in the
   * next, in 7 and 8 forks, while the ruler's CPU figure moved by 0.2 %: the interval said -35 to -10 %.
   */
  static final String ONE_RUN_A_SIDE = "one run a side: its forks share one moment of the machine, and the interval"
      + " holds no noise between runs (" + RegressionJudge.HISTORY_RUNS_TO_GATE + " stored runs put it in)";

  /**
   * The comparison under the random-effects model of {@link ForkLevelShift}: fork values where a side
   * ran in several forks, the between-run variance of the history where it is known. The note says
   * which levels the interval holds, and where a side's forks split into two modes, shows both.
   */
  private Comparison randomEffects(Result current, Metric metric, ForkLevelShift f, double[][] xf, double[][] yf,
      boolean forked, boolean runNoise, Floor floor, Comparison.Sides sides, Comparison.Limits limits) {
    double pWorse = metric.direction() == Direction.HIGHER_IS_BETTER ? f.pLess() : f.pGreater();
    double pBetter = metric.direction() == Direction.HIGHER_IS_BETTER ? f.pGreater() : f.pLess();
    double confidence = settings.confidence();
    double[] eq = f.at(Outcomes.equivalenceConfidence(confidence));
    Outcome o = Outcomes.classify(metric.direction(), f.low(), f.high(), eq[0], eq[1], pWorse, pBetter, floor.value(),
        1 - confidence);
    List<String> notes = new ArrayList<>();
    for (String n : List.of(floor.note(), equivalenceNote(o, f.low(), f.high(), eq, Math.log1p(floor.value()),
        floor.value(), confidence, null))) {
      if (!n.isEmpty()) {
        notes.add(n);
      }
    }
    if (forked) {
      notes.add(String.format(Locale.ROOT, "fork medians compared (%d before, %d now)", xf.length, yf.length));
    }
    if (runNoise) {
      notes.add(String.format(Locale.ROOT, "interval holds the spread between runs, %s %% over %d stored runs",
          fmtSpread(Math.expm1(Math.sqrt(floor.runVariance()))), floor.runs()));
    } else if (sides.runNoiseMissing()
        && (o == Outcome.REGRESSED || o == Outcome.IMPROVED || o == Outcome.CHANGED)) {
      notes.add(ONE_RUN_A_SIDE);
    }
    for (String modes : List.of(ForkLevelShift.twoModes("baseline", xf, metric, floor.value()),
        ForkLevelShift.twoModes("now", yf, metric, floor.value()))) {
      if (!modes.isEmpty()) {
        notes.add(modes);
      }
    }
    return new Comparison(current.key(), metric, o,
        new Comparison.Shift(Comparison.Scale.RATIO, Math.exp(f.shift()), Math.exp(f.low()), Math.exp(f.high()),
            pWorse, pBetter),
        sides, limits, String.join("; ", notes));
  }

  private static String fmtSpread(double f) {
    return String.format(Locale.ROOT, "%.1f", f * 100);
  }

  /**
   * Counts on their own scale: the Hodges-Lehmann shift of the raw trial values (new - old) with its
   * rank interval and Mann-Whitney p-values, judged against a band in the metric's unit. A trial
   * where escape analysis removed an allocation is one value among the others, never a reason to
   * skip the comparison.
   */
  private Comparison compareCounts(Result current, Metric metric, double[] x, double[] y, Floor floor,
      Comparison.Sides sides, Comparison.Limits limits) {
    double confidence = settings.confidence();
    RankShift s = RankShift.of(x, y, confidence);
    double[] eq = rankInterval(x, y, Outcomes.equivalenceConfidence(confidence));
    double pWorse = metric.direction() == Direction.HIGHER_IS_BETTER ? s.pLess() : s.pGreater();
    double pBetter = metric.direction() == Direction.HIGHER_IS_BETTER ? s.pGreater() : s.pLess();
    double band = Math.max(limits.absoluteTolerance(), floor.value() * Math.abs(sides.reference()));
    Outcome o = Outcomes.classifyDifference(metric.direction(), s.shift(), s.low(), s.high(), eq[0], eq[1], pWorse,
        pBetter, band, 1 - confidence);
    String note = joined(joined(floor.note(), equivalenceNote(o, s.low(), s.high(), eq, band, floor.value(),
        confidence, metric)), disagreement(metric, x, y, band));
    return new Comparison(current.key(), metric, o,
        new Comparison.Shift(Comparison.Scale.DIFFERENCE, s.shift(), s.low(), s.high(), pWorse, pBetter),
        sides, limits, note);
  }

  /** The rank interval at a two-sided confidence; NaN bounds where the confidence is NaN. */
  private static double[] rankInterval(double[] x, double[] y, double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    RankShift r = RankShift.of(x, y, confidence);
    return new double[] {r.low(), r.high()};
  }

  /**
   * Where a comparison is unchanged although its reported interval reaches beyond the band, the
   * equivalence interval that decided it, such as
   * {@code unchanged by two one-sided tests: 95 % CI -2.1 .. +2.6 % inside 3 % noise}; otherwise "".
   *
   * @param band the noise band on the comparison's scale (log ratio, or the metric's unit)
   * @param floor the noise floor, for the words of a ratio's band
   * @param metric the metric, to format a difference; null for a ratio
   */
  private static String equivalenceNote(Outcome o, double low, double high, double[] eq, double band, double floor,
      double confidence, Metric metric) {
    if (o != Outcome.UNCHANGED || (low >= -band && high <= band) || !Double.isFinite(eq[0])
        || !Double.isFinite(eq[1])) {
      return "";
    }
    String level = fmtPercent(Math.rint(Outcomes.equivalenceConfidence(confidence) * 1000) / 1000);
    return metric != null
        ? "unchanged by two one-sided tests: " + level + " % CI " + signed(metric, eq[0]) + " .. "
            + signed(metric, eq[1]) + " inside " + metric.format(band) + " noise"
        : String.format(Locale.ROOT, "unchanged by two one-sided tests: %s %% CI %+.1f .. %+.1f %% inside %s %% noise",
            level, Math.expm1(eq[0]) * 100, Math.expm1(eq[1]) * 100, fmtPercent(floor));
  }

  /** Two notes joined with "; ", either of them possibly empty. */
  private static String joined(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
  }

  private static String signed(Metric metric, double v) {
    return (v >= 0 ? "+" : "-") + metric.format(Math.abs(v));
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
}
