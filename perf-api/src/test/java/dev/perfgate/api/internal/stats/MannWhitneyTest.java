package dev.perfgate.api.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers from SciPy 1.17.1, {@code scipy.stats.mannwhitneyu(y, x, alternative=..., method=...)},
 * whose statistic is the U of the first argument (pairs with y &gt; x, ties one half), and from the
 * published tables of critical values of U.
 */
final class MannWhitneyTest {
  static final double[] X = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
  static final double[] Y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.07, 3.14, 1.28};
  static final double[] Y2 = {2.9, 3.4, 2.2, 4.1, 3.3, 2.8, 3.9, 3.05};

  @Test
  void test_smallSamplesWithoutTies_areExactAsScipy() {
    // mannwhitneyu(Y, X, alternative='greater'|'less', method='exact') -> U 23.0, p 0.943253805018511 | 0.06795557383792677
    MannWhitney t = MannWhitney.test(X, Y);
    assertTrue(t.exact());
    assertEquals(23, t.u());
    assertEquals(0.943253805018511, t.pGreater(), 1e-13);
    assertEquals(0.06795557383792677, t.pLess(), 1e-13);
    // mannwhitneyu(Y2, X, ..., method='exact') -> U 67.0, p 0.0007815713698066638 | 0.9995063759769642
    MannWhitney t2 = MannWhitney.test(X, Y2);
    assertEquals(67, t2.u());
    assertEquals(0.0007815713698066638, t2.pGreater(), 1e-15);
    assertEquals(0.9995063759769642, t2.pLess(), 1e-13);
  }

  @Test
  void test_fiveAgainstHundredTwenty_isExactAsScipy() {
    // 600 pairs: exact (the former baseline class went normal above m + n = 100 and gave 0.000298)
    // mannwhitneyu(Y, X, alternative='greater', method='exact').pvalue = 1.4961757232590836e-05
    MannWhitney t = MannWhitney.test(RankShiftTest.fiveValues(), RankShiftTest.hundredTwentyValues());
    assertTrue(t.exact());
    assertEquals(1.4961757232590836e-05, t.pGreater(), 1e-17);
  }

  @Test
  void test_tiesInSmallSamples_useTheTieCorrectedNormalApproximationAsScipy() {
    // mannwhitneyu([2,3,3,5,6,6], [1,2,2,3,4], alternative='greater'|'less', method='asymptotic')
    //   -> U 24.0, p 0.05652498942816145 | 0.9617245753150733
    MannWhitney t = MannWhitney.test(new double[] {1, 2, 2, 3, 4}, new double[] {2, 3, 3, 5, 6, 6});
    assertFalse(t.exact());
    assertEquals(24, t.u());
    assertEquals(0.05652498942816145, t.pGreater(), 1e-13);
    assertEquals(0.9617245753150733, t.pLess(), 1e-13);
  }

  @Test
  void test_largeSamples_useTheNormalApproximationAsScipy() {
    // X = [((i*37) % 101) / 7 for i in range(60)], Y = [((j*53) % 103) / 11 + 2 for j in range(60)]
    // mannwhitneyu(Y, X, alternative='greater'|'less', method='asymptotic')
    //   -> U 1616.0, p 0.8335719947947575 | 0.1677415038574092
    MannWhitney t = MannWhitney.test(RankShiftTest.sixtyA(), RankShiftTest.sixtyB());
    assertFalse(t.exact());
    assertEquals(1616, t.u());
    assertEquals(0.8335719947947575, t.pGreater(), 1e-12);
    assertEquals(0.1677415038574092, t.pLess(), 1e-12);
    // with ties between and inside the samples: X = [float((i*37) % 23) for i in range(60)], same Y
    //   -> U 1103.0, p 0.9998746150244022 | 0.0001279794037743348
    MannWhitney tied = MannWhitney.test(RankShiftTest.sixtyTied(), RankShiftTest.sixtyB());
    assertEquals(1103, tied.u());
    assertEquals(0.9998746150244022, tied.pGreater(), 1e-12);
    assertEquals(0.0001279794037743348, tied.pLess(), 1e-15);
  }

  @Test
  void test_allValuesEqual_tellsNothing() {
    // mannwhitneyu([7,7], [7,7,7], alternative='greater', method='asymptotic').pvalue = 1.0
    MannWhitney t = MannWhitney.test(new double[] {7, 7, 7}, new double[] {7, 7});
    assertEquals(3, t.u());
    assertEquals(1, t.pGreater());
    assertEquals(1, t.pLess());
  }

  /**
   * {@code P(U <= u)} from SciPy: {@code mannwhitneyu(y, range(m), alternative='less', method='exact').pvalue}
   * with y = n values {@code k - 0.5} whose k sum to u (so the U of y is u, without ties).
   */
  @ParameterizedTest(name = "P(U <= {2}) for {0} and {1} = {3}")
  @CsvSource({
      "10, 10, 23,  0.021628526272489117",
      "10, 10, 24,  0.02621295113555175",
      "5,  5,  2,   0.015873015873015872",
      "5,  5,  3,   0.027777777777777776",
      "20, 20, 127, 0.02454516259468622",
      "20, 20, 128, 0.02619976093642486",
      "4,  7,  0,   0.0030303030303030303",
      "3,  3,  1,   0.1",
      "3,  40, 30,  0.08435296977554492",
  })
  void nullCdf_matchesScipy(int m, int n, int u, double p) {
    assertEquals(p, MannWhitney.nullCdf(m, n)[u], 1e-14);
  }

  @ParameterizedTest(name = "critical U for {0} and {1} at 5 % two-sided is {2}")
  @CsvSource({"5, 5, 2", "10, 10, 23", "20, 20, 127", "8, 12, 22"})
  void nullCdf_givesThePublishedCriticalValues(int m, int n, int critical) {
    // Tables of critical values of the Mann-Whitney U (two-sided 5 %): the largest u with P(U <= u) <= 0.025
    double[] cdf = MannWhitney.nullCdf(m, n);
    assertTrue(cdf[critical] <= 0.025, "P(U <= " + critical + ") = " + cdf[critical]);
    assertTrue(cdf[critical + 1] > 0.025, "P(U <= " + (critical + 1) + ") = " + cdf[critical + 1]);
  }

  @Test
  void test_emptySample_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MannWhitney.test(new double[0], new double[] {1}));
    assertEquals("both samples need values (got 0 and 1)", e.getMessage());
  }
}
