package dev.perfgate.baseline;

import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.internal.stats.LogScale;
import dev.perfgate.api.internal.stats.Median;
import dev.perfgate.api.internal.stats.Moments;
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
  record Floor(double value, String note, double runVariance, int runDf, int runs, Optional<Adjusted> adjusted,
      List<Result> segment) {

    /** The configured floor alone, with no history. */
    Floor(double value, String note) {
      this(value, note, Double.NaN, 0, 0, Optional.empty(), List.of());
    }

    /** This floor with the between-run noise of the adjusted times, where both sides can be adjusted. */
    Floor adjustedTo(Adjusted a) {
      return new Floor(value, note, a.runVariance(), a.runDf(), a.runs(), Optional.of(a), segment);
    }

    /** This floor with more variance between runs: the fitted slope's own error on a run far from the others. */
    Floor plusRunVariance(double more) {
      return new Floor(value, note, runVariance + more, runDf, runs, adjusted, segment);
    }
  }

  /**
   * The machine's speed taken out of the stored runs ({@link RulerAdjustment}): the variance between
   * runs left, with one degree of freedom fewer for the fitted slope, beside the variance before.
   */
  record Adjusted(RulerAdjustment ruler, double runVariance, int runDf, int runs, double rawVariance) {}

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
    return new Floor(noiseFloor, "", c.betweenRuns(), c.dfRuns(), segment.size(), adjusted(segment, metric, c),
        List.copyOf(segment));
  }

  /**
   * The between-run variance of the segment with the machine's speed taken out, where every run of
   * it timed the ruler's pass after its trials and the time follows the ruler; empty otherwise.
   */
  private static Optional<Adjusted> adjusted(List<Result> segment, Metric metric, VarianceComponents raw) {
    Optional<RulerAdjustment> fit = RulerAdjustment.fit(segment, metric);
    if (fit.isEmpty() || fit.get().runs() < segment.size()) {
      return Optional.empty();
    }
    double[][][] nested = new double[segment.size()][][];
    for (int i = 0; i < nested.length; i++) {
      nested[i] = fit.get().logsByFork(segment.get(i), metric);
    }
    VarianceComponents c = VarianceComponents.of(nested);
    int df = c.dfRuns() - 1;
    if (df < 1) {
      return Optional.empty();
    }
    // The variance is of the adjusted levels over dfRuns; rescaled to the degrees of freedom left.
    return Optional.of(
        new Adjusted(fit.get(), c.betweenRuns() * c.dfRuns() / df, df, segment.size(), raw.betweenRuns()));
  }

  /**
   * The spread between the stored runs of the current stable segment, as a relative standard
   * deviation ({@code expm1} of the between-run standard deviation of the logs), with the machine's
   * speed taken out where the runs carry the ruler's pass ({@link RulerAdjustment}); NaN if unknown.
   */
  double runSpread(List<Result> history, String fingerprint, Metric metric) {
    Floor f = floor(history, fingerprint, metric);
    Floor spread = f.adjusted().map(f::adjustedTo).orElse(f);
    return spread.runDf() > 0 ? Math.expm1(Math.sqrt(spread.runVariance())) : Double.NaN;
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
    Comparison c = compare(reference, current, metric, floor, separateRuns, null);
    return separateRuns && floor.runDf() == 0 ? heldByTheMachine(c, reference, current, metric, floor) : c;
  }

  /**
   * A finding of two runs with no stored runs to fit how far the time follows the machine
   * ({@link RulerAdjustment} needs 5): where the ruler's pass moved between them, the finding must
   * hold both as measured and with the machine's speed taken out in proportion (slope 1); where the
   * two disagree it is inconclusive, and says why. The detection command's kept store met it: two
   * unchanged runs in a row read -10.3 % and -9.4 %, "improved", while their passes ran 7.2 % and
   * 5.2 % faster than the baseline's.
   */
  private Comparison heldByTheMachine(Comparison c, Result reference, Result current, Metric metric, Floor floor) {
    if (!RulerAdjustment.applies(metric) || c.isDifference() || c.outcome() == Outcome.NOT_COMPARABLE
        || c.outcome() == Outcome.INCONCLUSIVE) {
      return c;
    }
    double moved = RulerAdjustment.rulerLevel(current, metric) - RulerAdjustment.rulerLevel(reference, metric);
    if (Double.isNaN(moved)) {
      return c;
    }
    Comparison both = compare(reference, current, metric, floor, true, RulerAdjustment.PROPORTIONAL);
    if (both.outcome() == c.outcome()) {
      return c;
    }
    String words = String.format(Locale.ROOT, "the machine ran %.1f %% %s than for the baseline by the ruler's pass,"
        + " and with its speed taken out the change is %+.1f %% (%s): until %d stored runs show how far this time"
        + " follows the machine, a finding must hold both ways", Math.abs(Math.expm1(moved)) * 100,
        moved > 0 ? "slower" : "faster", Math.expm1(Math.log(both.ratio())) * 100, both.said(),
        RegressionJudge.HISTORY_RUNS_TO_GATE);
    return c.withOutcome(Outcome.INCONCLUSIVE, joined(c.note(), words));
  }

  private Comparison compare(Result reference, Result current, Metric metric, Floor floor, boolean separateRuns,
      RulerAdjustment proportional) {
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
    Comparison.Sides sides = new Comparison.Sides(x.length, y.length, ref, separateRuns && floor.runDf() == 0, false);
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
    String adjustedNote = "";
    if (proportional != null) {
      double[][] xa = proportional.logsByFork(reference, metric);
      double[][] ya = proportional.logsByFork(current, metric);
      if (xa != null && ya != null) {
        xf = xa;
        yf = ya;
      }
    } else if (floor.adjusted().isPresent()) {
      Adjusted a = floor.adjusted().get();
      double[][] xa = a.ruler().logsByFork(reference, metric);
      double[][] ya = a.ruler().logsByFork(current, metric);
      if (xa != null && ya != null) {
        adjustedNote = adjustedNote(a, reference, current, metric, xf, yf);
        xf = xa;
        yf = ya;
        floor = floor.adjustedTo(a).plusRunVariance(a.ruler().slopeError(reference, current, metric));
        sides = new Comparison.Sides(x.length, y.length, ref, sides.runNoiseMissing(), true);
      }
      // Otherwise a side has no ruler's pass (stored before it existed): compared as measured, with
      // the spread between runs as measured.
    }
    boolean forked = xf.length >= 2 || yf.length >= 2;
    // Known from stored runs even where the between-run component came out 0 (its estimate is
    // clamped at 0): the runs' levels still carry their spread into the pooled reference. Read as "no
    // history", the detection command's kept store of a JSON parse, on a machine that slowed it by
    // 25-36 % over 12 minutes, compared 12 fork medians a side as if runs never differed: +22.4 %
    // (95 % CI +7.8 .. +39.0 %), FAIL, on unchanged code.
    boolean runNoise = floor.runDf() > 0 && floor.runVariance() >= 0;
    if (runNoise && yf.length >= 2 && separateRuns) {
      double[] levels = inSegment(reference, floor.segment())
          ? levels(floor.segment(), metric, sides.rulerAdjusted() ? floor.adjusted().orElseThrow().ruler() : null)
          : null;
      Optional<ForkLevelShift> p = levels == null ? Optional.empty()
          : ForkLevelShift.pooled(levels, ForkLevelShift.forkValues(yf), floor.runVariance(), floor.runDf(), confidence);
      if (p.isPresent()) {
        double alone = Moments.mean(ForkLevelShift.forkValues(yf)) - Moments.mean(ForkLevelShift.forkValues(xf));
        String pooledNote = String.format(Locale.ROOT, "%d fork medians against the median level of %d stored runs"
            + " since the change point, the baseline among them (against the baseline alone %+.1f %%)", yf.length,
            levels.length, Math.expm1(alone) * 100);
        return randomEffects(current, metric, p.get(), xf, yf, false, true, floor, sides, limits,
            joined(adjustedNote, pooledNote));
      }
    }
    if (forked || runNoise) {
      Optional<ForkLevelShift> f = forked
          ? ForkLevelShift.of(ForkLevelShift.forkValues(xf), ForkLevelShift.forkValues(yf), floor.runVariance(),
              floor.runDf(), confidence)
          : ForkLevelShift.ofTrials(ForkLevelShift.flat(xf), ForkLevelShift.flat(yf), floor.runVariance(),
              floor.runDf(), confidence);
      if (f.isPresent()) {
        return randomEffects(current, metric, f.get(), xf, yf, forked, runNoise, floor, sides, limits, adjustedNote);
      }
    }
    double[] lx = ForkLevelShift.flat(xf);
    double[] ly = ForkLevelShift.flat(yf);
    RankShift s = RankShift.of(lx, ly, confidence);
    double[] eq = rankInterval(lx, ly, Outcomes.equivalenceConfidence(confidence));
    double pWorse = metric.direction() == Direction.HIGHER_IS_BETTER ? s.pLess() : s.pGreater();
    double pBetter = metric.direction() == Direction.HIGHER_IS_BETTER ? s.pGreater() : s.pLess();
    Outcome o = Outcomes.classify(metric.direction(), s.low(), s.high(), eq[0], eq[1], pWorse, pBetter, floor.value(),
        1 - confidence);
    String note = joined(joined(floor.note(), equivalenceNote(o, s.low(), s.high(), eq, Math.log1p(floor.value()),
        floor.value(), confidence, null)), adjustedNote);
    if (sides.runNoiseMissing() && (o == Outcome.REGRESSED || o == Outcome.IMPROVED || o == Outcome.CHANGED)) {
      note = joined(note, ONE_JVM_A_SIDE);
    }
    return new Comparison(current.key(), metric, o,
        new Comparison.Shift(scale, Math.exp(s.shift()), Math.exp(s.low()), Math.exp(s.high()), pWorse, pBetter),
        sides, limits, note);
  }

  /** Whether the reference is one of the segment's runs: the same start and environment. */
  private static boolean inSegment(Result reference, List<Result> segment) {
    return segment.stream().anyMatch(r -> r.startedAt().equals(reference.startedAt())
        && r.environment().fingerprint().equals(reference.environment().fingerprint()));
  }

  /**
   * Each run's level: the mean of its fork values (the median log of each fork's trials), with the
   * machine's speed taken out where {@code ruler} is given; null where a run cannot be adjusted.
   */
  private static double[] levels(List<Result> runs, Metric metric, RulerAdjustment ruler) {
    double[] levels = new double[runs.size()];
    for (int i = 0; i < levels.length; i++) {
      double[][] f = ruler == null ? ForkLevelShift.logsByFork(runs.get(i), metric) : ruler.logsByFork(runs.get(i), metric);
      if (f == null || f.length == 0) {
        return null;
      }
      levels[i] = Moments.mean(ForkLevelShift.forkValues(f));
    }
    return levels;
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
      boolean forked, boolean runNoise, Floor floor, Comparison.Sides sides, Comparison.Limits limits,
      String adjustedNote) {
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
    if (!adjustedNote.isEmpty()) {
      notes.add(adjustedNote);
    }
    if (runNoise) {
      notes.add(String.format(Locale.ROOT, "interval holds the spread between runs, %s %% over %d stored runs",
          fmtSpread(Math.expm1(Math.sqrt(floor.runVariance()))), floor.runs())
          + floor.adjusted().filter(a -> sides.rulerAdjusted()).map(a -> String.format(Locale.ROOT,
              " (%s %% with the machine's speed in)", fmtSpread(Math.expm1(Math.sqrt(Math.max(0, a.rawVariance()))))))
              .orElse(""));
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

  /**
   * Says how the machine's speed was taken out, such as {@code machine's speed taken out: ruler +4.1 %
   * since the baseline, slope 0.97 over 8 stored runs, as measured +6.3 %}.
   */
  private static String adjustedNote(Adjusted a, Result reference, Result current, Metric metric, double[][] xf,
      double[][] yf) {
    double ruler = Math.expm1(RulerAdjustment.rulerLevel(current, metric) - RulerAdjustment.rulerLevel(reference, metric));
    double measured = Math.expm1(Moments.mean(ForkLevelShift.forkValues(yf)) - Moments.mean(ForkLevelShift.forkValues(xf)));
    return String.format(Locale.ROOT, "machine's speed taken out: ruler %+.1f %% since the baseline, slope %.2f over %d"
        + " stored runs, as measured %+.1f %%", ruler * 100, a.ruler().beta(), a.ruler().runs(), measured * 100);
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
