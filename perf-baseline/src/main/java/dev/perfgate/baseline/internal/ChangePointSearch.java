package dev.perfgate.baseline.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Change points by e-divisive means (Matteson and James, 2014, with alpha = 1) where, as in Apache
 * Otava, each proposed split is accepted by a two-sample t-test between the two parts instead of a
 * permutation test, so the answer is deterministic. Splits are added one at a time, the most
 * significant first, until no part of the series has a significant split.
 */
public final class ChangePointSearch {
  private ChangePointSearch() {}

  /** The fewest points on either side of a split. */
  static final int MIN_SIZE = 2;

  /**
   * A change point: the index of the first value of the new level and the p-value of the t-test
   * that accepted it.
   *
   * @param index the first index after the change
   * @param pValue the two-sided p-value of the t-test between the parts around it
   */
  public record Split(int index, double pValue) {}

  /**
   * Finds the change points of a series.
   *
   * @param x the series
   * @param maxPValue the largest p-value at which a split is accepted, such as 0.001
   * @return the change points in index order
   */
  public static List<Split> find(double[] x, double maxPValue) {
    int n = x.length;
    TreeSet<Integer> cuts = new TreeSet<>();
    List<Split> found = new ArrayList<>();
    double[][] dist = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        dist[i][j] = Math.abs(x[i] - x[j]);
      }
    }
    while (true) {
      Split best = null;
      List<Integer> bounds = new ArrayList<>();
      bounds.add(0);
      bounds.addAll(cuts);
      bounds.add(n);
      for (int b = 0; b + 1 < bounds.size(); b++) {
        int start = bounds.get(b);
        int end = bounds.get(b + 1);
        int tau = bestSplit(dist, start, end);
        if (tau < 0) {
          continue;
        }
        double p = tTestP(x, start, tau, end);
        if (p <= maxPValue && (best == null || p < best.pValue())) {
          best = new Split(tau, p);
        }
      }
      if (best == null) {
        break;
      }
      cuts.add(best.index());
      found.add(best);
    }
    found.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return found;
  }

  /** The split of [start, end) that maximises the energy statistic Q, or -1 if the part is too short. */
  static int bestSplit(double[][] d, int start, int end) {
    int best = -1;
    double bestQ = 0;
    for (int tau = start + MIN_SIZE; tau <= end - MIN_SIZE; tau++) {
      double q = energy(d, start, tau, end);
      if (q > bestQ) {
        bestQ = q;
        best = tau;
      }
    }
    return best;
  }

  static double energy(double[][] d, int start, int tau, int end) {
    int m = tau - start;
    int k = end - tau;
    double between = 0;
    for (int i = start; i < tau; i++) {
      for (int j = tau; j < end; j++) {
        between += d[i][j];
      }
    }
    double left = 0;
    for (int i = start; i < tau; i++) {
      for (int j = i + 1; j < tau; j++) {
        left += d[i][j];
      }
    }
    double right = 0;
    for (int i = tau; i < end; i++) {
      for (int j = i + 1; j < end; j++) {
        right += d[i][j];
      }
    }
    double e = 2 * between / ((double) m * k) - left / (m * (m - 1) / 2.0) - right / (k * (k - 1) / 2.0);
    return (double) m * k / (m + k) * e;
  }

  /**
   * The two-sided p-value of Student's t-test (pooled variance) between x[start, tau) and
   * x[tau, end). Pooling lets a step with only two or three runs after it be found, so that it can be
   * shown as a candidate while the runs that confirm it come in.
   *
   * @param x the series
   * @param start first index of the left part
   * @param tau first index of the right part
   * @param end end of the right part (exclusive)
   * @return the p-value
   */
  public static double tTestP(double[] x, int start, int tau, int end) {
    int m = tau - start;
    int k = end - tau;
    double ma = Stats.mean(x, start, tau);
    double mb = Stats.mean(x, tau, end);
    double pooled = ((m - 1) * Stats.variance(x, start, tau) + (k - 1) * Stats.variance(x, tau, end)) / (m + k - 2);
    double se = Math.sqrt(pooled * (1.0 / m + 1.0 / k));
    if (se == 0) {
      return ma == mb ? 1 : 0;
    }
    double t = (mb - ma) / se;
    return 2 * (1 - Stats.studentCdf(Math.abs(t), m + k - 2));
  }
}
