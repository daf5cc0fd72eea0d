package dev.perfgate.api.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known answers from SciPy 1.17.1: {@code scipy.stats.t.cdf(t, df)} and {@code scipy.stats.t.ppf(p, df)}. */
final class StudentTTest {

  @ParameterizedTest(name = "t.cdf({0}, {1}) = {2}")
  @CsvSource({
      "2.0,  3,  0.9303370157205785",
      "-1.5, 10, 0.08225366322272007",
      "0.3,  1,  0.5927735790777423",
      "4,    29, 0.9997999680271737",
  })
  void cdf_matchesScipy(double t, double df, double p) {
    assertEquals(p, StudentT.cdf(t, df), 1e-12);
  }

  @ParameterizedTest(name = "t.ppf({0}, {1}) = {2}")
  @CsvSource({
      // the 0.975 rows are also the two-sided 95 % entries of every published t table (12.706, 4.303, ...)
      "0.975, 1,   12.706204736174694",
      "0.975, 2,   4.302652729749462",
      "0.975, 4,   2.7764451051977934",
      "0.975, 9,   2.262157162798205",
      "0.975, 29,  2.045229642132703",
      "0.975, 2.5, 3.5746548420036817",
      "0.9,   100, 1.290074761346516",
      "0.05,  7,   -1.8945786050900066",
  })
  void quantile_matchesScipy(double p, double df, double t) {
    assertEquals(t, StudentT.quantile(p, df), 1e-10 * Math.abs(t));
  }

  @Test
  void quantile_zeroDegreesOfFreedom_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.9, 0));
    assertEquals("degrees of freedom (0.0) must be > 0", e.getMessage());
  }
}
