package dev.perfgate.api.internal.stats;

/**
 * Values on the log scale, where ratios become differences: a shift of log times is a ratio of
 * times, and a spread of log times is a relative spread.
 */
public final class LogScale {
  private LogScale() {}

  /**
   * Natural logarithms of values.
   *
   * @param values positive values
   * @return their logarithms (NaN or negative infinity where a value is not positive)
   */
  public static double[] of(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.log(values[i]);
    }
    return out;
  }

  /**
   * Whether every value is strictly positive, so that logarithms and ratios exist.
   *
   * @param values the values
   * @return true if all are &gt; 0 (also when there are none)
   */
  public static boolean allPositive(double[] values) {
    for (double v : values) {
      if (!(v > 0)) {
        return false;
      }
    }
    return true;
  }
}
