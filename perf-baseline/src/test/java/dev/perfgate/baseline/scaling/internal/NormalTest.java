package dev.perfgate.baseline.scaling.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class NormalTest {

  @Test
  void quantile_975_isOnePointNinetySix() {
    assertEquals(1.959963984540054, Normal.quantile(0.975), 1e-12);
    assertEquals(-1.959963984540054, Normal.quantile(0.025), 1e-12);
    assertEquals(0, Normal.quantile(0.5), 1e-15);
  }

  @Test
  void cdf_knownValues() {
    assertEquals(0.5, Normal.cdf(0), 1e-15);
    assertEquals(0.8413447460685429, Normal.cdf(1), 1e-14);
    assertEquals(0.022750131948179195, Normal.cdf(-2), 1e-15);
    assertEquals(9.865876450376946e-10, Normal.cdf(-6), 1e-20);
    assertEquals(6.220960574271785e-16, Normal.cdf(-8), 1e-25);
  }

  @Test
  void quantile_invertsCdf() {
    // above 4 the probability itself, 1 - (less than 3e-5), keeps too few digits to invert exactly
    for (double x = -7; x <= 4; x += 0.25) {
      assertEquals(x, Normal.quantile(Normal.cdf(x)), 1e-8 * Math.max(1, Math.abs(x)), "x = " + x);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -0.1, 1.5, Double.NaN})
  void quantile_probabilityOutsideZeroOne_isRejected(double p) {
    assertThrows(IllegalArgumentException.class, () -> Normal.quantile(p));
  }
}
