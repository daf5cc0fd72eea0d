package dev.perfgate.api.internal.stats;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Mann-Whitney (Wilcoxon rank-sum) test of whether one sample tends to be larger than
 * another, one-sided both ways.
 *
 * <p>{@code U} counts the pairs with {@code y > x}, a tie counting one half. While the samples are
 * small ({@code m n <= }{@value #EXACT_PAIRS}) and free of ties the p-values come from the exact
 * null distribution of {@code U}; otherwise from the normal approximation with continuity
 * correction and the tie-corrected variance {@code m n / 12 ((N + 1) - sum(t^3 - t) / (N (N - 1)))}
 * over the tie groups of the pooled sample, as {@code scipy.stats.mannwhitneyu} computes them.
 *
 * @param u the statistic: pairs with y &gt; x, plus one half per tied pair
 * @param pGreater the one-sided p-value for "y tends to be larger than x": {@code P(U >= u)}
 * @param pLess the one-sided p-value for "y tends to be smaller than x": {@code P(U <= u)}
 * @param exact whether the exact null distribution gave the p-values
 */
public record MannWhitney(double u, double pGreater, double pLess, boolean exact) {

  /**
   * Up to this many pairs {@code m n} the exact null distribution is used; building it costs about
   * {@code (m n)^2 / 4} additions (1.6 million at the limit) once per pair of sizes, and it is kept.
   */
  public static final int EXACT_PAIRS = 2500;

  private static final Map<Long, double[]> NULL_CDFS = new ConcurrentHashMap<>();

  /**
   * Tests {@code y} against {@code x}.
   *
   * @param x the reference sample, at least one value
   * @param y the other sample, at least one value
   * @return the statistic and its one-sided p-values
   * @throws IllegalArgumentException if a sample is empty
   */
  public static MannWhitney test(double[] x, double[] y) {
    int m = x.length;
    int n = y.length;
    nonEmpty(m, n);
    double u = 0;
    for (double xi : x) {
      for (double yj : y) {
        u += yj > xi ? 1 : yj == xi ? 0.5 : 0;
      }
    }
    double ties = tieTerm(x, y);
    if (isExact(m, n) && ties == 0) {
      double[] cdf = nullCdf(m, n);
      int ui = (int) Math.round(u);
      double pLess = cdf[ui];
      double pGreater = ui == 0 ? 1 : 1 - cdf[ui - 1];
      return new MannWhitney(u, clamp(pGreater), clamp(pLess), true);
    }
    double sd = Math.sqrt(variance(m, n, ties));
    if (sd == 0) {
      // Every value is the same: nothing tells the samples apart.
      return new MannWhitney(u, 1, 1, false);
    }
    double mean = m * (double) n / 2;
    double pGreater = Normal.survival((u - mean - 0.5) / sd);
    double pLess = Normal.cdf((u - mean + 0.5) / sd);
    return new MannWhitney(u, clamp(pGreater), clamp(pLess), false);
  }

  /**
   * Whether samples of these sizes are small enough for the exact null distribution.
   *
   * @param m size of one sample
   * @param n size of the other
   * @return true if {@code m n <= }{@value #EXACT_PAIRS}
   */
  public static boolean isExact(int m, int n) {
    return (long) m * n <= EXACT_PAIRS;
  }

  /**
   * The variance of U under the null hypothesis with tie correction.
   *
   * @param m size of one sample
   * @param n size of the other
   * @param ties {@code sum(t^3 - t)} over the tie groups, 0 without ties
   * @return the variance
   */
  public static double variance(int m, int n, double ties) {
    double total = m + n;
    double correction = total > 1 ? ties / (total * (total - 1)) : 0;
    return m * (double) n / 12 * ((total + 1) - correction);
  }

  /**
   * The tie term {@code sum(t^3 - t)} over the groups of equal values of the given samples pooled.
   *
   * @param samples the samples
   * @return the tie term, 0 when all values differ
   */
  public static double tieTerm(double[]... samples) {
    int length = 0;
    for (double[] s : samples) {
      length += s.length;
    }
    double[] all = new double[length];
    int k = 0;
    for (double[] s : samples) {
      System.arraycopy(s, 0, all, k, s.length);
      k += s.length;
    }
    Arrays.sort(all);
    double sum = 0;
    int i = 0;
    while (i < all.length) {
      int j = i;
      while (j + 1 < all.length && all[j + 1] == all[i]) {
        j++;
      }
      double t = j - i + 1;
      sum += t * t * t - t;
      i = j + 1;
    }
    return sum;
  }

  /**
   * The distribution function of U under the null hypothesis for samples of m and n values without
   * ties: {@code cdf[u] = P(U <= u)} for u = 0 .. m n. Built from the recursion on probabilities
   * {@code p(m, n, u) = m/(m+n) p(m-1, n, u-n) + n/(m+n) p(m, n-1, u)} (the largest of the m + n
   * values comes from the first sample with probability m/(m+n) and then exceeds all n values of
   * the second), whose terms are all positive, so small tail probabilities keep their precision.
   * The array is shared: do not modify it.
   *
   * @param m size of the first sample
   * @param n size of the second
   * @return the distribution function
   * @throws IllegalArgumentException if a size is below 1 or {@code m n} exceeds {@value #EXACT_PAIRS}
   */
  public static double[] nullCdf(int m, int n) {
    nonEmpty(m, n);
    if (!isExact(m, n)) {
      throw new IllegalArgumentException("exact distribution of U for " + m + " x " + n + " pairs is not kept (at most "
          + EXACT_PAIRS + " pairs); use the normal approximation");
    }
    return NULL_CDFS.computeIfAbsent(((long) m << 32) | n, k -> computeCdf(m, n));
  }

  private static double[] computeCdf(int m, int n) {
    // prev[j] holds the distribution for (i - 1, j), cur[j] for (i, j).
    double[][] prev = new double[n + 1][];
    for (int j = 0; j <= n; j++) {
      prev[j] = new double[] {1}; // i = 0: U is 0 for sure
    }
    for (int i = 1; i <= m; i++) {
      double[][] cur = new double[n + 1][];
      cur[0] = new double[] {1};
      for (int j = 1; j <= n; j++) {
        double[] p = new double[i * j + 1];
        double wi = i / (double) (i + j);
        double wj = j / (double) (i + j);
        double[] a = prev[j];
        for (int u = 0; u < a.length; u++) {
          p[u + j] += wi * a[u];
        }
        double[] b = cur[j - 1];
        for (int u = 0; u < b.length; u++) {
          p[u] += wj * b[u];
        }
        cur[j] = p;
      }
      prev = cur;
    }
    double[] pmf = prev[n];
    double[] cdf = new double[pmf.length];
    double s = 0;
    for (int u = 0; u < pmf.length; u++) {
      s += pmf[u];
      cdf[u] = Math.min(1, s);
    }
    return cdf;
  }

  static void nonEmpty(int m, int n) {
    if (m < 1 || n < 1) {
      throw new IllegalArgumentException("both samples need values (got " + m + " and " + n + ")");
    }
  }

  private static double clamp(double p) {
    return Math.max(0, Math.min(1, p));
  }
}
