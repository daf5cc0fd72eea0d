package dev.perfgate.generator.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Metric;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class ChartsTest {

  @ParameterizedTest
  @CsvSource({
      "'scaling O(1) (exponent 0.01)', 1000, 1",
      "'scaling O(log n) (exponent 0.2)', 1000, 6.907755278982137",
      "'scaling O(n) or O(n log n) (exponent 1.0)', 1000, 1000",
      "'scaling O(n log n) (exponent 1.1)', 1000, 6907.755278982137",
      "'scaling O(n^2) (exponent 2.0)', 1000, 1000000"})
  void growth_ofTheFirstClassNamed_isItsFunction(String message, double n, double expected) {
    assertEquals(expected, Charts.growth(message).orElseThrow().applyAsDouble(n), 1e-9);
  }

  @ParameterizedTest
  @ValueSource(strings = {"no class here", "scaling O(2^n)", ""})
  void growth_unknownOrMissingClass_isEmpty(String message) {
    assertTrue(Charts.growth(message).isEmpty());
  }

  @Test
  void figure_prefersTheExactNameThenADottedSuffix() {
    assertEquals(2.0, Charts.figure(Map.of("c0", 2.0, "best.c0", 3.0), "c0"));
    assertEquals(3.0, Charts.figure(Map.of("best.c0", 3.0, "worst.c0", 4.0), "c0"));
    assertNull(Charts.figure(Map.of("c0x", 1.0), "c0"));
    assertNull(Charts.figure(Map.of("exponent", Double.NaN), "exponent"));
  }

  @Test
  void trend_withoutFiniteHistory_drawsNothing() {
    assertTrue(Charts.trend(new double[] {Double.NaN}, 5, Metric.WALL_TIME).isEmpty());
    assertTrue(Charts.trend(new double[] {}, 5, Metric.WALL_TIME).isEmpty());
  }
}
