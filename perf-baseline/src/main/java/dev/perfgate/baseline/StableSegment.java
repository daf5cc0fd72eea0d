package dev.perfgate.baseline;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.internal.stats.LogScale;
import dev.perfgate.api.internal.stats.Median;
import dev.perfgate.api.internal.stats.Moments;
import dev.perfgate.baseline.internal.ChangePointSearch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The current stable segment of a series of run values: from its last change point (e-divisive
 * means, as the trend finds them, at p &lt;= {@value Trends#CHANGE_P_VALUE}) to its end. A change
 * point starts a new segment as soon as the search accepts it, candidate or not: it takes two runs
 * on either side, and from then on the old level no longer describes the new runs.
 *
 * @param start the index of the segment's first run
 * @param before the median level before the change point (NaN if none)
 * @param pValue the change point's p-value (NaN if none)
 */
record StableSegment(int start, double before, double pValue) {

  /**
   * Finds the segment.
   *
   * @param runs run values, oldest first
   * @return the segment
   */
  static StableSegment of(double[] runs) {
    if (runs.length == 0) {
      return new StableSegment(0, Double.NaN, Double.NaN);
    }
    double[] x = LogScale.allPositive(runs) ? LogScale.of(runs) : runs;
    List<ChangePointSearch.Split> splits = ChangePointSearch.find(x, Trends.CHANGE_P_VALUE);
    if (splits.isEmpty()) {
      return new StableSegment(0, Double.NaN, Double.NaN);
    }
    ChangePointSearch.Split last = splits.get(splits.size() - 1);
    int prev = splits.size() > 1 ? splits.get(splits.size() - 2).index() : 0;
    return new StableSegment(last.index(), Median.of(Arrays.copyOfRange(runs, prev, last.index())), last.pValue());
  }

  /** The runs from index {@code start} on. */
  double[] values(double[] runs) {
    return Arrays.copyOfRange(runs, start, runs.length);
  }

  /**
   * The stored runs that give a value of the metric: those of one environment that succeeded and have
   * a trial value, the last {@code window} of them, oldest first.
   */
  static List<Result> runs(List<Result> history, String fingerprint, Metric metric, int window) {
    List<Result> runs = new ArrayList<>();
    for (Result r : history) {
      if (r.succeeded() && r.environment().fingerprint().equals(fingerprint) && r.trialValues(metric).length > 0) {
        runs.add(r);
      }
    }
    return List.copyOf(runs.subList(Math.max(0, runs.size() - window), runs.size()));
  }

  /** One value per run ({@link #runValue}). */
  static double[] runValues(List<Result> runs, Metric metric) {
    return runs.stream().mapToDouble(r -> runValue(r, metric)).toArray();
  }

  /**
   * A run's one value of a metric, as the history, its segments and its trend see it: the median of
   * its trial values, or for a count the mean; NaN where it has none.
   *
   * <p>Why the mean for counts: the JIT removes an allocation in some trials and not in others (the
   * trials before C2's escape analysis allocate a boxed result, those after it do not), and the share
   * of each varies from run to run. The median of such a mixture jumps between the two values: a
   * ~10 us fold read 0 B in most stored runs and 24 B in one unchanged run whose trials were half
   * and half, a history check FAIL. The mean moves with the share, and a count per operation is an
   * average over the operations anyway.
   */
  static double runValue(Result run, Metric metric) {
    double[] v = run.trialValues(metric);
    if (v.length == 0) {
      return Double.NaN;
    }
    return JudgeSettings.isCount(metric) ? Moments.mean(v) : Median.of(v);
  }

  /** One value per stored run ({@link #runValue}), last {@code window} runs of one environment. */
  static double[] runValues(List<Result> history, String fingerprint, Metric metric, int window) {
    return runValues(runs(history, fingerprint, metric, window), metric);
  }
}
