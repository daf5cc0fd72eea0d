package dev.perfgate.api.internal.stats;

import java.util.Arrays;

/**
 * The Mann-Kendall test for a monotonic trend in a series (Gilbert, Statistical Methods for
 * Environmental Pollution Monitoring, 1987, chapter 16): Kendall's {@code S} over all pairs of
 * the series against its order, its variance corrected for ties,
 * {@code (n(n-1)(2n+5) - sum t(t-1)(2t+5)) / 18}, and the two-sided p-value of the normal
 * approximation with continuity correction, {@code z = (S - sign(S)) / sd}.
 *
 * @param s Kendall's S: pairs that rise minus pairs that fall
 * @param variance the tie-corrected variance of S under the null hypothesis of no trend
 * @param pValue the two-sided p-value
 */
public record MannKendall(double s, double variance, double pValue) {

  /**
   * Tests a series, taken in index order, for a trend.
   *
   * @param series the values, oldest first; at least 2
   * @return the test
   * @throws IllegalArgumentException if there are fewer than 2 values
   */
  public static MannKendall of(double[] series) {
    int n = series.length;
    if (n < 2) {
      throw new IllegalArgumentException("a trend test needs at least 2 values, got " + n);
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        s += Math.signum(series[j] - series[i]);
      }
    }
    double var = variance(n, tieTerm(series));
    double sd = Math.sqrt(var);
    double z = sd == 0 ? 0 : s > 0 ? (s - 1) / sd : s < 0 ? (s + 1) / sd : 0;
    double p = 2 * Normal.survival(Math.abs(z));
    return new MannKendall(s, var, Math.min(1, p));
  }

  /**
   * The variance of Kendall's S under the null hypothesis.
   *
   * @param n the number of observations
   * @param ties {@code sum t(t-1)(2t+5)} over the tie groups (see {@link #tieTerm(double[])}), 0 without ties
   * @return the variance
   */
  public static double variance(int n, double ties) {
    return (n * (n - 1.0) * (2.0 * n + 5) - ties) / 18;
  }

  /**
   * The tie term {@code sum t(t-1)(2t+5)} over the groups of equal values.
   *
   * @param values the values
   * @return the tie term, 0 when all values differ
   */
  public static double tieTerm(double[] values) {
    double[] s = values.clone();
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
