package dev.perfgate.api.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Known answers from SciPy 1.17.1, {@code scipy.stats.theilslopes(y, x, 0.95, method='joint')} (slope,
 * intercept, low_slope, high_slope; 'joint' makes the intercept {@code median(y - slope x)}). SciPy
 * rounds the bound ranks {@code (N - C)/2} and {@code (N + C)/2 + 1} to the nearest rank, the kernel
 * outwards; where the two differ the expected bounds come from the same formula in NumPy:
 *
 * <pre>
 * s = np.sort(pairwise slopes over pairs with x_i != x_j); N = len(s)
 * var = (n*(n-1)*(2n+5) - sum_x t(t-1)(2t+5) - sum_y t(t-1)(2t+5)) / 18
 * C = scipy.stats.norm.ppf(0.975) * sqrt(var)
 * low = s[floor((N - C)/2) - 1]; high = s[ceil((N + C)/2) + 1 - 1]
 * </pre>
 */
final class TheilSenTest {

  @Test
  void fit_scalingWithTiesInX_matchesScipy() {
    // x = log(repeat([1000, 4000, 16000, 64000], 3)),
    // y = log([0.21,0.23,0.22, 0.95,0.88,0.91, 3.9,4.2,3.7, 16.8,17.5,15.9])
    // theilslopes(y, x, 0.95, method='joint') = (1.042032595807625, -8.719245665979901, 1.0187373527093313, 1.0637034747572063)
    double[] sizes = {1000, 1000, 1000, 4000, 4000, 4000, 16000, 16000, 16000, 64000, 64000, 64000};
    double[] times = {0.21, 0.23, 0.22, 0.95, 0.88, 0.91, 3.9, 4.2, 3.7, 16.8, 17.5, 15.9};
    TheilSen f = TheilSen.fit(LogScale.of(sizes), LogScale.of(times), 0.95);
    assertEquals(1.042032595807625, f.slope(), 1e-12);
    assertEquals(-8.719245665979901, f.intercept(), 1e-11);
    assertEquals(1.0187373527093313, f.low(), 1e-12);
    assertEquals(1.0637034747572063, f.high(), 1e-12);    assertEquals(1.042032595807625, TheilSen.slope(LogScale.of(sizes), LogScale.of(times)), 1e-12);
  }

  @Test
  void fit_leakLikeReadings_matchScipy() {
    // x = 1..20, y = [1024*i + ((i*7) % 5) * 64 for i in range(1, 21)]
    // theilslopes(y, x, 0.95, method='joint') = (1024.0, 128.0, 1014.8571428571429, 1032.0)
    double[] x = new double[20];
    double[] y = new double[20];
    for (int i = 1; i <= 20; i++) {
      x[i - 1] = i;
      y[i - 1] = 1024.0 * i + ((i * 7) % 5) * 64;
    }
    TheilSen f = TheilSen.fit(x, y, 0.95);
    assertEquals(1024.0, f.slope());
    assertEquals(128.0, f.intercept());
    assertEquals(1014.8571428571429, f.low(), 1e-9);
    assertEquals(1032.0, f.high(), 1e-9);
  }

  @Test
  void fit_seriesWithTiesInY_matchesScipy() {
    // theilslopes([5,5,6,5,7,7,8,7,9,9,9,10], range(12), 0.95, method='joint') = (0.5, 4.5, 0.3333333333333333, 0.5)
    TheilSen f = TheilSen.fit(new double[] {5, 5, 6, 5, 7, 7, 8, 7, 9, 9, 9, 10}, 0.95);
    assertEquals(0.5, f.slope());
    assertEquals(4.5, f.intercept());
    assertEquals(0.3333333333333333, f.low(), 1e-15);
    assertEquals(0.5, f.high());
  }

  @Test
  void fit_boundsBetweenRanks_areRoundedOutwards() {
    // y = [10.2,10.5,10.1,10.9,11.3,10.8,11.6,11.9,11.4,12.3,12.0,12.8] against range(12):
    // theilslopes -> slope 0.2333333333333334, intercept 10.2 (method='joint'), and with nearest ranks
    // 0.16666666666666666 .. 0.2666666666666669; the ranks are 18.71 and 48.29, so outwards
    // (ranks 18 and 49, the NumPy formula above) the bounds are 0.15714285714285708 .. 0.27500000000000036
    TheilSen f = TheilSen.fit(new double[] {10.2, 10.5, 10.1, 10.9, 11.3, 10.8, 11.6, 11.9, 11.4, 12.3, 12.0, 12.8}, 0.95);
    assertEquals(0.2333333333333334, f.slope(), 1e-12);
    assertEquals(10.2, f.intercept(), 1e-12);
    assertEquals(0.15714285714285708, f.low(), 1e-12);
    assertEquals(0.27500000000000036, f.high(), 1e-12);
  }

  @Test
  void fit_fivePoints_boundsAreTheExtremeSlopesAsScipy() {
    // N = 10, C = 1.96 * sqrt(5*4*15/18) = 8.0016: the ranks 0.9992 and 10.0008 fall just outside 1..10;
    // exactly, P(true slope outside [min, max]) = 2/5! = 1/60 < 5 %
    // theilslopes([1,3,4,8,9], [1,2,3,4,5], 0.95, method='joint') = (2.0, -1.0, 1.0, 4.0)
    TheilSen five = TheilSen.fit(new double[] {1, 2, 3, 4, 5}, new double[] {1, 3, 4, 8, 9}, 0.95);
    assertEquals(2.0, five.slope());
    assertEquals(-1.0, five.intercept());
    assertEquals(1.0, five.low());
    assertEquals(4.0, five.high());
  }

  @Test
  void fit_threeOrFourPoints_haveNoFiniteInterval() {
    // theilslopes([1,3,4], [1,2,3], 0.95, method='joint') = (1.5, -0.5, 1.0, 2.0): SciPy claims the extremes,
    // but the slope lies outside them with probability 2/3! = 1/3 (Kendall's S of 3 values is +-3 in 2 of 6 orders)
    TheilSen three = TheilSen.fit(new double[] {1, 2, 3}, new double[] {1, 3, 4}, 0.95);
    assertEquals(1.5, three.slope());
    assertEquals(-0.5, three.intercept());
    assertEquals(Double.NEGATIVE_INFINITY, three.low());
    assertEquals(Double.POSITIVE_INFINITY, three.high());
    // 4 points: 2/4! = 1/12 > 5 %
    TheilSen four = TheilSen.fit(new double[] {1, 2, 3, 4}, new double[] {1, 3, 4, 8}, 0.95);
    assertEquals(Double.NEGATIVE_INFINITY, four.low());
    assertEquals(Double.POSITIVE_INFINITY, four.high());
  }

  @Test
  void fit_fivePointsWithTiedSizes_haveNoFiniteInterval() {
    // sizes 10, 10, 100, 1000, 1000: the slope lies outside [min, max] with probability 2 * 2! 1! 2! / 5! = 1/15
    double[] x = LogScale.of(new double[] {10, 10, 100, 1000, 1000});
    double[] y = LogScale.of(new double[] {10, 11, 100, 1000, 1010});
    TheilSen f = TheilSen.fit(x, y, 0.95);
    assertEquals(Double.NEGATIVE_INFINITY, f.low());
    assertEquals(Double.POSITIVE_INFINITY, f.high());
  }

  @Test
  void fit_seededNoiseWithoutTrend_intervalCoversZeroInAboutNinetyFivePercentOfRuns() {
    SplittableRandom random = new SplittableRandom(42);
    int covered = 0;
    int runs = 400;
    for (int r = 0; r < runs; r++) {
      double[] y = new double[30];
      for (int i = 0; i < 30; i++) {
        y[i] = 10_000 + random.nextGaussian() * 100;
      }
      TheilSen f = TheilSen.fit(y, 0.95);
      if (f.low() <= 0 && 0 <= f.high()) {
        covered++;
      }
    }
    double coverage = covered / (double) runs;
    assertTrue(coverage >= 0.92 && coverage <= 0.99, "coverage " + coverage);
  }

  @Test
  void fit_oneWildReading_isNotDraggedByIt() {
    double[] y = new double[40];
    for (int i = 0; i < 40; i++) {
      y[i] = 500 * i;
    }
    y[20] += 1_000_000;
    assertEquals(500, TheilSen.fit(y, 0.95).slope(), 1e-9);
  }

  @Test
  void fit_oneDistinctX_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TheilSen.fit(new double[] {2, 2, 2}, new double[] {1, 2, 3}, 0.95));
    assertEquals("a slope needs at least two distinct x values", e.getMessage());
  }

  @Test
  void fit_lengthsDiffer_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TheilSen.fit(new double[] {1, 2, 3}, new double[] {1, 2}, 0.95));
    assertEquals("x (3 values) and y (2 values) must be as long", e.getMessage());
  }
}
