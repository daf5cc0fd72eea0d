package dev.perfgate.baseline.scaling.internal;

import java.util.Arrays;

/**
 * The Hodges-Lehmann shift between two samples (the median of all differences {@code b_j - a_i})
 * with its distribution-free confidence interval (Moses), whose bounds are order statistics of the
 * differences picked by the Mann-Whitney distribution: exact for small samples, normal beyond.
 */
public final class RankShift {

  /** Above this many pairs the Mann-Whitney distribution is taken as normal (with continuity correction). */
  static final int EXACT_LIMIT = 2500;

  private RankShift() {}

  /**
   * Estimates the shift of {@code b} against {@code a}.
   *
   * @param a the reference sample
   * @param b the other sample
   * @param confidence the two-sided confidence level, such as 0.95
   * @return {shift, low, high}; a bound is infinite where the samples are too small for the
   *     confidence asked
   * @throws IllegalArgumentException if a sample is empty
   */
  public static double[] shift(double[] a, double[] b, double confidence) {
    if (a.length == 0 || b.length == 0) {
      throw new IllegalArgumentException("both samples need values (got " + a.length + " and " + b.length + ")");
    }
    int m = a.length;
    int n = b.length;
    double[] d = new double[m * n];
    int k = 0;
    for (double x : a) {
      for (double v : b) {
        d[k++] = v - x;
      }
    }
    Arrays.sort(d);
    int total = d.length;
    double median = total % 2 == 1 ? d[total / 2] : (d[total / 2 - 1] + d[total / 2]) / 2;
    int c = criticalCount(m, n, (1 - confidence) / 2);
    double low = c >= 1 ? d[c - 1] : Double.NEGATIVE_INFINITY;
    double high = c >= 1 ? d[total - c] : Double.POSITIVE_INFINITY;
    return new double[] {median, Math.min(low, median), Math.max(high, median)};
  }

  /**
   * The largest c with {@code P(U <= c - 1) <= alpha} for the Mann-Whitney U of sizes m and n; the
   * interval is then from the c-th smallest to the c-th largest difference. 0 if none qualifies.
   */
  static int criticalCount(int m, int n, double alpha) {
    long pairs = (long) m * n;
    if (pairs > EXACT_LIMIT) {
      double sd = Math.sqrt(pairs * (m + n + 1) / 12.0);
      long c = (long) Math.floor(pairs / 2.0 + 0.5 + Normal.quantile(alpha) * sd);
      return (int) Math.max(0, c);
    }
    double[] cdf = cumulative(m, n);
    int c = 0;
    while (c < cdf.length && cdf[c] <= alpha * (1 + 1e-12)) {
      c++;
    }
    return c;
  }

  /** {@code P(U <= u)} for u = 0 .. mn under the null hypothesis, from the counting recurrence. */
  static double[] cumulative(int m, int n) {
    int max = m * n;
    // p[j][u] = P(U = u) for samples of i and j; the largest of the i + j values comes from the first
    // sample with probability i / (i + j) and then exceeds all j values of the second.
    double[][] prev = new double[n + 1][];
    for (int j = 0; j <= n; j++) {
      prev[j] = new double[] {1};
    }
    for (int i = 1; i <= m; i++) {
      double[][] cur = new double[n + 1][];
      cur[0] = new double[] {1};
      for (int j = 1; j <= n; j++) {
        double[] row = new double[i * j + 1];
        double fromFirst = (double) i / (i + j);
        double fromSecond = (double) j / (i + j);
        double[] a = prev[j];
        double[] b = cur[j - 1];
        for (int u = 0; u < a.length; u++) {
          row[u + j] += fromFirst * a[u];
        }
        for (int u = 0; u < b.length; u++) {
          row[u] += fromSecond * b[u];
        }
        cur[j] = row;
      }
      prev = cur;
    }
    double[] p = prev[n];
    double[] cdf = new double[max + 1];
    double s = 0;
    for (int u = 0; u <= max; u++) {
      s += p[u];
      cdf[u] = s;
    }
    return cdf;
  }
}
