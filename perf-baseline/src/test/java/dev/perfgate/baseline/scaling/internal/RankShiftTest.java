package dev.perfgate.baseline.scaling.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class RankShiftTest {

  @Test
  void cumulative_fiveAndFive_matchesTheCountingTable() {
    double[] cdf = RankShift.cumulative(5, 5);
    // 252 arrangements; U <= 0, 1, 2, 3 in 1, 2, 4, 7 of them
    assertEquals(1 / 252.0, cdf[0], 1e-15);
    assertEquals(2 / 252.0, cdf[1], 1e-15);
    assertEquals(4 / 252.0, cdf[2], 1e-15);
    assertEquals(7 / 252.0, cdf[3], 1e-15);
    assertEquals(1, cdf[25], 1e-12);
  }

  @Test
  void criticalCount_matchesPublishedMannWhitneyCriticalValues() {
    // two-sided 5 %: critical U is 2 for 5 and 5, 23 for 10 and 10, 127 for 20 and 20; c is one more
    assertEquals(3, RankShift.criticalCount(5, 5, 0.025));
    assertEquals(24, RankShift.criticalCount(10, 10, 0.025));
    assertEquals(128, RankShift.criticalCount(20, 20, 0.025));
  }

  @Test
  void criticalCount_normalApproximation_isCloseToExact() {
    double[] exact = RankShift.cumulative(60, 60);
    int c = 0;
    while (exact[c] <= 0.025) {
      c++;
    }
    assertEquals(c, RankShift.criticalCount(60, 60, 0.025), 2);
  }

  @Test
  void criticalCount_tooFew_isZero() {
    assertEquals(0, RankShift.criticalCount(2, 2, 0.025));
  }

  @Test
  void shift_constantOffset_isFoundExactly() {
    double[] a = {1, 2, 3, 4, 5, 6};
    double[] b = {11, 12, 13, 14, 15, 16};
    double[] s = RankShift.shift(a, b, 0.95);
    assertEquals(10, s[0], 1e-12);
    assertTrue(s[1] < 10 && s[2] > 10);
  }

  @Test
  void shift_emptySample_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> RankShift.shift(new double[0], new double[] {1}, 0.95));
  }
}
