package dev.perfgate.baseline.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ComplexityTest {

  @Test
  void growth_atHundred_isTheClassFunction() {
    assertEquals(1, Complexity.CONSTANT.growth(100));
    assertEquals(Math.log(100), Complexity.LOGARITHMIC.growth(100), 1e-12);
    assertEquals(100, Complexity.LINEAR.growth(100));
    assertEquals(100 * Math.log(100), Complexity.LINEARITHMIC.growth(100), 1e-9);
    assertEquals(10_000, Complexity.QUADRATIC.growth(100));
  }

  @Test
  void isNoWorseThan_followsTheOrderOfGrowth() {
    assertTrue(Complexity.LINEAR.isNoWorseThan(Complexity.LINEAR));
    assertTrue(Complexity.LOGARITHMIC.isNoWorseThan(Complexity.LINEAR));
    assertFalse(Complexity.LINEARITHMIC.isNoWorseThan(Complexity.LINEAR));
    assertFalse(Complexity.QUADRATIC.isNoWorseThan(Complexity.LINEARITHMIC));
  }

  @Test
  void toString_isBigONotation() {
    assertEquals("O(n log n)", Complexity.LINEARITHMIC.toString());
    assertEquals("O(n^2)", Complexity.QUADRATIC.label());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 0.5, -1, Double.NaN, Double.POSITIVE_INFINITY})
  void growth_sizeBelowOne_isRejected(double n) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Complexity.LINEAR.growth(n));
    assertTrue(e.getMessage().contains("must be a finite number >= 1"), e.getMessage());
  }

  @Test
  void estimate_print_andBounds() {
    Estimate e = new Estimate(1.02, 0.97, 1.08, 0.95);
    assertEquals("1.02 (95 % CI 0.97 .. 1.08)", e.toString());
    assertTrue(e.isBounded());
    assertTrue(e.covers(1.0));
    assertFalse(e.covers(1.1));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -0.5, Double.NaN})
  void estimate_invalidConfidence_isRejected(double confidence) {
    assertThrows(IllegalArgumentException.class, () -> new Estimate(1, 0, 2, confidence));
  }

  @Test
  void estimate_boundsNotEnclosingValue_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Estimate(3, 0, 2, 0.95));
    assertTrue(e.getMessage().contains("must enclose the estimate 3"), e.getMessage());
  }

  @Test
  void modelFit_negativeGrowth_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ModelFit(Complexity.LINEAR, 1, -1, 0, 0, 0));
    assertTrue(e.getMessage().contains("c1 (-1.0) must be >= 0"), e.getMessage());
  }

  @Test
  void modelFit_predict_isInterceptPlusGrowth() {
    ModelFit m = new ModelFit(Complexity.LINEARITHMIC, 5, 2, 0, 0, 0);
    assertEquals(5 + 2 * 100 * Math.log(100), m.predict(100), 1e-9);
  }
}
