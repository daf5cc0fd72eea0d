package dev.perfgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class StatisticTest {
  private static final double[] ONE_TO_TEN = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};

  @Test
  void percentiles_interpolateLinearly_likeRAndNumpy() {
    assertEquals(5.5, Statistic.MEDIAN.of(ONE_TO_TEN), 1e-12);
    assertEquals(9.1, Statistic.P90.of(ONE_TO_TEN), 1e-12);
    assertEquals(9.55, Statistic.P95.of(ONE_TO_TEN), 1e-12);
    assertEquals(9.91, Statistic.P99.of(ONE_TO_TEN), 1e-12);
    assertEquals(1, Statistic.MIN.of(ONE_TO_TEN));
    assertEquals(10, Statistic.MAX.of(ONE_TO_TEN));
    assertEquals(5.5, Statistic.MEAN.of(ONE_TO_TEN), 1e-12);
  }

  @Test
  void noValues_giveNaN() {
    assertTrue(Double.isNaN(Statistic.P95.of(new double[0])));
  }

  @Test
  void parse_acceptsLabelsAndNames_andListsChoicesOtherwise() {
    assertEquals(Statistic.P95, Statistic.parse("p95"));
    assertEquals(Statistic.MEDIAN, Statistic.parse("MEDIAN"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Statistic.parse("p42"));
    assertTrue(e.getMessage().contains("unknown statistic 'p42'"), e.getMessage());
  }
}
