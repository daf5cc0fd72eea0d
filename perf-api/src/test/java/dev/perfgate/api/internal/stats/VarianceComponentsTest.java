package dev.perfgate.api.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Known answers for the nested analysis of variance. The balanced case is worked by hand below; the
 * unbalanced one comes from an independent method in NumPy 2.4.6: the expected value of each sum of
 * squares {@code y'Qy} (Q the difference of the projections onto the run, fork and constant indicator
 * columns) is {@code s2 tr(Q) + f2 tr(Q Zf Zf') + r2 tr(Q Zr Zr')}, and the 3 x 3 system of these
 * expectations set equal to the observed sums is solved with {@code numpy.linalg.solve}. That method
 * uses none of the coefficients the class uses, so it checks them.
 */
final class VarianceComponentsTest {

  @Test
  void of_balancedTwoRunsTwoForksTwoTrials_matchesHandWork() {
    // fork means 2, 6 | 7, 13; run means 4 | 10; grand mean 7.
    // SS within = 4 forks x (1 + 1) = 8, df 4, MS 2.
    // SS forks = 2 x (4 + 4 + 9 + 9) = 52, df 2, MS 26  -> f2 = (26 - 2) / 2 = 12.
    // SS runs = 4 x (9 + 9) = 72, df 1, MS 72           -> r2 = (72 - 2 - 2 x 12) / 4 = 11.5.
    VarianceComponents c = VarianceComponents.of(new double[][][] {
        {{1, 3}, {5, 7}},
        {{6, 8}, {12, 14}}});
    assertEquals(2, c.withinFork(), 1e-12);
    assertEquals(12, c.betweenForks(), 1e-12);
    assertEquals(11.5, c.betweenRuns(), 1e-12);
    assertEquals(4, c.dfWithin());
    assertEquals(2, c.dfForks());
    assertEquals(1, c.dfRuns());
  }

  @Test
  void of_unbalanced_matchesNumpyExpectedSumsOfSquares() {
    VarianceComponents c = VarianceComponents.of(new double[][][] {
        {{0.10, 0.13, 0.11}, {0.20, 0.24}},
        {{0.31, 0.29, 0.35, 0.30}, {0.18, 0.22, 0.19}, {0.40}},
        {{0.05, 0.09}, {0.15, 0.16, 0.12}}});
    assertEquals(0.0005340909090909073, c.withinFork(), 1e-15);
    assertEquals(0.006013469776297019, c.betweenForks(), 1e-14);
    assertEquals(0.005429544774597123, c.betweenRuns(), 1e-14);
    assertEquals(18 - 7, c.dfWithin());
    assertEquals(7 - 3, c.dfForks());
    assertEquals(2, c.dfRuns());
  }

  @Test
  void of_oneForkPerRun_putsForksIntoRuns() {
    // two levels: MS within = 5.1667 / 6 = 0.86111, MS runs = 14.8889 / 2 = 7.4444, r2 = (7.4444 - 0.86111) / 3
    VarianceComponents c = VarianceComponents.of(new double[][][] {
        {{1, 2, 3}}, {{4, 5, 6}}, {{2, 2.5, 3.5}}});
    assertEquals(0.861111111111111, c.withinFork(), 1e-12);
    assertTrue(Double.isNaN(c.betweenForks()));
    assertEquals(2.194444444444445, c.betweenRuns(), 1e-12);
  }

  @Test
  void of_oneRun_hasNoRunComponent() {
    VarianceComponents c = VarianceComponents.of(new double[][][] {{{1, 3}, {5, 7}}});
    assertEquals(2, c.withinFork(), 1e-12);
    // fork means 2 and 6 about 4: SS 2 x 8 = 16, df 1 -> f2 = (16 - 2) / 2 = 7
    assertEquals(7, c.betweenForks(), 1e-12);
    assertTrue(Double.isNaN(c.betweenRuns()));
  }

  @Test
  void of_forksCloserThanTheirTrials_truncatesAtZero() {
    // fork means equal (2 and 2), so MS forks = 0 < MS within: the estimate -1 is reported as 0
    VarianceComponents c = VarianceComponents.of(new double[][][] {{{1, 3}, {0, 4}}});
    assertEquals(0, c.betweenForks());
  }

  @Test
  void of_emptyLevels_areRejected() {
    assertThrows(IllegalArgumentException.class, () -> VarianceComponents.of(new double[0][][]));
    assertThrows(IllegalArgumentException.class, () -> VarianceComponents.of(new double[][][] {{}}));
    assertThrows(IllegalArgumentException.class, () -> VarianceComponents.of(new double[][][] {{{1}, {}}}));
    assertThrows(IllegalArgumentException.class, () -> VarianceComponents.of(new double[][][] {{{1, Double.NaN}}}));
  }
}
