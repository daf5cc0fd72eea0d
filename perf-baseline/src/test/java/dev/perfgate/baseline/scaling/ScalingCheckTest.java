package dev.perfgate.baseline.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ScalingCheckTest {

  private static final int[] TWO_DECADES = Synthetic.grid(10, 1000, 7);

  @Test
  void check_linearAgainstLinear_passesWithExponentAndClassInTheMessage() {
    ComplexityFit fit = Scaling.fit(Synthetic.of(Complexity.LINEAR, TWO_DECADES, 5, 0.05, 0, 0));

    Verdict v = Scaling.checkNoWorseThan(Complexity.LINEAR, fit, "generate");

    assertEquals(Status.PASS, v.status());
    assertFalse(v.failed());
    assertEquals("generate", v.subject());
    assertEquals("scaling no worse than O(n)", v.check());
    assertTrue(v.message().matches("generate  scaling O\\(n\\) \\(exponent 0\\.\\d\\d, 95 % CI 0\\.\\d\\d \\.\\. "
        + "0\\.\\d\\d\\) no worse than O\\(n\\)  PASS"), v.message());
    assertEquals(fit.exponent().value(), v.figures().get("exponent"));
    assertEquals(fit.exponent().low(), v.figures().get("exponent.low"));
    assertEquals(fit.exponent().high(), v.figures().get("exponent.high"));
    assertEquals(1.0, v.figures().get("limit.exponent"), 1e-12);
    assertEquals(35.0, v.figures().get("observations"));
  }

  @Test
  void check_quadraticAgainstLinear_fails() {
    ComplexityFit fit = Scaling.fit(Synthetic.of(Complexity.QUADRATIC, TWO_DECADES, 5, 0.05, 0, 0));

    Verdict v = Scaling.checkNoWorseThan(Complexity.LINEAR, fit, "generate");

    assertEquals(Status.FAIL, v.status(), v.message());
    assertTrue(v.failed());
    assertTrue(v.message().contains("scaling O(n^2)"), v.message());
    assertTrue(v.message().contains("FAIL: grows faster than O(n)"), v.message());
  }

  @Test
  void check_slowerClassesAgainstFasterLimit_pass() {
    for (Complexity truth : List.of(Complexity.CONSTANT, Complexity.LOGARITHMIC, Complexity.LINEAR)) {
      ComplexityFit fit = Scaling.fit(Synthetic.of(truth, TWO_DECADES, 5, 0.05, 0, 0));
      assertEquals(Status.PASS, Scaling.checkNoWorseThan(Complexity.LINEARITHMIC, fit, "x").status(), fit::toString);
    }
  }

  @Test
  void check_cubicAgainstQuadratic_failsOnTheExponentAlthoughN2FitsBest() {
    // n^3 is none of the five classes; AICc files it under n^2, the exponent does not let it pass
    ComplexityFit fit = Scaling.fit(Synthetic.power(1, 3, TWO_DECADES, 5, 0.05, 0));

    Verdict v = Scaling.checkNoWorseThan(Complexity.QUADRATIC, fit, "cubic");

    assertEquals(Complexity.QUADRATIC, fit.best().complexity());
    assertEquals(Status.FAIL, v.status(), v.message());
    assertTrue(v.message().contains("exponent at least 2.9"), v.message());
  }

  @Test
  void check_classesStraddlingTheLimit_isInconclusiveAndSaysWhy() {
    ComplexityFit fit = new ComplexityFit(List.of(10, 32, 100), 9, new Estimate(1.1, 0.95, 1.25, 0.95),
        List.of(model(Complexity.LINEAR, 0), model(Complexity.LINEARITHMIC, 0.5), model(Complexity.CONSTANT, 30)),
        List.of(Complexity.LINEARITHMIC, Complexity.LINEAR), 2);

    Verdict v = Scaling.checkNoWorseThan(Complexity.LINEAR, fit, "generate");

    assertEquals(Status.INCONCLUSIVE, v.status());
    assertFalse(v.failed());
    assertEquals("generate  scaling O(n) or O(n log n) (exponent 1.10, 95 % CI 0.95 .. 1.25) no worse than O(n)  "
        + "INCONCLUSIVE: these sizes cannot tell O(n) from O(n log n); measure a wider range of sizes or more trials",
        v.message());
  }

  @Test
  void check_classesBeyondButExponentNotConfirming_isInconclusive() {
    ComplexityFit fit = new ComplexityFit(List.of(10, 32, 100), 9, new Estimate(1.05, 0.98, 1.12, 0.95),
        List.of(model(Complexity.LINEARITHMIC, 0), model(Complexity.LINEAR, 3), model(Complexity.CONSTANT, 30)),
        List.of(Complexity.LINEARITHMIC), 2);

    Verdict v = Scaling.checkNoWorseThan(Complexity.LINEAR, fit, "generate");

    assertEquals(Status.INCONCLUSIVE, v.status(), v.message());
    assertTrue(v.message().contains("the fit points to O(n log n), but the exponent's interval reaches the 1.00"),
        v.message());
  }

  @Test
  void check_unboundedExponent_neverFails() {
    ComplexityFit fit = new ComplexityFit(List.of(10, 100, 1000), 5,
        new Estimate(2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.95),
        List.of(model(Complexity.QUADRATIC, 0), model(Complexity.CONSTANT, 30)), List.of(Complexity.QUADRATIC), 2);

    Verdict v = Scaling.checkNoWorseThan(Complexity.LINEAR, fit, "x");

    assertEquals(Status.INCONCLUSIVE, v.status(), v.message());
    assertTrue(v.message().contains("95 % CI -inf .. +inf"), v.message());
  }

  @Test
  void check_nullArguments_areRejected() {
    ComplexityFit fit = Scaling.fit(Synthetic.of(Complexity.LINEAR, TWO_DECADES, 5, 0.05, 0, 0));
    assertThrows(NullPointerException.class, () -> Scaling.checkNoWorseThan(null, fit, "x"));
    assertThrows(NullPointerException.class, () -> Scaling.checkNoWorseThan(Complexity.LINEAR, (ComplexityFit) null, "x"));
    assertThrows(NullPointerException.class, () -> Scaling.checkNoWorseThan(Complexity.LINEAR, fit, null));
  }

  @Test
  void complexityFit_plausibleClassWithoutModel_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ComplexityFit(
        List.of(10, 100, 1000), 9, new Estimate(1, 0.9, 1.1, 0.95), List.of(model(Complexity.LINEAR, 0)),
        List.of(Complexity.QUADRATIC), 2));
    assertTrue(e.getMessage().contains("must all be among the models"), e.getMessage());
  }

  private static ModelFit model(Complexity c, double delta) {
    return new ModelFit(c, 1, c == Complexity.CONSTANT ? 0 : 1, 100 + delta, delta, 0.05);
  }
}
