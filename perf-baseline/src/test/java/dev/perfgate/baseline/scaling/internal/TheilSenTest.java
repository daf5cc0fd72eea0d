package dev.perfgate.baseline.scaling.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class TheilSenTest {

  @Test
  void slope_exactLine_isExactWithAZeroWidthInterval() {
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 2 * x[i] + 1;
    }
    assertArrayEquals(new double[] {2, 2, 2}, TheilSen.slope(x, y, 0.95), 1e-12);
  }

  @Test
  void slope_oneWildOutlier_doesNotMoveIt() {
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    double[] y = {1, 2, 3, 4, 5, 600, 7, 8, 9, 10};
    double[] fit = TheilSen.slope(x, y, 0.95);
    assertEquals(1, fit[0], 1e-12);
    assertTrue(fit[1] <= 1 && fit[2] >= 1);
  }

  @Test
  void slope_tiesInX_areSkippedAndCorrectedFor() {
    double[] x = {1, 1, 1, 2, 2, 2, 3, 3, 3};
    double[] y = {0.9, 1.0, 1.1, 1.9, 2.0, 2.1, 2.9, 3.0, 3.1};
    double[] fit = TheilSen.slope(x, y, 0.95);
    assertEquals(1, fit[0], 1e-12);
    assertTrue(fit[1] < 1 && fit[2] > 1 && fit[2] - fit[1] < 0.5, () -> fit[1] + " .. " + fit[2]);
  }

  @Test
  void slope_threePoints_hasNoInterval() {
    double[] fit = TheilSen.slope(new double[] {1, 2, 3}, new double[] {1, 2, 3}, 0.95);
    assertEquals(Double.NEGATIVE_INFINITY, fit[1]);
    assertEquals(Double.POSITIVE_INFINITY, fit[2]);
  }

  @Test
  void slope_oneDistinctX_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TheilSen.slope(new double[] {1, 1}, new double[] {1, 2}, 0.95));
    assertTrue(e.getMessage().contains("two distinct x"), e.getMessage());
  }
}
