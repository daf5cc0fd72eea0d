package dev.perfgate.api.internal.stats;

import java.util.Arrays;

/**
 * The Theil-Sen line: Sen's slope (the median of the pairwise slopes over pairs with different x)
 * with Sen's (1968) distribution-free confidence interval, and the intercept
 * {@code median(y - slope x)}. A few odd points do not move it, and it assumes nothing about the
 * shape of the errors.
 *
 * <p>The interval comes from the null variance of Kendall's S corrected for ties in x and in y
 * (Sen 1968, equation 2.6, as {@code scipy.stats.theilslopes} computes it): with
 * {@code C = z(1 - alpha/2) sd(S)} and N pairwise slopes, the bounds are the sorted slopes of rank
 * {@code (N - C)/2} and {@code (N + C)/2 + 1} (1-based). Non-integer ranks are rounded outwards, so
 * that the interval is never narrower than the confidence asks; SciPy rounds them to the nearest
 * rank, which gives the same bounds whenever rounding outwards and to nearest agree.
 *
 * <p>Where a rank falls outside 1..N (fewer than about 6 points), SciPy takes the extreme slope.
 * The kernel does so only where the extremes really are an interval of the confidence asked: the
 * true slope lies outside [min, max] only if all pairs of residuals are in order, which without ties
 * in y has the exact probability {@code 2 prod(t_g!) / n!} over the groups of equal x. With 5
 * distinct x that is 2/120, so [min, max] is a 95 % interval, as in SciPy; with 4 it is 2/24 and
 * with 3 it is 2/6, so the bounds are infinite where SciPy would claim [min, max] at 95 %.
 *
 * @param slope the median pairwise slope
 * @param low the lower confidence bound of the slope (negative infinity if there are too few points for the confidence)
 * @param high the upper confidence bound (positive infinity if there are too few points)
 * @param intercept the median of {@code y - slope * x}
 */
public record TheilSen(double slope, double low, double high, double intercept) {

  /**
   * Fits y against x.
   *
   * @param x the abscissas; equal values (several observations at one x) are allowed
   * @param y the ordinates, as many as x
   * @param confidence the two-sided confidence level of the interval, strictly between 0 and 1, such as 0.95
   * @return the line
   * @throws IllegalArgumentException if the lengths differ, fewer than two distinct x are given, or
   *     the confidence is not strictly between 0 and 1
   */
  public static TheilSen fit(double[] x, double[] y, double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence (" + confidence + ") must be strictly between 0 and 1");
    }
    int n = x.length;
    double[] slopes = sortedSlopes(x, y);
    int count = slopes.length;
    double slope = Median.ofSorted(slopes);

    double var = MannKendall.variance(n, MannKendall.tieTerm(x) + MannKendall.tieTerm(y));
    double c = Normal.quantile(0.5 + confidence / 2) * Math.sqrt(Math.max(0, var));
    long lowRank = (long) Math.floor((count - c) / 2);
    long highRank = (long) Math.ceil((count + c) / 2) + 1;
    boolean extremesHold = extremesHold(x, y, confidence);
    double low = lowRank >= 1 ? slopes[(int) lowRank - 1]
        : extremesHold ? slopes[0] : Double.NEGATIVE_INFINITY;
    double high = highRank <= count ? slopes[(int) highRank - 1]
        : extremesHold ? slopes[count - 1] : Double.POSITIVE_INFINITY;

    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) {
      residuals[i] = y[i] - slope * x[i];
    }
    return new TheilSen(slope, low, high, Median.of(residuals));
  }

  /**
   * Sen's slope alone, without its interval.
   *
   * @param x the abscissas; equal values are allowed
   * @param y the ordinates, as many as x
   * @return the median of the slopes over all pairs with different x
   * @throws IllegalArgumentException if the lengths differ or fewer than two distinct x are given
   */
  public static double slope(double[] x, double[] y) {
    return Median.ofSorted(sortedSlopes(x, y));
  }

  private static double[] sortedSlopes(double[] x, double[] y) {
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
    return slopes;
  }

  /**
   * Whether [min slope, max slope] covers the slope with at least the confidence by the exact null
   * distribution: {@code 2 prod(t_g!) / n! <= 1 - confidence}, t_g the sizes of the groups of equal x.
   * With ties in y the extremes are not ordered that simply, and the answer is no.
   */
  private static boolean extremesHold(double[] x, double[] y, double confidence) {
    if (MannKendall.tieTerm(y) != 0) {
      return false;
    }
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double logTail = Math.log(2);
    int run = 1;
    for (int i = 1; i <= sorted.length; i++) {
      logTail -= Math.log(i);
      if (i < sorted.length && sorted[i] == sorted[i - 1]) {
        run++;
        logTail += Math.log(run);
      } else {
        run = 1;
      }
    }
    return logTail <= Math.log(1 - confidence);
  }

  /**
   * Fits a series against its index 0, 1, 2, ...: the slope is the change per step.
   *
   * @param series the values, oldest first; at least 2
   * @param confidence the two-sided confidence level of the interval, strictly between 0 and 1
   * @return the line
   * @throws IllegalArgumentException if there are fewer than 2 values or the confidence is out of range
   */
  public static TheilSen fit(double[] series, double confidence) {
    double[] index = new double[series.length];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }
    return fit(index, series, confidence);
  }
}
