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
 * {@code beta} times how far one of the ruler's passes timed after every trial ran in that fork from
 * its level over the stored runs. A shared machine's speed moves from minute to minute (neighbours,
 * frequency), and each run carries the moment it ran at; a pass timed beside the trials sees that
 * moment. Two passes are timed: the CPU pass ({@link Ruler#TRIAL_METRIC}) and the memory pass
 * ({@link Ruler#MEMORY_TRIAL_METRIC}), as a time may follow the one and not the other.
 *
 * <p>{@code beta} is the least-squares slope of the runs' time levels on their pass levels over the
 * stored runs of the current stable segment (regression adjustment on a covariate, as in CUPED), held
 * between 0 and 1: 0 where the time does not follow the pass (a workload bound by something the
 * pass does not use), 1 where it follows it in proportion, never more. Each pass is fitted, and the
 * one that leaves the smaller spread between the runs is kept. The slope is estimated from the same
 * runs whose spread it reduces, so the spread left loses a degree of freedom for each slope fitted: two
 * where both passes gave a slope above 0 and the better was kept. Why both: keeping the better of two
 * is itself fitted to those runs, and with one degree of freedom the spread left came out 2-3 % low
 * on average where neither pass was related to the time; with two, 1-8 % high (simulated, 40 000
 * histories each of 5, 6, 8 and 12 run levels).
 * Measured: a ~10 us fold in 24 separate JVMs, run medians correlated 0.85 with the CPU pass, slope
 * 0.99, spread between JVMs 2.43 % before and 1.29 % after; a ~20 us JSON parse in 11 runs of 4-13
 * forks on a machine that slowed it by 25-36 % meanwhile, spread of the run levels 10.8 %, 10.4 % with
 * the CPU pass's slope taken out, 8.4 % with the memory pass's.
 *
 * @param beta the slope, in [0, 1]
 * @param center the mean pass level of the runs it was fitted on (log nanoseconds)
 * @param runs the runs it was fitted on
 * @param pass the pass it takes out, {@link Ruler#TRIAL_METRIC} or {@link Ruler#MEMORY_TRIAL_METRIC}
 * @param slopes the slopes above 0 fitted to choose it (1 or 2): the degrees of freedom it costs
 * @param slopeVariance the variance of the fitted slope (the runs' spread left over their pass levels'
 *     sum of squares): a run whose pass is far from the others' is adjusted by a slope known only this well
 */
record RulerAdjustment(double beta, double center, int runs, Metric pass, int slopes, double slopeVariance) {

  /** Times that follow the CPU pass in proportion (slope 1): the other reading when no slope can be fitted. */
  static final RulerAdjustment PROPORTIONAL = new RulerAdjustment(1, 0, 0, Ruler.TRIAL_METRIC, 0, 0);

  /** The passes a time may follow, in the order they are preferred on a tie. */
  static final List<Metric> PASSES = List.of(Ruler.TRIAL_METRIC, Ruler.MEMORY_TRIAL_METRIC);

  /**
   * The adjustment for a time fitted on stored runs, or empty: not a time lower-is-better, fewer
   * than {@value RegressionJudge#HISTORY_RUNS_TO_GATE} runs with a pass in every fork, passes that did
   * not move, or a slope of 0. Of the two passes, the one timed in the most runs is kept, and of
   * those the one that leaves the smaller spread between the runs.
   */
  static Optional<RulerAdjustment> fit(List<Result> runs, Metric metric) {
    if (!applies(metric)) {
      return Optional.empty();
    }
    Optional<RulerAdjustment> best = Optional.empty();
    double bestLeft = Double.POSITIVE_INFINITY;
    int slopes = 0;
    for (Metric pass : PASSES) {
      List<double[]> levels = new ArrayList<>();
      for (Result r : runs) {
        double[][] f = forkLevels(r, metric, pass);
        if (f != null) {
          levels.add(new double[] {Moments.mean(f[0]), Moments.mean(f[1])});
        }
      }
      boolean fewer = best.isPresent() && levels.size() < best.get().runs();
      if (levels.size() < RegressionJudge.HISTORY_RUNS_TO_GATE || fewer) {
        continue;
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
        continue;
      }
      double beta = Math.max(0, Math.min(1, sxy / sxx));
      double left = syy - 2 * beta * sxy + beta * beta * sxx;
      if (beta > 0 && best.isPresent() && levels.size() > best.get().runs()) {
        slopes = 0; // a pass timed in more runs: the one fitted on fewer is not a choice among equals
      }
      if (beta > 0) {
        slopes++;
      }
      if (beta > 0 && (best.isEmpty() || levels.size() > best.get().runs() || left < bestLeft)) {
        double slopeVariance = levels.size() > 2 ? left / (levels.size() - 2) / sxx : 0;
        best = Optional.of(new RulerAdjustment(beta, mr, levels.size(), pass, 0, slopeVariance));
        bestLeft = left;
      }
    }
    int fitted = slopes;
    return best.map(b -> new RulerAdjustment(b.beta(), b.center(), b.runs(), b.pass(), fitted, b.slopeVariance()));
  }

  /**
   * The variance the slope's own error adds to a comparison of two runs adjusted by it: the slope's
   * variance times the square of the larger of how far the current run's pass is from the
   * reference's and from the stored runs' level (the pooled reference sits at the latter). Where the
   * machine ran 6 % faster than ever in the stored runs, a slope known to +-0.03 moves the adjusted
   * time by +-0.2 %, which the spread between runs alone does not hold. 0 where a level is missing.
   */
  double slopeError(Result reference, Result current, Metric metric) {
    double now = level(current, metric);
    double dx = Math.max(Math.abs(now - level(reference, metric)), Math.abs(now - center));
    return Double.isFinite(dx) ? dx * dx * slopeVariance : 0;
  }

  /** "CPU pass" or "memory pass": which of the ruler's passes this adjustment takes out, for notes. */
  String passName() {
    return pass.equals(Ruler.MEMORY_TRIAL_METRIC) ? "memory pass" : "CPU pass";
  }

  /** Whether a metric is one the machine's speed scales: a time, lower is better. */
  static boolean applies(Metric metric) {
    return metric.unit() == Unit.NANOSECONDS && metric.direction() == Direction.LOWER_IS_BETTER;
  }

  /**
   * The trials' logs by fork with the machine's speed taken out, or null where a fork has no pass
   * (a run stored before the pass existed, or with {@code perfgate.ruler=false}).
   */
  double[][] logsByFork(Result r, Metric metric) {
    Map<Integer, List<Trial>> forks = ForkLevelShift.trialsByFork(r, metric);
    double[][] out = new double[forks.size()][];
    int i = 0;
    for (List<Trial> trials : forks.values()) {
      double ruler = passLevel(trials, pass);
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

  /** This adjustment's pass level of a result (mean of its forks' median logs of the pass), NaN without one. */
  double level(Result r, Metric metric) {
    return level(r, metric, pass);
  }

  /** The CPU pass's level of a result (mean of its forks' median logs of the pass), NaN without one. */
  static double rulerLevel(Result r, Metric metric) {
    return level(r, metric, Ruler.TRIAL_METRIC);
  }

  private static double level(Result r, Metric metric, Metric pass) {
    double[][] f = forkLevels(r, metric, pass);
    return f == null ? Double.NaN : Moments.mean(f[1]);
  }

  /** Per fork, the median log of the metric and of a pass; null where a fork lacks the pass. */
  private static double[][] forkLevels(Result r, Metric metric, Metric pass) {
    Map<Integer, List<Trial>> forks = ForkLevelShift.trialsByFork(r, metric);
    if (forks.isEmpty()) {
      return null;
    }
    double[] w = new double[forks.size()];
    double[] p = new double[forks.size()];
    int i = 0;
    for (List<Trial> trials : forks.values()) {
      double[] values = trials.stream().mapToDouble(t -> t.value(metric)).toArray();
      p[i] = passLevel(trials, pass);
      if (Double.isNaN(p[i]) || !LogScale.allPositive(values)) {
        return null;
      }
      w[i++] = Median.of(LogScale.of(values));
    }
    return new double[][] {w, p};
  }

  /** The median log of a pass over some trials; NaN where one has none. */
  private static double passLevel(List<Trial> trials, Metric pass) {
    double[] passes = new double[trials.size()];
    for (int i = 0; i < passes.length; i++) {
      passes[i] = trials.get(i).value(pass);
      if (!(passes[i] > 0)) {
        return Double.NaN;
      }
    }
    return Median.of(LogScale.of(passes));
  }
}
