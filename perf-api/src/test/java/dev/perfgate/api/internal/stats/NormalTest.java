package dev.perfgate.api.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Known answers from SciPy 1.17.1: {@code scipy.stats.norm.cdf(x)}, {@code norm.sf(x)}, {@code norm.ppf(p)}. */
final class NormalTest {

  @ParameterizedTest(name = "norm.cdf({0}) = {1}")
  @CsvSource({
      // x, scipy.stats.norm.cdf(x), scipy.stats.norm.sf(x)
      "-5,    2.866515718791933e-07,  0.9999997133484281",
      "-1.96, 0.024997895148220435,   0.9750021048517795",
      "-0.5,  0.3085375387259869,     0.6914624612740131",
      "0,     0.5,                    0.5",
      "1,     0.8413447460685429,     0.15865525393145707",
      "2.5,   0.9937903346742238,     0.006209665325776132",
      "8,     0.9999999999999993,     6.22096057427174e-16",
  })
  void cdfAndSurvival_matchScipy(double x, double cdf, double sf) {
    assertEquals(cdf, Normal.cdf(x), 1e-15 + 1e-13 * cdf);
    // the upper tail keeps its relative precision even at 6e-16, where 1 - cdf would be noise
    assertEquals(sf, Normal.survival(x), 1e-13 * sf);
  }

  @ParameterizedTest(name = "norm.ppf({0}) = {1}")
  @CsvSource({
      // p, scipy.stats.norm.ppf(p)
      "1e-10, -6.361340902404056",
      "0.001, -3.090232306167813",
      "0.025, -1.9599639845400545",
      "0.3,   -0.5244005127080409",
      "0.5,   0.0",
      "0.975, 1.959963984540054",
      "0.999, 3.090232306167813",
  })
  void quantile_matchesScipy(double p, double z) {
    assertEquals(z, Normal.quantile(p), 1e-13 * Math.max(1, Math.abs(z)));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -0.1, 1.5, Double.NaN})
  void quantile_probabilityOutsideOpenInterval_isRejected(double p) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Normal.quantile(p));
    assertTrue(e.getMessage().startsWith("probability (" + p + ")"), e.getMessage());
  }
}
