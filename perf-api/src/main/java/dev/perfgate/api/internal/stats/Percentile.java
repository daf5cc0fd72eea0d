package dev.perfgate.api.internal.stats;

/**
 * Percentiles of sorted values by linear interpolation between order statistics: Hyndman and Fan
 * type 7, the default of R's {@code quantile} and NumPy's {@code percentile}. With {@code n}
 * values the percentile {@code p} sits at position {@code h = (n - 1) p} (0-based) and is
 * {@code x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)])}. Every percentile Perfgate
 * reports (targets' p90/p95/p99, latency p50/p99) uses this one definition.
 */
public final class Percentile {
  private Percentile() {}

  /**
   * The percentile {@code p} of sorted values.
   *
   * @param sorted values in ascending order
   * @param p the quantile, between 0 and 1
   * @return the percentile, or NaN if there are no values
   * @throws IllegalArgumentException if p is outside 0..1
   */
  public static double ofSorted(double[] sorted, double p) {
    check(p);
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * The percentile {@code p} of sorted whole numbers (such as nanosecond readings), the difference
   * of neighbours taken exactly in {@code long} before it is interpolated.
   *
   * @param sorted values in ascending order
   * @param p the quantile, between 0 and 1
   * @return the percentile, or NaN if there are no values
   * @throws IllegalArgumentException if p is outside 0..1
   */
  public static double ofSorted(long[] sorted, double p) {
    check(p);
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static void check(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("quantile (" + p + ") must be between 0 and 1");
    }
  }
}
