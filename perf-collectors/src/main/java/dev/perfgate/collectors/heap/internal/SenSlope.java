package dev.perfgate.collectors.heap.internal;

import dev.perfgate.api.internal.Checks;
import java.util.Arrays;

/**
 * Sen's slope (the Theil-Sen estimator) with its rank-based confidence interval.
 *
 * <p>The median of all pairwise slopes ignores the odd reading (an ArrayList that doubles its
 * backing array, a late class initialisation), where a least-squares slope would be dragged by it.
 * The interval comes from the null distribution of Kendall's S (Sen 1968): with
 * {@code C = z * sqrt(n(n-1)(2n+5)/18)} and {@code N} pairwise slopes, the limits are the sorted
 * slopes of rank {@code (N - C)/2} and {@code (N + C)/2 + 1}. Ties are not corrected for, which only
 * widens the interval.
 */
public final class SenSlope {
  /** The two-sided 95 % quantile of the standard normal distribution. */
  private static final double Z_95 = 1.959963984540054;

  private SenSlope() {}

  /**
   * A fitted slope.
   *
   * @param slope the median pairwise slope
   * @param low the lower limit of its 95 % interval
   * @param high the upper limit of its 95 % interval
   * @param intercept the median of {@code y - slope * x}
   */
  public record Fit(double slope, double low, double high, double intercept) {}

  /**
   * Fits y against x.
   *
   * @param x the abscissae
   * @param y the ordinates, as many as x
   * @return the fit
   * @throws IllegalArgumentException if there are fewer than 3 points or the lengths differ
   */
  public static Fit fit(double[] x, double[] y) {
    Checks.argument(x.length == y.length, "x (%s values) and y (%s values) must have the same length",
        x.length, y.length);
    int n = x.length;
    Checks.argument(n >= 3, "a slope needs at least 3 points, got %s", n);
    double[] slopes = new double[n * (n - 1) / 2];
    int count = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (x[j] != x[i]) {
          slopes[count++] = (y[j] - y[i]) / (x[j] - x[i]);
        }
      }
    }
    Checks.argument(count > 0, "a slope needs at least two distinct x values");
    double[] sorted = Arrays.copyOf(slopes, count);
    Arrays.sort(sorted);
    double slope = median(sorted);
    double c = Z_95 * Math.sqrt(n * (n - 1.0) * (2.0 * n + 5) / 18.0);
    int lowRank = (int) Math.floor((count - c) / 2.0);
    int highRank = (int) Math.ceil((count + c) / 2.0) + 1;
    double low = sorted[clamp(lowRank - 1, count)];
    double high = sorted[clamp(highRank - 1, count)];
    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) {
      residuals[i] = y[i] - slope * x[i];
    }
    Arrays.sort(residuals);
    return new Fit(slope, low, high, median(residuals));
  }

  private static int clamp(int index, int count) {
    return Math.max(0, Math.min(count - 1, index));
  }

  private static double median(double[] sorted) {
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }
}
