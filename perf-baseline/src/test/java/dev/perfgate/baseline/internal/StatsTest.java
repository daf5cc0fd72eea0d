package dev.perfgate.baseline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class StatsTest {

  // Reference values from published tables (normal and Student t quantiles).
  @ParameterizedTest
  @CsvSource({"0.975, 1.959964", "0.95, 1.644854", "0.5, 0", "0.001, -3.090232", "0.99999, 4.264891"})
  void normalQuantile_tableValues_match(double p, double z) {
    assertEquals(z, Stats.normalQuantile(p), 1e-6);
    assertEquals(p, Stats.normalCdf(z), 2e-7);
  }

  @ParameterizedTest
  @CsvSource({"0.975, 1, 12.706205", "0.975, 4, 2.776445", "0.975, 10, 2.228139", "0.975, 30, 2.042272",
      "0.995, 9, 3.249836", "0.95, 2.5, 2.570005"})
  void studentQuantile_tableValues_match(double p, double df, double t) {
    if (df == 2.5) {
      // 2.5 df has no table entry; check the inverse relation instead.
      assertEquals(p, Stats.studentCdf(Stats.studentQuantile(p, df), df), 1e-9);
      return;
    }
    assertEquals(t, Stats.studentQuantile(p, df), 1e-5);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -0.1, Double.NaN})
  void normalQuantile_probabilityOutsideOpenInterval_isRejected(double p) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stats.normalQuantile(p));
    assertTrue(e.getMessage().startsWith("probability (" + p + ")"), e.getMessage());
  }

  @Test
  void medianAndMad_smallSet_matchHandComputation() {
    double[] v = {1, 2, 3, 4, 100};
    assertEquals(3, Stats.median(v));
    assertEquals(1, Stats.mad(v)); // deviations 2 1 0 1 97 -> median 1
    assertEquals(2.5, Stats.median(new double[] {4, 1, 2, 3}));
  }

  @Test
  void nullCdf_threeAndThree_matchesCounting() {
    // C(6,3) = 20 orderings; U = 0 and U = 9 happen once each, U = 1 once.
    double[] cdf = RankShift.nullCdf(3, 3);
    assertEquals(10, cdf.length);
    assertEquals(1 / 20.0, cdf[0], 1e-15);
    assertEquals(2 / 20.0, cdf[1], 1e-15);
    assertEquals(1.0, cdf[9], 1e-15);
  }

  @Test
  void nullCdf_unequalSizes_isSymmetric() {
    double[] cdf = RankShift.nullCdf(4, 7);
    assertEquals(1 / 330.0, cdf[0], 1e-15); // C(11,4) = 330
    for (int u = 0; u < 28; u++) {
      double lower = cdf[u];
      double upper = 1 - cdf[28 - u - 1];
      assertEquals(lower, upper, 1e-12, "u " + u);
    }
  }

  @Test
  void rankShift_knownSamples_giveTheMedianOfDifferences() {
    RankShift s = RankShift.of(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.80);
    assertEquals(3, s.shift());
    assertTrue(s.exact());
    assertEquals(0.05, s.pGreater(), 1e-12); // U = 9 is the extreme of 20 orderings
    assertEquals(1.0, s.pLess(), 1e-12);
  }

  @Test
  void rankShift_largeSamples_normalApproximationAgreesWithExact() {
    Random r = new Random(1);
    double[] x = new double[45];
    double[] y = new double[45];
    for (int i = 0; i < 45; i++) {
      x[i] = r.nextGaussian();
      y[i] = r.nextGaussian() + 0.3;
    }
    RankShift exact = RankShift.of(x, y, 0.95);
    double[] x2 = java.util.Arrays.copyOf(x, 51);
    double[] y2 = java.util.Arrays.copyOf(y, 51);
    for (int i = 45; i < 51; i++) {
      x2[i] = r.nextGaussian();
      y2[i] = r.nextGaussian() + 0.3;
    }
    RankShift normal = RankShift.of(x2, y2, 0.95);
    assertTrue(exact.exact());
    assertTrue(!normal.exact());
    assertTrue(exact.low() < 0.3 && 0.3 < exact.high(), exact.toString());
    assertTrue(normal.low() < 0.3 && 0.3 < normal.high(), normal.toString());
  }

  @Test
  void rankShift_intervalCoverage_isAtLeastTheConfidence() {
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
    // Exact intervals are conservative: at least 90 % less three standard errors.
    assertTrue(covered >= runs * (0.90 - 3 * Math.sqrt(0.09 / runs)), covered + " of " + runs);
  }

  @Test
  void rankShift_withTies_usesTieCorrectedNormalApproximation() {
    RankShift s = RankShift.of(new double[] {1, 1, 1, 2, 2}, new double[] {2, 2, 3, 3, 3}, 0.95);
    assertTrue(!s.exact());
    assertTrue(s.pGreater() < 0.05, "p " + s.pGreater());
  }

  @Test
  void trendMath_knownSeries_givesSenSlopeAndKendallS() {
    TrendMath t = TrendMath.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.95);
    assertEquals(1, t.slope(), 1e-12);
    assertEquals(45, t.s());
    assertTrue(t.pValue() < 0.001, "p " + t.pValue());
    TrendMath flat = TrendMath.of(new double[] {5, 5, 5, 5, 5}, 0.95);
    assertEquals(0, flat.slope());
    assertEquals(1, flat.pValue(), 1e-6);
  }

  @Test
  void changePointSearch_stepInTheMiddle_isFoundAtTheStep() {
    double[] x = new double[40];
    Random r = new Random(3);
    for (int i = 0; i < x.length; i++) {
      x[i] = (i < 25 ? 0 : 1) + 0.1 * r.nextGaussian();
    }
    var splits = ChangePointSearch.find(x, 0.001);
    assertEquals(1, splits.size(), splits.toString());
    assertEquals(25, splits.get(0).index());
  }
}
