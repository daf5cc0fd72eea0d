package dev.perfgate.baseline;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Trial;
import dev.perfgate.api.internal.stats.LogScale;
import dev.perfgate.api.internal.stats.Median;
import dev.perfgate.api.internal.stats.Moments;
import dev.perfgate.api.internal.stats.Normal;
import dev.perfgate.api.internal.stats.RankShift;
import dev.perfgate.api.internal.stats.StudentT;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The shift of the log values of two runs under a random-effects model: trials nest in forks (JVMs),
 * forks in runs, and each level adds its own noise. Used where a side ran in two or more forks, or
 * where the stored history measured the noise between runs; otherwise {@link Comparer} keeps the
 * rank comparison of trial values.
 *
 * <p>Where a side has two or more forks, the units are the forks, each one value: the median of its
 * trials' logs (a cold or disturbed trial moves a median little). The variance of a fork's value is
 * the between-fork variance plus the within-fork variance over its trial count, so the spread of
 * fork values measures exactly what one more fork would add, with no model of the two levels to fit.
 * Trials of one fork are not independent draws of the run (they share the JVM's JIT decisions and
 * heap layout), and counting them as such is what made intervals too narrow between CI runs.
 * Without forks the trials are compared by rank as before ({@link #ofTrials}), and only the
 * between-run variance is added.
 *
 * <p>Why this and not a hierarchical bootstrap or a fitted mixed model: with the 2 to 5 forks a side
 * can afford, a bootstrap over forks has a handful of distinct resamples and gives intervals too
 * narrow, and a REML fit of the fork variance is unstable; the mean of fork values with a pooled
 * variance and Student's t is exact for normal fork values and honest when forks are few (the
 * interval is wide because the evidence is thin). The rank interval used for trials is not usable
 * here: with 2 or 3 units a side, no Moses interval exists at 95 %.
 *
 * <p>The noise between runs (another JVM at another moment of the machine, as two CI runs are)
 * enters as a component of the standard error: each side is one run, so the difference carries the
 * between-run variance twice, estimated from the stored runs of the current stable segment
 * ({@link dev.perfgate.api.internal.stats.VarianceComponents}). Degrees of freedom combine by
 * Welch-Satterthwaite. The noise floor is not touched: it stays the user's margin.
 *
 * @param shift new - old on the log scale: the difference of the mean fork values, or the Hodges-Lehmann
 *     shift of the trials
 * @param low the lower confidence bound
 * @param high the upper confidence bound
 * @param pGreater the one-sided p-value for "new is larger"
 * @param pLess the one-sided p-value for "new is smaller"
 * @param df the degrees of freedom of the t quantile
 * @param standardError the standard error of the shift
 */
record ForkLevelShift(double shift, double low, double high, double pGreater, double pLess, double df,
    double standardError) {

  /**
   * Compares the units of two sides.
   *
   * @param x the old side's units (fork values or trial values), logs
   * @param y the new side's units, logs
   * @param runVariance the between-run variance on the log scale, 0 or NaN if unknown
   * @param runDf the degrees of freedom of its estimate
   * @param confidence the two-sided confidence
   * @return the shift, or empty if neither level gives a variance (all units equal on each side and
   *     no between-run variance)
   */
  static Optional<ForkLevelShift> of(double[] x, double[] y, double runVariance, int runDf,
      double confidence) {
    double mx = Moments.mean(x);
    double my = Moments.mean(y);
    double ss = 0;
    for (double v : x) {
      ss += (v - mx) * (v - mx);
    }
    for (double v : y) {
      ss += (v - my) * (v - my);
    }
    int dfW = x.length + y.length - 2;
    double vw = dfW > 0 ? ss / dfW * (1.0 / x.length + 1.0 / y.length) : 0;
    double vr = Double.isFinite(runVariance) && runVariance > 0 && runDf > 0 ? 2 * runVariance : 0;
    double v = vw + vr;
    if (!(v > 0)) {
      return Optional.empty();
    }
    double denom = (vw > 0 ? vw * vw / dfW : 0) + (vr > 0 ? vr * vr / runDf : 0);
    double df = v * v / denom;
    double se = Math.sqrt(v);
    double d = my - mx;
    double t = StudentT.quantile(1 - (1 - confidence) / 2, df);
    double cdf = StudentT.cdf(d / se, df);
    return Optional.of(new ForkLevelShift(d, d - t * se, d + t * se, 1 - cdf, cdf, df, se));
  }

  /**
   * This run's forks against the level of the stored runs since the last change point, the baseline
   * among them: the reference is the median of those runs' levels (each the mean of its fork values),
   * not the baseline run alone. The baseline met one moment of the machine and one JVM, and that draw
   * stayed in every later comparison (a kept store's baseline recorded 2 % slow read every unchanged
   * run as 2 % faster); n runs of the same level pin it down to {@code sigma / sqrt(n)}. The median
   * keeps one stored regressed run (before two make it a change point) from pulling the level: of 6
   * runs one 20 % slower moves a mean by 3.3 % and a median by a step between neighbours.
   *
   * <p>Variance: this run's forks ({@code s_y^2 / k}, k - 1 degrees of freedom), this run's own
   * between-run part (the history's between-run variance, once), and the reference's
   * ({@code pi / 2 x s_L^2 / n}: the variance of a median of n levels, n - 1 degrees of freedom);
   * Welch-Satterthwaite combines them, held to at most n - 1: every part of the spread between runs,
   * this run's and the reference's, is learnt from the same n stored runs. Without that cap, 2000
   * seeded kept stores of 8 runs (2 % between runs) covered no change in 93.2 % of intervals at
   * 95 %; with it, in 95.0 %, and the intervals are 21 % narrower than against the baseline alone.
   *
   * @param levels the stored runs' levels, logs, at least two
   * @param y this run's fork values, logs, at least two
   * @param runVariance the between-run variance on the log scale, positive
   * @param runDf the degrees of freedom of its estimate, positive
   * @param confidence the two-sided confidence
   * @return the shift, or empty where no variance is left
   */
  static Optional<ForkLevelShift> pooled(double[] levels, double[] y, double runVariance, int runDf,
      double confidence) {
    int n = levels.length;
    int k = y.length;
    if (n < 2 || k < 2 || runDf < 1) {
      return Optional.empty();
    }
    double ref = Median.of(levels);
    double vRef = Math.PI / 2 * Moments.variance(levels, 0, n) / n;
    double vy = Moments.variance(y, 0, k) / k;
    double vr = runVariance;
    double v = vRef + vy + vr;
    if (!(v > 0)) {
      return Optional.empty();
    }
    double df = Math.min(n - 1, v * v / (vRef * vRef / (n - 1) + vy * vy / (k - 1) + vr * vr / runDf));
    double se = Math.sqrt(v);
    double d = Moments.mean(y) - ref;
    double t = StudentT.quantile(1 - (1 - confidence) / 2, df);
    double cdf = StudentT.cdf(d / se, df);
    return Optional.of(new ForkLevelShift(d, d - t * se, d + t * se, 1 - cdf, cdf, df, se));
  }

  /**
   * Trials of one JVM a side, with the between-run variance added: the Hodges-Lehmann shift of the
   * trials, robust to a cold or disturbed trial as the comparison without history is, whose rank
   * interval gives the within-run standard error ({@code (high - low) / (2 z)}); the between-run
   * variance is added to its square, and the interval and p-values follow from Student's t.
   *
   * @param x the old side's trial logs
   * @param y the new side's trial logs
   * @param runVariance the between-run variance on the log scale, positive
   * @param runDf the degrees of freedom of its estimate, positive
   * @param confidence the two-sided confidence
   * @return the shift, or empty where the trials are too few for a rank interval
   */
  static Optional<ForkLevelShift> ofTrials(double[] x, double[] y, double runVariance, int runDf,
      double confidence) {
    RankShift s = RankShift.of(x, y, confidence);
    if (!Double.isFinite(s.low()) || !Double.isFinite(s.high())) {
      return Optional.empty();
    }
    double z = Normal.quantile(1 - (1 - confidence) / 2);
    double seW = (s.high() - s.low()) / (2 * z);
    int dfW = Math.max(1, x.length + y.length - 2);
    double vw = seW * seW;
    double vr = 2 * runVariance;
    double v = vw + vr;
    double df = v * v / ((vw > 0 ? vw * vw / dfW : 0) + vr * vr / runDf);
    double se = Math.sqrt(v);
    double t = StudentT.quantile(1 - (1 - confidence) / 2, df);
    double cdf = StudentT.cdf(s.shift() / se, df);
    return Optional.of(new ForkLevelShift(s.shift(), s.shift() - t * se, s.shift() + t * se, 1 - cdf, cdf, df, se));
  }

  /**
   * The interval at another two-sided confidence, from the same shift, standard error and degrees of
   * freedom: the equivalence interval of {@link Outcomes#equivalenceConfidence}.
   *
   * @param confidence the two-sided confidence; NaN (or outside (0, 1)) gives NaN bounds
   * @return {low, high} on the log scale
   */
  double[] at(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double t = StudentT.quantile(1 - (1 - confidence) / 2, df);
    return new double[] {shift - t * standardError, shift + t * standardError};
  }

  /**
   * The logs of a result's trial values of a metric, grouped by fork in fork order; trials without a
   * value are left out, and so are forks left with none.
   */
  static double[][] logsByFork(Result r, Metric metric) {
    return trialsByFork(r, metric).values().stream()
        .map(l -> LogScale.of(l.stream().mapToDouble(t -> t.value(metric)).toArray()))
        .toArray(double[][]::new);
  }

  /** A result's trials that have a value of a metric, grouped by fork in fork order. */
  static Map<Integer, List<Trial>> trialsByFork(Result r, Metric metric) {
    Map<Integer, List<Trial>> byFork = new TreeMap<>();
    for (Trial t : r.trials()) {
      if (!Double.isNaN(t.value(metric))) {
        byFork.computeIfAbsent(t.fork(), f -> new ArrayList<>()).add(t);
      }
    }
    return byFork;
  }

  /** One value per fork: the median of its trials' logs. */
  static double[] forkValues(double[][] forks) {
    return Arrays.stream(forks).mapToDouble(Median::of).toArray();
  }

  /** All trials' logs, forks joined. */
  static double[] flat(double[][] forks) {
    return Arrays.stream(forks).flatMapToDouble(Arrays::stream).toArray();
  }

  /**
   * Says where the forks of one side fall into two clusters (two modes, as when some JVMs compiled a
   * hot loop one way and others another): the widest gap between sorted fork values leaves two or
   * more forks on each side, and is beyond the noise floor, beyond 8 within-fork standard deviations
   * of a trial and beyond 8 standard deviations of the fork values inside the two clusters. Averaging
   * such forks describes no JVM that ran. With fewer than 4 forks two modes cannot be told from wide
   * between-fork noise, and nothing is said: the wide interval shows it. The thresholds keep ordinary
   * between-fork noise (normal fork levels 3 % apart, trials 0.5 % apart) from reading as two modes
   * in all but a few per cent of 4-fork sides ({@code ForkLevelJudgeTest}).
   *
   * @param side "baseline" or "now"
   * @param forks the side's logs by fork
   * @param metric the metric, to format the values
   * @param floor the noise floor, relative
   * @return "baseline forks disagree (two modes): 2 forks near 10.1 us, 1 fork near 14.2 us", or empty
   */
  static String twoModes(String side, double[][] forks, Metric metric, double floor) {
    if (forks.length < 2) {
      return "";
    }
    double[] values = forkValues(forks);
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double gap = 0;
    int cut = 0;
    for (int i = 1; i < order.length; i++) {
      double g = values[order[i]] - values[order[i - 1]];
      if (g > gap) {
        gap = g;
        cut = i;
      }
    }
    double[] low = new double[cut];
    double[] high = new double[order.length - cut];
    for (int i = 0; i < order.length; i++) {
      if (i < cut) {
        low[i] = values[order[i]];
      } else {
        high[i - cut] = values[order[i]];
      }
    }
    double within = withinForkSd(forks);
    // A lone fork apart from the rest is one JVM's lottery, which the between-fork variance already
    // holds; a mode is a level that two or more JVMs share.
    if (low.length < 2 || high.length < 2) {
      return "";
    }
    double clusters = pooledSd(low, high);
    boolean beyondFloor = gap > Math.log1p(floor);
    boolean beyondTrials = Double.isFinite(within) && gap > 8 * within;
    boolean beyondClusters = gap > 8 * clusters;
    if (!(beyondFloor && beyondTrials && beyondClusters)) {
      return "";
    }
    return String.format(Locale.ROOT, "%s forks disagree (two modes): %s near %s, %s near %s", side,
        count(low.length), metric.format(Math.exp(Median.of(low))), count(high.length),
        metric.format(Math.exp(Median.of(high))));
  }

  private static String count(int forks) {
    return forks + (forks == 1 ? " fork" : " forks");
  }

  /** The pooled standard deviation of values about their cluster's mean; NaN if no cluster has two. */
  private static double pooledSd(double[]... clusters) {
    double ss = 0;
    int df = 0;
    for (double[] c : clusters) {
      if (c.length >= 2) {
        ss += Moments.variance(c, 0, c.length) * (c.length - 1);
        df += c.length - 1;
      }
    }
    return df > 0 ? Math.sqrt(ss / df) : Double.NaN;
  }

  /** The pooled standard deviation of trials about their fork's mean; NaN if no fork has two trials. */
  private static double withinForkSd(double[][] forks) {
    double ss = 0;
    int df = 0;
    for (double[] f : forks) {
      if (f.length >= 2) {
        ss += Moments.variance(f, 0, f.length) * (f.length - 1);
        df += f.length - 1;
      }
    }
    return df > 0 ? Math.sqrt(ss / df) : Double.NaN;
  }
}
