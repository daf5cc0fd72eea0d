package dev.perfgate.baseline.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Hodges-Lehmann shift between two samples with its rank-based (Moses) confidence interval,
 * and one-sided Mann-Whitney p-values. Exact null distributions are used while both samples are
 * small (m + n &lt;= 100) and, for the p-values, free of ties; the normal approximation with
 * continuity and tie correction otherwise.
 *
 * @param shift the median of all pairwise differences y - x
 * @param low the lower confidence bound of the shift (negative infinity if the samples are too small)
 * @param high the upper confidence bound (positive infinity if the samples are too small)
 * @param pGreater the one-sided p-value for "y tends to be larger than x"
 * @param pLess the one-sided p-value for "y tends to be smaller than x"
 * @param exact whether exact distributions were used for the p-values
 */
public record RankShift(double shift, double low, double high, double pGreater, double pLess, boolean exact) {

  private static final int EXACT_LIMIT = 100;
  private static final Map<Long, double[]> NULL_CDFS = new ConcurrentHashMap<>();

  /**
   * Computes the shift of {@code y} against {@code x}.
   *
   * @param x the reference sample, at least one value
   * @param y the other sample, at least one value
   * @param confidence the two-sided confidence level of the interval, such as 0.95
   * @return the shift
   */
  public static RankShift of(double[] x, double[] y, double confidence) {
    int m = x.length;
    int n = y.length;
    if (m == 0 || n == 0) {
      throw new IllegalArgumentException("both samples need values (" + m + " and " + n + ")");
    }
    double[] d = new double[m * n];
    int k = 0;
    double u = 0;
    for (double xi : x) {
      for (double yj : y) {
        double diff = yj - xi;
        d[k++] = diff;
        u += diff > 0 ? 1 : diff == 0 ? 0.5 : 0;
      }
    }
    Arrays.sort(d);
    double shift = Stats.sortedMedian(d);
    boolean small = m + n <= EXACT_LIMIT;
    int rank = boundRank(m, n, (1 - confidence) / 2, small, tieTerm(x, y));
    double low = rank >= 1 ? d[rank - 1] : Double.NEGATIVE_INFINITY;
    double high = rank >= 1 ? d[m * n - rank] : Double.POSITIVE_INFINITY;

    double tie = tieTerm(x, y);
    double pGreater;
    double pLess;
    boolean exact = small && tie == 0;
    if (exact) {
      double[] cdf = nullCdf(m, n);
      int ui = (int) Math.round(u);
      pLess = cdf[ui];
      pGreater = ui == 0 ? 1 : 1 - cdf[ui - 1];
    } else {
      double sd = Math.sqrt(variance(m, n, tie));
      double mean = m * (double) n / 2;
      if (sd == 0) {
        pGreater = 1;
        pLess = 1;
      } else {
        pGreater = 1 - Stats.normalCdf((u - mean - 0.5) / sd);
        pLess = Stats.normalCdf((u - mean + 0.5) / sd);
      }
    }
    return new RankShift(shift, low, high, clamp(pGreater), clamp(pLess), exact);
  }

  private static double clamp(double p) {
    return Math.max(0, Math.min(1, p));
  }

  /**
   * The rank r of the order statistics of the differences that bound the interval:
   * [d(r), d(mn + 1 - r)] covers the shift with probability 1 - 2 P(U &lt;= r - 1).
   */
  private static int boundRank(int m, int n, double alphaHalf, boolean small, double tie) {
    if (small) {
      double[] cdf = nullCdf(m, n);
      int r = 0;
      while (r < cdf.length && cdf[r] <= alphaHalf) {
        r++;
      }
      return r; // cdf[r - 1] <= alphaHalf, so rank r is the largest with P(U <= r - 1) <= alphaHalf
    }
    double z = Stats.normalQuantile(1 - alphaHalf);
    double r = m * (double) n / 2 - z * Math.sqrt(variance(m, n, tie));
    return (int) Math.max(0, Math.floor(r));
  }

  private static double variance(int m, int n, double tie) {
    double total = m + n;
    return m * (double) n / 12 * ((total + 1) - tie / (total * (total - 1)));
  }

  /** Sum of t^3 - t over groups of tied values in the pooled sample. */
  private static double tieTerm(double[] x, double[] y) {
    double[] all = new double[x.length + y.length];
    System.arraycopy(x, 0, all, 0, x.length);
    System.arraycopy(y, 0, all, x.length, y.length);
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
   * The distribution function of the Mann-Whitney U statistic under the null hypothesis for sample
   * sizes m and n: cdf[u] = P(U &lt;= u). Built from the recursion on probabilities
   * p(m, n, u) = m/(m+n) p(m-1, n, u-n) + n/(m+n) p(m, n-1, u), whose terms are all positive, so
   * the small tail probabilities keep their precision.
   */
  static double[] nullCdf(int m, int n) {
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
}
