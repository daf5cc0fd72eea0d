package dev.perfgate.api.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Known answers from NumPy 2.4.6, {@code numpy.percentile(x, 100 * p)} (method 'linear', type 7). */
final class PercentileTest {
  private static final double[] X = {12.0, 3.5, 7.25, 100.0, 0.5, 42.0, 8.0, 9.5, 15.0, 3.5, 21.0};

  @ParameterizedTest(name = "p{0} = {1}")
  @CsvSource({
      "0,    0.5",
      "0.1,  3.5",
      "0.5,  9.5",
      "0.9,  42.0",
      "0.95, 71.0",
      "0.99, 94.20000000000002",
      "1,    100.0",
  })
  void ofSorted_matchesNumpy(double p, double expected) {
    double[] sorted = X.clone();
    Arrays.sort(sorted);
    assertEquals(expected, Percentile.ofSorted(sorted, p), 1e-12);
  }

  @Test
  void ofSorted_longs_matchNumpy() {
    long[] sorted = {1013, 1020, 1020, 1033, 1049, 1100, 5000};
    // numpy.percentile([1013, 1020, 1020, 1033, 1049, 1100, 5000], [50, 99]) = [1033.0, 4765.999999999998]
    assertEquals(1033.0, Percentile.ofSorted(sorted, 0.5));
    assertEquals(4765.999999999998, Percentile.ofSorted(sorted, 0.99), 1e-9);
  }

  @Test
  void ofSorted_noValues_isNaN() {
    assertTrue(Double.isNaN(Percentile.ofSorted(new double[0], 0.5)));
    assertTrue(Double.isNaN(Percentile.ofSorted(new long[0], 0.5)));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, 1.01, Double.NaN})
  void ofSorted_quantileOutsideZeroOne_isRejected(double p) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Percentile.ofSorted(new double[] {1, 2}, p));
    assertEquals("quantile (" + p + ") must be between 0 and 1", e.getMessage());
  }
}
