package dev.perfgate.baseline;

import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Ruler;
import dev.perfgate.api.Trial;
import dev.perfgate.api.Unit;
import dev.perfgate.api.internal.stats.LogScale;
import dev.perfgate.api.internal.stats.Median;
import dev.perfgate.api.internal.stats.Moments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes the machine's speed out of a time: each fork's trials, on the log scale, less
 * {@code beta} times how far the ruler's pass ({@link Ruler#TRIAL_METRIC}, timed after every trial)
 * ran in that fork from its level over the stored runs. A shared machine's speed moves from minute to
 * minute (neighbours, frequency), and each run carries the moment it ran at; a pass timed beside the
 * trials sees that moment.
 *
 * <p>{@code beta} is the least-squares slope of the runs' time levels on their ruler levels over the
 * stored runs of the current stable segment (regression adjustment on a covariate, as in CUPED), held
 * between 0 and 1: 0 where the time does not follow the ruler (a workload bound by something the
 * pass does not use), 1 where it follows it in proportion, never more. The slope is estimated from
 * the same runs whose spread it reduces, so the spread left loses one degree of freedom, in its
 * variance as well as in its t quantile (the variance of the adjusted levels is rescaled from
 * {@code n - 1} to {@code n - 2}: seeded histories of 5 runs whose pass was unrelated to the time left
 * 0.87 of the true variance without it, 1.00 with it). The slope is known only so well: its variance
 * (the spread left over the pass levels' sum of squares) times the square of how far a run's pass is
 * from the others' enters a comparison too ({@link #slopeError}). Measured: a ~10 us fold in 24
 * separate JVMs, run medians correlated 0.85 with the pass, slope 0.99, spread between JVMs 2.43 %
 * before and 1.29 % after.
 *
 * @param beta the slope, in [0, 1]
 * @param center the mean ruler level of the runs it was fitted on (log nanoseconds)
 * @param runs the runs it was fitted on
 * @param slopeVariance the variance of the fitted slope
 */
record RulerAdjustment(double beta, double center, int runs, double slopeVariance) {

  /** Times that follow the machine in proportion (slope 1): the other reading when no slope can be fitted. */
  static final RulerAdjustment PROPORTIONAL = new RulerAdjustment(1, 0, 0, 0);

  /**
   * The adjustment for a time fitted on stored runs, or empty: not a time lower-is-better, fewer
   * than {@value RegressionJudge#HISTORY_RUNS_TO_GATE} runs with the ruler's pass in every fork,
   * a ruler that did not move, or a slope of 0.
   */
  static Optional<RulerAdjustment> fit(List<Result> runs, Metric metric) {
    if (!applies(metric)) {
      return Optional.empty();
    }
    List<double[]> levels = new ArrayList<>();
    for (Result r : runs) {
      double[][] f = forkLevels(r, metric);
      if (f != null) {
        levels.add(new double[] {Moments.mean(f[0]), Moments.mean(f[1])});
      }
    }
    if (levels.size() < RegressionJudge.HISTORY_RUNS_TO_GATE) {
      return Optional.empty();
    }
    double mw = levels.stream().mapToDouble(l -> l[0]).average().orElseThrow();
    double mr = levels.stream().mapToDouble(l -> l[1]).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (double[] l : levels) {
      sxy += (l[0] - mw) * (l[1] - mr);
      sxx += (l[1] - mr) * (l[1] - mr);
      syy += (l[0] - mw) * (l[0] - mw);
    }
    if (!(sxx > 0)) {
      return Optional.empty();
    }
    double beta = Math.max(0, Math.min(1, sxy / sxx));
    double left = Math.max(0, syy - 2 * beta * sxy + beta * beta * sxx);
    return beta > 0 ? Optional.of(new RulerAdjustment(beta, mr, levels.size(), left / (levels.size() - 2) / sxx))
        : Optional.empty();
  }

  /**
   * The variance the slope's own error adds to a comparison of two runs adjusted by it: the slope's
   * variance times the square of the larger of how far the current run's pass is from the
   * reference's and from the stored runs' level (the pooled reference sits at the latter). On a
   * machine 6 % faster than in any stored run, a slope known to +-0.03 moves the adjusted time by
   * +-0.2 %, which the spread between runs alone does not hold. 0 where a level is missing.
   */
  double slopeError(Result reference, Result current, Metric metric) {
    double now = rulerLevel(current, metric);
    return slopeError(Math.max(Math.abs(now - rulerLevel(reference, metric)), Math.abs(now - center)));
  }

  /** The variance the slope's own error adds to a time whose ruler is {@code distance} (log) from another's. */
  double slopeError(double distance) {
    return Double.isFinite(distance) ? distance * distance * slopeVariance : 0;
  }

  /** Whether a metric is one the machine's speed scales: a time, lower is better. */
  static boolean applies(Metric metric) {
    return metric.unit() == Unit.NANOSECONDS && metric.direction() == Direction.LOWER_IS_BETTER;
  }

  /**
   * The trials' logs by fork with the machine's speed taken out, or null where a fork has no ruler
   * pass (a run stored before the pass existed, or with {@code perfgate.ruler=false}).
   */
  double[][] logsByFork(Result r, Metric metric) {
    Map<Integer, List<Trial>> forks = ForkLevelShift.trialsByFork(r, metric);
    double[][] out = new double[forks.size()][];
    int i = 0;
    for (List<Trial> trials : forks.values()) {
      double ruler = rulerLevel(trials);
      if (Double.isNaN(ruler)) {
        return null;
      }
      double shift = beta * (ruler - center);
      double[] logs = LogScale.of(trials.stream().mapToDouble(t -> t.value(metric)).toArray());
      for (int k = 0; k < logs.length; k++) {
        logs[k] -= shift;
      }
      out[i++] = logs;
    }
    return out;
  }

  /** The ruler's level of a result (mean of its forks' median logs of the pass), NaN without one. */
  static double rulerLevel(Result r, Metric metric) {
    double[][] f = forkLevels(r, metric);
    return f == null ? Double.NaN : Moments.mean(f[1]);
  }

  /** Per fork, the median log of the metric and of the ruler's pass; null where a fork lacks the pass. */
  private static double[][] forkLevels(Result r, Metric metric) {
    Map<Integer, List<Trial>> forks = ForkLevelShift.trialsByFork(r, metric);
    if (forks.isEmpty()) {
      return null;
    }
    double[] w = new double[forks.size()];
    double[] p = new double[forks.size()];
    int i = 0;
    for (List<Trial> trials : forks.values()) {
      double[] values = trials.stream().mapToDouble(t -> t.value(metric)).toArray();
      p[i] = rulerLevel(trials);
      if (Double.isNaN(p[i]) || !LogScale.allPositive(values)) {
        return null;
      }
      w[i++] = Median.of(LogScale.of(values));
    }
    return new double[][] {w, p};
  }

  /** The median log of the ruler's pass over some trials; NaN where one has none. */
  private static double rulerLevel(List<Trial> trials) {
    double[] passes = new double[trials.size()];
    for (int i = 0; i < passes.length; i++) {
      passes[i] = trials.get(i).value(Ruler.TRIAL_METRIC);
      if (!(passes[i] > 0)) {
        return Double.NaN;
      }
    }
    return Median.of(LogScale.of(passes));
  }
}
