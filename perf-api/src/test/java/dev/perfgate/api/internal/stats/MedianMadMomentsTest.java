package dev.perfgate.api.internal.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Known answers from NumPy 2.4.6 and SciPy 1.17.1 for {@link Median}, {@link Mad}, {@link Moments}
 * and {@link LogScale}.
 */
final class MedianMadMomentsTest {
  private static final double[] X = {12.0, 3.5, 7.25, 100.0, 0.5, 42.0, 8.0, 9.5, 15.0, 3.5, 21.0};

  @Test
  void median_oddAndEvenCounts_matchNumpy() {
    double[] copy = X.clone();
    assertEquals(9.5, Median.of(X)); // numpy.median(X) = 9.5
    assertEquals(8.75, Median.of(Arrays.copyOf(X, 10))); // numpy.median(X[:10]) = 8.75
    assertArrayEquals(copy, X, "the values must not be reordered");
    assertTrue(Double.isNaN(Median.of(new double[0])));
  }

  @Test
  void mad_matchesScipy() {
    assertEquals(6.0, Mad.of(X)); // scipy.stats.median_abs_deviation(X) = 6.0
    assertEquals(5.25, Mad.of(Arrays.copyOf(X, 10))); // scipy.stats.median_abs_deviation(X[:10]) = 5.25
  }

  @Test
  void madNormalConsistency_isTheRoundedPublishedConstant() {
    // 1 / scipy.stats.norm.ppf(0.75) = 1.482602218505602
    assertEquals(1.482602218505602, Mad.NORMAL_CONSISTENCY, 5e-6);
  }

  @Test
  void meanAndVariance_ofARange_matchNumpy() {
    // numpy.mean(X[2:9]) = 26.035714285714285; numpy.var(X[2:9], ddof=1) = 1241.8422619047622
    assertEquals(26.035714285714285, Moments.mean(X, 2, 9), 1e-12);
    assertEquals(1241.8422619047622, Moments.variance(X, 2, 9), 1e-9);
  }

  @Test
  void variance_ofOneValue_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Moments.variance(X, 3, 4));
    assertEquals("range [3, 4) of 11 values must hold at least 2 value(s)", e.getMessage());
  }

  @Test
  void logScale_positiveAndNot() {
    assertArrayEquals(new double[] {0, Math.log(2)}, LogScale.of(new double[] {1, 2}));
    assertTrue(LogScale.allPositive(new double[] {1e-300, 5}));
    assertTrue(!LogScale.allPositive(new double[] {1, 0}));
    assertTrue(!LogScale.allPositive(new double[] {Double.NaN}));
  }
}
