package dev.perfgate.api.internal.stats;

/** The median absolute deviation from the median, a spread that a few odd values do not move. */
public final class Mad {
  private Mad() {}

  /**
   * The factor that makes the MAD a consistent estimator of a normal standard deviation,
   * {@code 1 / Phi^-1(3/4) = 1.482602...}, rounded to the 1.4826 that the literature quotes (the
   * difference, 1.5e-6 relative, is far below any figure Perfgate prints).
   */
  public static final double NORMAL_CONSISTENCY = 1.4826;

  /**
   * The unscaled MAD: {@code median(|x - median(x)|)}.
   *
   * @param values the values, in any order; not modified
   * @return the MAD, NaN if there are no values
   */
  public static double of(double[] values) {
    double m = Median.of(values);
    double[] dev = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      dev[i] = Math.abs(values[i] - m);
    }
    return Median.of(dev);
  }
}
