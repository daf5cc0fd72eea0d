package dev.perfgate.collectors.heap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class SenSlopeTest {

  private static double[] index(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 1;
    }
    return x;
  }

  @Test
  void fit_exactLine_givesSlopeInterceptAndZeroWidthInterval() {
    double[] x = index(50);
    double[] y = new double[50];
    for (int i = 0; i < 50; i++) {
      y[i] = 1000 + 1024 * x[i];
    }
    SenSlope.Fit fit = SenSlope.fit(x, y);
    assertEquals(1024, fit.slope(), 1e-9);
    assertEquals(1024, fit.low(), 1e-9);
    assertEquals(1024, fit.high(), 1e-9);
    assertEquals(1000, fit.intercept(), 1e-9);
  }

  @Test
  void fit_oneWildReading_isNotDraggedByIt() {
    double[] x = index(40);
    double[] y = new double[40];
    for (int i = 0; i < 40; i++) {
      y[i] = 500 * x[i];
    }
    y[20] += 1_000_000;
    assertEquals(500, SenSlope.fit(x, y).slope(), 1e-9);
  }

  @Test
  void fit_noiseWithoutTrend_intervalCoversZeroInAboutNinetyFivePercentOfSeededRuns() {
    SplittableRandom random = new SplittableRandom(42);
    int covered = 0;
    int runs = 400;
    for (int r = 0; r < runs; r++) {
      double[] x = index(30);
      double[] y = new double[30];
      for (int i = 0; i < 30; i++) {
        y[i] = 10_000 + random.nextGaussian() * 100;
      }
      SenSlope.Fit fit = SenSlope.fit(x, y);
      if (fit.low() <= 0 && 0 <= fit.high()) {
        covered++;
      }
    }
    double coverage = covered / (double) runs;
    assertTrue(coverage >= 0.92 && coverage <= 0.99, "coverage " + coverage);
  }

  @Test
  void fit_noisyTrend_intervalContainsTrueSlope() {
    SplittableRandom random = new SplittableRandom(7);
    double[] x = index(100);
    double[] y = new double[100];
    for (int i = 0; i < 100; i++) {
      y[i] = 64 * x[i] + random.nextGaussian() * 200;
    }
    SenSlope.Fit fit = SenSlope.fit(x, y);
    assertTrue(fit.low() <= 64 && 64 <= fit.high(), fit::toString);
    assertTrue(fit.low() > 0, fit::toString);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void fit_fewerThanThreePoints_isRejected(int n) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SenSlope.fit(new double[n], new double[n]));
    assertTrue(e.getMessage().contains("at least 3 points"), e.getMessage());
  }

  @Test
  void fit_lengthsDiffer_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> SenSlope.fit(new double[3], new double[4]));
  }
}
