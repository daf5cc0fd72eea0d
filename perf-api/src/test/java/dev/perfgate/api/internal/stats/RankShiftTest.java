package dev.perfgate.api.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known answers from SciPy 1.17.1. SciPy has no Hodges-Lehmann interval, so the reference inverts
 * its Mann-Whitney test, which is what the Moses interval is: with {@code d} the sorted differences,
 * a shift between two neighbouring differences is kept when
 * {@code mannwhitneyu(y - shift, x, alternative='two-sided', method=M).pvalue > alpha}, and the
 * interval runs from the difference below the lowest kept shift to the one above the highest:
 *
 * <pre>
 * def moses(x, y, alpha, method):
 *     d = np.sort(np.subtract.outer(y, x).ravel()); N = len(d); kept = []
 *     for k in range(N + 1):
 *         if 0 &lt; k &lt; N and d[k-1] == d[k]: continue
 *         shift = d[0] - 1 if k == 0 else d[-1] + 1 if k == N else (d[k-1] + d[k]) / 2
 *         if mannwhitneyu(y - shift, x, alternative='two-sided', method=method).pvalue &gt; alpha: kept.append(k)
 *     return np.median(d), d[min(kept) - 1], d[max(kept)]
 * </pre>
 */
final class RankShiftTest {

  @Test
  void of_smallSamples_giveScipysExactInterval() {
    // moses(X, Y, 0.05, 'exact') = (-0.56, -1.183, 0.3699999999999999)
    RankShift s = RankShift.of(MannWhitneyTest.X, MannWhitneyTest.Y, 0.95);
    assertTrue(s.exactInterval());
    assertEquals(-0.56, s.shift(), 1e-12);
    assertEquals(-1.183, s.low(), 1e-12);
    assertEquals(0.37, s.high(), 1e-12);
    // moses(X, Y2, 0.10, 'exact') = (1.45, 0.92, 2.07); moses(X, Y2, 0.05, 'exact') = (1.45, 0.82, 2.22)
    RankShift s90 = RankShift.of(MannWhitneyTest.X, MannWhitneyTest.Y2, 0.90);
    assertEquals(1.45, s90.shift(), 1e-12);
    assertEquals(0.92, s90.low(), 1e-12);
    assertEquals(2.07, s90.high(), 1e-12);
    RankShift s95 = RankShift.of(MannWhitneyTest.X, MannWhitneyTest.Y2, 0.95);
    assertEquals(0.82, s95.low(), 1e-12);
    assertEquals(2.22, s95.high(), 1e-12);
    // the test comes with it (MannWhitneyTest checks the figures)
    assertEquals(MannWhitney.test(MannWhitneyTest.X, MannWhitneyTest.Y2), s95.test());
    assertEquals(s95.test().pGreater(), s95.pGreater());
  }

  @Test
  void of_threeAndThree_haveNoFiniteInterval() {
    // moses([1,2,3], [4,5,6.5], 0.05, 'exact') keeps every shift: P(U = 0) = 1/20 > 0.025
    RankShift s = RankShift.of(new double[] {1, 2, 3}, new double[] {4, 5, 6.5}, 0.95);
    assertEquals(3, s.shift());
    assertEquals(Double.NEGATIVE_INFINITY, s.low());
    assertEquals(Double.POSITIVE_INFINITY, s.high());
  }

  @Test
  void of_fiveAgainstHundredTwenty_isExactAsScipy() {
    // X = [((i*37) % 101) / 7 for i in range(5)], Y = [((j*53) % 1031) / 11 + 2 for j in range(120)]
    // moses(X, Y, 0.05, 'exact') = (42.45454545454545, 17.649350649350648, 67.25974025974025)
    // (the former baseline class went normal above m + n = 100: 17.194805194805195 .. 67.55844155844156)
    RankShift s = RankShift.of(fiveValues(), hundredTwentyValues(), 0.95);
    assertTrue(s.exactInterval());
    assertEquals(42.45454545454545, s.shift(), 1e-12);
    assertEquals(17.649350649350648, s.low(), 1e-12);
    assertEquals(67.25974025974025, s.high(), 1e-12);
  }

  @Test
  void of_largeSamples_giveScipysNormalApproximationInterval() {
    // X = [((i*37) % 101) / 7 for i in range(60)], Y = [((j*53) % 103) / 11 + 2 for j in range(60)]
    // moses(X, Y, 0.05, 'asymptotic') = (-0.7467532467532467, -2.220779220779221, 0.7662337662337664)
    // (the former baseline class, without continuity correction, gave -2.233766233766234 as the lower bound)
    RankShift s = RankShift.of(sixtyA(), sixtyB(), 0.95);
    assertFalse(s.exactInterval());
    assertEquals(-0.7467532467532467, s.shift(), 1e-12);
    assertEquals(-2.220779220779221, s.low(), 1e-12);
    assertEquals(0.7662337662337664, s.high(), 1e-12);
    // ties inside X: X = [float((i*37) % 23) for i in range(60)]
    // moses(X, Y, 0.05, 'asymptotic') = (-4.590909090909092, -7.0, -2.0909090909090917)
    RankShift tied = RankShift.of(sixtyTied(), sixtyB(), 0.95);
    assertEquals(-4.590909090909092, tied.shift(), 1e-12);
    assertEquals(-7.0, tied.low(), 1e-12);
    assertEquals(-2.0909090909090917, tied.high(), 1e-12);
  }

  @Test
  void criticalCount_normalApproximation_isTheContinuityCorrectedRule() {
    // 60 x 60 without ties: floor(1800 + 0.5 - norm.ppf(0.975) * sqrt(3600 * 121 / 12)) = 1427
    assertEquals(1427, RankShift.criticalCount(60, 60, 0.025, 0));
    // the exact rule at the limit agrees within one rank: 50 x 50 (2500 pairs) is still exact
    int exact = RankShift.criticalCount(50, 50, 0.025, 0);
    double sd = Math.sqrt(2500 * 101 / 12.0);
    assertEquals(Math.floor(1250 + 0.5 - 1.959963984540054 * sd), exact, 1);
  }

  @Test
  void of_seededNormalSamples_coverTheTrueShiftAtLeastAsOftenAsAsked() {
    // Exact intervals are conservative: at least 90 % of 2000 seeded pairs, less three standard errors.
    Random r = new Random(2);
    int covered = 0;
    int runs = 2000;
    for (int k = 0; k < runs; k++) {
      double[] x = new double[8];
      double[] y = new double[8];
      for (int i = 0; i < 8; i++) {
        x[i] = r.nextGaussian();
        y[i] = r.nextGaussian() + 1;
      }
      RankShift s = RankShift.of(x, y, 0.90);
      if (s.low() <= 1 && 1 <= s.high()) {
        covered++;
      }
    }
    assertTrue(covered >= runs * (0.90 - 3 * Math.sqrt(0.09 / runs)), covered + " of " + runs);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -0.5, Double.NaN})
  void of_confidenceOutsideOpenInterval_isRejected(double confidence) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RankShift.of(new double[] {1, 2}, new double[] {3, 4}, confidence));
    assertEquals("confidence (" + confidence + ") must be strictly between 0 and 1", e.getMessage());
  }

  static double[] sixtyA() {
    double[] v = new double[60];
    for (int i = 0; i < v.length; i++) {
      v[i] = ((i * 37) % 101) / 7.0;
    }
    return v;
  }

  static double[] sixtyB() {
    double[] v = new double[60];
    for (int j = 0; j < v.length; j++) {
      v[j] = ((j * 53) % 103) / 11.0 + 2;
    }
    return v;
  }

  static double[] sixtyTied() {
    double[] v = new double[60];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i * 37) % 23;
    }
    return v;
  }

  static double[] fiveValues() {
    double[] v = new double[5];
    for (int i = 0; i < v.length; i++) {
      v[i] = ((i * 37) % 101) / 7.0;
    }
    return v;
  }

  static double[] hundredTwentyValues() {
    double[] v = new double[120];
    for (int j = 0; j < v.length; j++) {
      v[j] = ((j * 53) % 1031) / 11.0 + 2;
    }
    return v;
  }
}
