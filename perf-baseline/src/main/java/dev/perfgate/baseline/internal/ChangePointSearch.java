package dev.perfgate.baseline.internal;

import dev.perfgate.api.internal.stats.Moments;
import dev.perfgate.api.internal.stats.StudentT;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

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
        double p = stepP(x, start, tau, end);
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
   * The two-sided p-value of the step at {@code tau} in a least-squares fit of a line plus a step to
   * x[start, end): y = a + b t + c [t &gt;= tau], testing c = 0 with Student's t on end - start - 3
   * degrees of freedom. Otava tests a split with a plain two-sample t-test, which cuts a steady drift
   * into steps; fitting the slope as well keeps a drift in one piece, so that the trend sees it whole,
   * while a real step still stands out against the line.
   *
   * @param x the series
   * @param start first index of the part
   * @param tau the proposed first index after the step
   * @param end end of the part (exclusive)
   * @return the p-value, 1 when the part is too short to test
   */
  public static double stepP(double[] x, int start, int tau, int end) {
    int n = end - start;
    if (n < 5) {
      return 1;
    }
    // Normal equations for the columns 1, t, d (d = 1 from tau on), with t centred for conditioning.
    double tc = (n - 1) / 2.0;
    double[][] a = new double[3][3];
    double[] rhs = new double[3];
    for (int i = 0; i < n; i++) {
      double[] row = {1, i - tc, start + i >= tau ? 1 : 0};
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 3; c++) {
          a[r][c] += row[r] * row[c];
        }
        rhs[r] += row[r] * x[start + i];
      }
    }
    double[][] inv = invert3(a);
    if (inv == null) {
      return 1;
    }
    double[] beta = new double[3];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        beta[r] += inv[r][c] * rhs[c];
      }
    }
    double rss = 0;
    for (int i = 0; i < n; i++) {
      double fit = beta[0] + beta[1] * (i - tc) + beta[2] * (start + i >= tau ? 1 : 0);
      double e = x[start + i] - fit;
      rss += e * e;
    }
    int df = n - 3;
    double se = Math.sqrt(rss / df * inv[2][2]);
    if (!(se > 0)) {
      return beta[2] == 0 ? 1 : 0;
    }
    return 2 * (1 - StudentT.cdf(Math.abs(beta[2] / se), df));
  }

  private static double @Nullable [][] invert3(double[][] m) {
    double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    if (Math.abs(det) < 1e-12) {
      return null;
    }
    double[][] r = new double[3][3];
    r[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
    r[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
    r[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
    r[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det;
    r[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
    r[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
    r[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
    r[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
    r[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
    return r;
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
    double ma = Moments.mean(x, start, tau);
    double mb = Moments.mean(x, tau, end);
    double pooled = ((m - 1) * Moments.variance(x, start, tau) + (k - 1) * Moments.variance(x, tau, end)) / (m + k - 2);
    double se = Math.sqrt(pooled * (1.0 / m + 1.0 / k));
    if (se == 0) {
      return ma == mb ? 1 : 0;
    }
    double t = (mb - ma) / se;
    return 2 * (1 - StudentT.cdf(Math.abs(t), m + k - 2));
  }
}
