package dev.perfgate.baseline.scaling.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The Theil-Sen slope (median of pairwise slopes) with Sen's (1968) distribution-free confidence
 * interval from the variance of Kendall's S, corrected for ties in x. It assumes nothing about the
 * shape of the errors, and a few outliers do not move it.
 */
public final class TheilSen {
  private TheilSen() {}

  /**
   * Fits the slope of y on x.
   *
   * @param x the abscissas; equal values (several observations per size) are allowed
   * @param y the ordinates, same length as x
   * @param confidence the two-sided confidence level, such as 0.95
   * @return {slope, low, high}; a bound is infinite where the observations are too few for the
   *     confidence asked
   * @throws IllegalArgumentException if the lengths differ or fewer than two distinct x are given
   */
  public static double[] slope(double[] x, double[] y, double confidence) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x (" + x.length + " values) and y (" + y.length + " values) must be as long");
    }
    int n = x.length;
    double[] slopes = new double[n * (n - 1) / 2];
    int count = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (x[i] != x[j]) {
          slopes[count++] = (y[j] - y[i]) / (x[j] - x[i]);
        }
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException("a slope needs at least two distinct x values");
    }
    slopes = Arrays.copyOf(slopes, count);
    Arrays.sort(slopes);
    double median = count % 2 == 1 ? slopes[count / 2] : (slopes[count / 2 - 1] + slopes[count / 2]) / 2;

    Map<Double, Integer> ties = new HashMap<>();
    for (double v : x) {
      ties.merge(v, 1, Integer::sum);
    }
    double varS = (double) n * (n - 1) * (2 * n + 5);
    for (int t : ties.values()) {
      varS -= (double) t * (t - 1) * (2 * t + 5);
    }
    varS /= 18;
    double c = Normal.quantile(0.5 + confidence / 2) * Math.sqrt(varS);
    // Ranks (1-based, ascending) of the bounds: (N - C) / 2 and (N + C) / 2 + 1, rounded outwards.
    long lowRank = (long) Math.floor((count - c) / 2);
    long highRank = (long) Math.ceil((count + c) / 2 + 1);
    double low = lowRank >= 1 ? slopes[(int) lowRank - 1] : Double.NEGATIVE_INFINITY;
    double high = highRank <= count ? slopes[(int) highRank - 1] : Double.POSITIVE_INFINITY;
    return new double[] {median, Math.min(low, median), Math.max(high, median)};
  }
}
