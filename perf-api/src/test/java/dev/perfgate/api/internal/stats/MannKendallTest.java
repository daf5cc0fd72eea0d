package dev.perfgate.api.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Known answers from SciPy 1.17.1. SciPy's Kendall test has no continuity correction, so the
 * reference p-value is Gilbert's (1987, eq. 16.4-16.5) computed with SciPy's normal tail,
 * {@code 2 * scipy.stats.norm.sf((abs(S) - 1) / sqrt(var))}; that {@code var} is SciPy's own
 * tie-corrected variance is shown by {@code scipy.stats.kendalltau(range(n), y, method='asymptotic').pvalue
 * == 2 * norm.sf(abs(S) / sqrt(var))}, checked here too.
 */
final class MannKendallTest {

  @Test
  void of_risingSeries_matchesScipy() {
    // S = 52, var = 12*11*29/18 = 212.66666666666666, p = 0.0004701692793139693;
    // kendalltau(range(12), y, method='asymptotic').pvalue = 0.0003627859782809728
    MannKendall t = MannKendall.of(new double[] {10.2, 10.5, 10.1, 10.9, 11.3, 10.8, 11.6, 11.9, 11.4, 12.3, 12.0, 12.8});
    assertEquals(52, t.s());
    assertEquals(212.66666666666666, t.variance(), 1e-12);
    assertEquals(0.0004701692793139693, t.pValue(), 1e-15);
    assertEquals(0.0003627859782809728, 2 * Normal.survival(t.s() / Math.sqrt(t.variance())), 1e-15);
  }

  @Test
  void of_seriesWithTies_usesTheTieCorrectedVarianceAsScipy() {
    // y = [5,5,6,5,7,7,8,7,9,9,9,10]: S = 53, var = 201.66666666666666, p = 0.00025051809382168244;
    // kendalltau(range(12), y, method='asymptotic').pvalue = 0.00018985420462534763
    MannKendall t = MannKendall.of(new double[] {5, 5, 6, 5, 7, 7, 8, 7, 9, 9, 9, 10});
    assertEquals(53, t.s());
    assertEquals(201.66666666666666, t.variance(), 1e-12);
    assertEquals(0.00025051809382168244, t.pValue(), 1e-15);
    assertEquals(0.00018985420462534763, 2 * Normal.survival(t.s() / Math.sqrt(t.variance())), 1e-15);
  }

  @Test
  void of_flatSeries_isNotSignificant() {
    MannKendall t = MannKendall.of(new double[] {3, 3, 3, 3});
    assertEquals(0, t.s());
    assertEquals(1, t.pValue());
  }

  @Test
  void of_oneValue_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MannKendall.of(new double[] {1}));
    assertEquals("a trend test needs at least 2 values, got 1", e.getMessage());
  }
}
