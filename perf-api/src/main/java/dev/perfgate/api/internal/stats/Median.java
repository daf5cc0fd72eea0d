package dev.perfgate.api.internal.stats;

import java.util.Arrays;

/**
 * The median: the middle value, or the mean of the two middle values of an even count (the same
 * as the type 7 {@link Percentile} at 0.5).
 */
public final class Median {
  private Median() {}

  /**
   * The median of values, which are not modified.
   *
   * @param values the values, in any order
   * @return the median, NaN if there are none
   */
  public static double of(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] s = values.clone();
    Arrays.sort(s);
    return ofSorted(s);
  }

  /**
   * The median of sorted values.
   *
   * @param sorted values in ascending order
   * @return the median, NaN if there are none
   */
  public static double ofSorted(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
