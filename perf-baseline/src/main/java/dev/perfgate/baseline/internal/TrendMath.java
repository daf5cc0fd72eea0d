package dev.perfgate.baseline.internal;

import java.util.Arrays;

/**
 * Sen's slope with its rank-based interval and the Mann-Kendall test with tie correction
 * (Gilbert, Statistical Methods for Environmental Pollution Monitoring, 1987, chapter 16-17).
 *
 * @param slope the median of all pairwise slopes, per index step
 * @param low the lower bound of the slope's confidence interval
 * @param high the upper bound
 * @param s the Mann-Kendall statistic
 * @param pValue the two-sided p-value of the Mann-Kendall test (normal approximation with continuity correction)
 */
public record TrendMath(double slope, double low, double high, double s, double pValue) {

  /**
   * Analyses a series.
   *
   * @param x the series, at least 2 values
   * @param confidence the two-sided confidence of the slope's interval
   * @return the slope, its interval and the test
   */
  public static TrendMath of(double[] x, double confidence) {
    int n = x.length;
    if (n < 2) {
      throw new IllegalArgumentException("a trend needs at least 2 values, got " + n);
    }
    double[] slopes = new double[n * (n - 1) / 2];
    int k = 0;
    double s = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        slopes[k++] = (x[j] - x[i]) / (j - i);
        s += Math.signum(x[j] - x[i]);
      }
    }
    Arrays.sort(slopes);
    double slope = Stats.sortedMedian(slopes);
    double var = (n * (n - 1.0) * (2 * n + 5) - tieSum(x)) / 18;
    double sd = Math.sqrt(var);
    double z = sd == 0 ? 0 : s > 0 ? (s - 1) / sd : s < 0 ? (s + 1) / sd : 0;
    double p = 2 * (1 - Stats.normalCdf(Math.abs(z)));
    double c = Stats.normalQuantile(1 - (1 - confidence) / 2) * sd;
    int total = slopes.length;
    // The M1-th smallest and the (M2 + 1)-th smallest slopes, 1-based.
    int m1 = (int) Math.floor((total - c) / 2);
    int m2 = (int) Math.ceil((total + c) / 2);
    double low = m1 >= 1 ? slopes[m1 - 1] : Double.NEGATIVE_INFINITY;
    double high = m2 + 1 <= total ? slopes[m2] : Double.POSITIVE_INFINITY;
    return new TrendMath(slope, low, high, s, Math.min(1, p));
  }

  private static double tieSum(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    double sum = 0;
    int i = 0;
    while (i < s.length) {
      int j = i;
      while (j + 1 < s.length && s[j + 1] == s[i]) {
        j++;
      }
      double t = j - i + 1;
      sum += t * (t - 1) * (2 * t + 5);
      i = j + 1;
    }
    return sum;
  }
}
