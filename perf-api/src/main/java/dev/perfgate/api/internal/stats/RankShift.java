package dev.perfgate.api.internal.stats;

import java.util.Arrays;

/**
 * The Hodges-Lehmann shift between two samples, the median of all differences {@code y_j - x_i},
 * with its distribution-free confidence interval (Moses), and the {@link MannWhitney} test of the
 * same samples.
 *
 * <p>The interval is {@code [d(c), d(mn + 1 - c)]} over the sorted differences (1-based), with c
 * the largest count such that {@code P(U <= c - 1) <= alpha / 2}: exactly the shifts that the
 * two-sided Mann-Whitney test does not reject. Up to {@value MannWhitney#EXACT_PAIRS} pairs c comes
 * from the exact distribution of U; beyond, from its normal approximation with continuity
 * correction, {@code c = floor(mn/2 + 1/2 - z sd)}, where sd is corrected for the ties that remain
 * when one sample is shifted against the other: those inside each sample.
 *
 * @param shift the median of all pairwise differences y - x
 * @param low the lower confidence bound (negative infinity if the samples are too small for the confidence)
 * @param high the upper confidence bound (positive infinity if the samples are too small)
 * @param exactInterval whether the exact distribution of U placed the bounds
 * @param test the Mann-Whitney test of y against x
 */
public record RankShift(double shift, double low, double high, boolean exactInterval, MannWhitney test) {

  /**
   * Estimates the shift of {@code y} against {@code x}.
   *
   * @param x the reference sample, at least one value
   * @param y the other sample, at least one value
   * @param confidence the two-sided confidence level of the interval, strictly between 0 and 1, such as 0.95
   * @return the shift, its interval and the test
   * @throws IllegalArgumentException if a sample is empty or the confidence is not strictly between 0 and 1
   */
  public static RankShift of(double[] x, double[] y, double confidence) {
    int m = x.length;
    int n = y.length;
    MannWhitney.nonEmpty(m, n);
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence (" + confidence + ") must be strictly between 0 and 1");
    }
    double[] d = new double[m * n];
    int k = 0;
    for (double xi : x) {
      for (double yj : y) {
        d[k++] = yj - xi;
      }
    }
    Arrays.sort(d);
    double shift = Median.ofSorted(d);
    boolean exact = MannWhitney.isExact(m, n);
    double ties = MannWhitney.tieTerm(x) + MannWhitney.tieTerm(y);
    int c = criticalCount(m, n, (1 - confidence) / 2, ties);
    double low = c >= 1 ? d[c - 1] : Double.NEGATIVE_INFINITY;
    double high = c >= 1 ? d[d.length - c] : Double.POSITIVE_INFINITY;
    return new RankShift(shift, low, high, exact, MannWhitney.test(x, y));
  }

  /**
   * The one-sided p-value for "y tends to be larger than x", from {@link #test()}.
   *
   * @return {@code P(U >= u)}
   */
  public double pGreater() {
    return test.pGreater();
  }

  /**
   * The one-sided p-value for "y tends to be smaller than x", from {@link #test()}.
   *
   * @return {@code P(U <= u)}
   */
  public double pLess() {
    return test.pLess();
  }

  /**
   * The largest c with {@code P(U <= c - 1) <= alpha} for the Mann-Whitney U of sizes m and n; the
   * interval runs from the c-th smallest to the c-th largest difference. 0 if none qualifies.
   *
   * @param m size of one sample
   * @param n size of the other
   * @param alpha the probability in each tail
   * @param ties {@code sum(t^3 - t)} over tie groups inside each sample, for the normal approximation
   * @return the count c
   */
  static int criticalCount(int m, int n, double alpha, double ties) {
    if (!MannWhitney.isExact(m, n)) {
      double pairs = (double) m * n;
      double sd = Math.sqrt(MannWhitney.variance(m, n, ties));
      long c = (long) Math.floor(pairs / 2 + 0.5 + Normal.quantile(alpha) * sd);
      return (int) Math.max(0, c);
    }
    double[] cdf = MannWhitney.nullCdf(m, n);
    int c = 0;
    // the relative slack keeps a tail probability that equals alpha in exact arithmetic (k / C(m+n, m))
    // inside, as the test's "p <= alpha rejects" does, whatever the rounding of the sums
    while (c < cdf.length && cdf[c] <= alpha * (1 + 1e-12)) {
      c++;
    }
    return c;
  }
}
