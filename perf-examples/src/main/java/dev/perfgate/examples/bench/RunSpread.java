package dev.perfgate.examples.bench;

import dev.perfgate.api.internal.stats.LogScale;
import dev.perfgate.api.internal.stats.Median;
import dev.perfgate.api.internal.stats.VarianceComponents;
import java.util.List;

/**
 * The noise of runs of the same code at its three levels, as relative spreads (the square roots of
 * the variance components of log trial values): within a fork, between forks of one run, and between
 * runs; beside them the plain spread (sd) of the run medians. With one fork per run (the default
 * today) the fork and run levels coincide, the fork column is NaN and the run column holds both.
 *
 * @param runs the number of runs
 * @param withinFork the spread between trials of one fork
 * @param betweenForks the added spread between forks of one run
 * @param betweenRuns the added spread between runs
 * @param runMedians the standard deviation of the log run medians
 * @param runsAdjusted the standard deviation of the run levels (mean of the fork medians of the logs)
 *     left once the machine's speed is taken out: less the least-squares slope (held in [0, 1]) times
 *     the run's ruler level, n - 2 degrees of freedom; NaN where a run timed no ruler pass
 */
record RunSpread(int runs, double withinFork, double betweenForks, double betweenRuns, double runMedians,
    double runsAdjusted) {

  /** The spreads of runs' {@code time.wall} trials; NaN where fewer than two runs have trials. */
  static RunSpread of(List<RunLine> lines) {
    List<RunLine> usable = lines.stream().filter(l -> !l.trials().isEmpty()
        && l.trials().stream().allMatch(t -> t.nanos() > 0)).toList();
    if (usable.size() < 2) {
      return new RunSpread(usable.size(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[][][] values = new double[usable.size()][][];
    double[] medians = new double[usable.size()];
    for (int i = 0; i < usable.size(); i++) {
      double[][] forks = usable.get(i).byFork();
      values[i] = new double[forks.length][];
      for (int j = 0; j < forks.length; j++) {
        values[i][j] = LogScale.of(forks[j]);
      }
      medians[i] = Math.log(Median.of(usable.get(i).trials().stream().mapToDouble(RunLine.TrialValue::nanos).toArray()));
    }
    VarianceComponents c = VarianceComponents.of(values);
    double mean = 0;
    for (double m : medians) {
      mean += m / medians.length;
    }
    double ss = 0;
    for (double m : medians) {
      ss += (m - mean) * (m - mean);
    }
    return new RunSpread(usable.size(), Math.sqrt(c.withinFork()), Math.sqrt(c.betweenForks()),
        Math.sqrt(c.betweenRuns()), Math.sqrt(ss / (medians.length - 1)), adjusted(usable));
  }

  /** The spread of the run levels with the machine's speed taken out, as the judge takes it out. */
  private static double adjusted(List<RunLine> runs) {
    int n = runs.size();
    if (n < 3) {
      return Double.NaN;
    }
    double[] w = new double[n];
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = level(runs.get(i).byFork());
      r[i] = level(runs.get(i).rulerByFork());
      if (Double.isNaN(r[i])) {
        return Double.NaN;
      }
    }
    double mw = java.util.Arrays.stream(w).average().orElseThrow();
    double mr = java.util.Arrays.stream(r).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (w[i] - mw) * (r[i] - mr);
      sxx += (r[i] - mr) * (r[i] - mr);
    }
    double beta = sxx > 0 ? Math.max(0, Math.min(1, sxy / sxx)) : 0;
    double[] left = new double[n];
    for (int i = 0; i < n; i++) {
      left[i] = w[i] - beta * (r[i] - mr);
    }
    double m = java.util.Arrays.stream(left).average().orElseThrow();
    double ss = 0;
    for (double v : left) {
      ss += (v - m) * (v - m);
    }
    return Math.sqrt(ss / (n - 2));
  }

  /** The mean of the forks' median logs; NaN where a value is missing or not positive. */
  private static double level(double[][] forks) {
    double sum = 0;
    for (double[] f : forks) {
      if (!LogScale.allPositive(f)) {
        return Double.NaN;
      }
      sum += Median.of(LogScale.of(f));
    }
    return forks.length == 0 ? Double.NaN : sum / forks.length;
  }
}
