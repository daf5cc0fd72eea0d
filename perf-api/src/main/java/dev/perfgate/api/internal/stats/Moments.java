package dev.perfgate.api.internal.stats;

/** The mean and the sample variance of a range of values. */
public final class Moments {
  private Moments() {}

  /**
   * The arithmetic mean of all values.
   *
   * @param v the values, at least one
   * @return the mean
   * @throws IllegalArgumentException if there are no values
   */
  public static double mean(double[] v) {
    return mean(v, 0, v.length);
  }

  /**
   * The arithmetic mean of {@code v[from..to)}.
   *
   * @param v the values
   * @param from the first index, inclusive
   * @param to the last index, exclusive; more than {@code from}
   * @return the mean
   * @throws IllegalArgumentException if the range is empty or outside the array
   */
  public static double mean(double[] v, int from, int to) {
    range(v, from, to, 1);
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i];
    }
    return s / (to - from);
  }

  /**
   * The sample variance of {@code v[from..to)} (divisor {@code n - 1}).
   *
   * @param v the values
   * @param from the first index, inclusive
   * @param to the last index, exclusive; at least {@code from + 2}
   * @return the variance
   * @throws IllegalArgumentException if the range holds fewer than 2 values or lies outside the array
   */
  public static double variance(double[] v, int from, int to) {
    range(v, from, to, 2);
    double m = mean(v, from, to);
    double s = 0;
    for (int i = from; i < to; i++) {
      s += (v[i] - m) * (v[i] - m);
    }
    return s / (to - from - 1);
  }

  private static void range(double[] v, int from, int to, int least) {
    if (from < 0 || to > v.length || to - from < least) {
      throw new IllegalArgumentException("range [" + from + ", " + to + ") of " + v.length + " values must hold at least "
          + least + " value(s)");
    }
  }
}
