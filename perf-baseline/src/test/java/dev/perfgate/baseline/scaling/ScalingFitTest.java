package dev.perfgate.baseline.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Direction;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Status;
import dev.perfgate.api.Trial;
import dev.perfgate.api.Unit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded synthetic data with known answers. Rates over 50 seeds are asserted with room below what
 * was measured (noted beside each), so the tests state how often the method is right, not that it
 * was right for one lucky seed.
 */
final class ScalingFitTest {

  private static final int[] TWO_DECADES = Synthetic.grid(10, 1000, 7);
  private static final int[] ONE_DECADE = Synthetic.grid(10, 100, 5);
  private static final int SEEDS = 50;

  @ParameterizedTest
  @EnumSource(Complexity.class)
  void fit_eachClassOverTwoDecades_isNamedAloneAndRight(Complexity truth) {
    int right = 0;
    int plausible = 0;
    for (long seed = 0; seed < SEEDS; seed++) {
      ComplexityFit fit = Scaling.fit(Synthetic.of(truth, TWO_DECADES, 5, 0.05, 0, seed));
      right += fit.plausible().equals(List.of(truth)) ? 1 : 0;
      plausible += fit.plausible().contains(truth) ? 1 : 0;
    }
    // measured: 50 of 50 for every growth class, 44 of 50 for O(1) (the rest ambiguous, O(1) kept)
    assertTrue(right >= 42, truth + " named alone in " + right + " of " + SEEDS);
    assertEquals(SEEDS, plausible, truth + " plausible in " + plausible + " of " + SEEDS);
  }

  @Test
  void fit_linearWithOverhead_knownAnswer() {
    ComplexityFit fit = Scaling.fit(Synthetic.of(Complexity.LINEAR, TWO_DECADES, 5, 0.05, 0, 0));

    assertEquals(List.of(Complexity.LINEAR), fit.plausible());
    assertFalse(fit.isAmbiguous());
    assertEquals("O(n)", fit.describe());
    ModelFit best = fit.best();
    assertEquals(Complexity.LINEAR, best.complexity());
    assertEquals(10, best.c0(), 1.0, best::toString);
    assertEquals(1, best.c1(), 0.05, best::toString);
    assertEquals(0, best.deltaAicc());
    assertEquals(List.of(10, 22, 46, 100, 215, 464, 1000), fit.sizes());
    assertEquals(35, fit.observations());
  }

  @Test
  void fit_nLogNOverOneDecade_cannotBeToldFromLinear() {
    int ambiguous = 0;
    int inconclusive = 0;
    int failed = 0;
    for (long seed = 0; seed < SEEDS; seed++) {
      ComplexityFit fit = Scaling.fit(Synthetic.of(Complexity.LINEARITHMIC, ONE_DECADE, 3, 0.15, 0, seed));
      ambiguous += fit.plausible().containsAll(List.of(Complexity.LINEAR, Complexity.LINEARITHMIC)) ? 1 : 0;
      Status status = Scaling.checkNoWorseThan(Complexity.LINEAR, fit, "x").status();
      inconclusive += status == Status.INCONCLUSIVE ? 1 : 0;
      failed += status == Status.FAIL ? 1 : 0;
    }
    // measured: 18 of 50 ambiguous, 43 inconclusive, 2 failed, 5 passed
    assertTrue(ambiguous >= 12, "ambiguous in " + ambiguous + " of " + SEEDS);
    assertTrue(inconclusive >= 38, "inconclusive in " + inconclusive + " of " + SEEDS);
    assertTrue(failed <= 5, "failed in " + failed + " of " + SEEDS);
  }

  @Test
  void fit_nLogNOverTwoDecades_isToldFromLinearAndNeverPassesAgainstIt() {
    int right = 0;
    int failed = 0;
    int passed = 0;
    int pureFailed = 0;
    for (long seed = 0; seed < SEEDS; seed++) {
      ComplexityFit fit = Scaling.fit(Synthetic.of(Complexity.LINEARITHMIC, TWO_DECADES, 3, 0.15, 0, seed));
      right += fit.plausible().equals(List.of(Complexity.LINEARITHMIC)) ? 1 : 0;
      Status status = Scaling.checkNoWorseThan(Complexity.LINEAR, fit, "x").status();
      failed += status == Status.FAIL ? 1 : 0;
      passed += status == Status.PASS ? 1 : 0;
      ComplexityFit pure = Scaling.fit(Synthetic.exact(Complexity.LINEARITHMIC, TWO_DECADES, 3, 0.15, seed));
      pureFailed += Scaling.checkNoWorseThan(Complexity.LINEAR, pure, "x").status() == Status.FAIL ? 1 : 0;
    }
    // The class fits name n log n, but a fixed cost as large as the work at the smallest size flattens
    // its exponent to about 1.09, below the 1.23 that n log n shows on 10 .. 1000 and where O(n) bent
    // by the memory hierarchy also lies: the check may not fail it, and must not pass it. Without the
    // fixed cost the exponent reaches 1.23 and the check fails it.
    // measured: 50 of 50 named alone; with the fixed cost 0 failed, 0 passed; without it 48 failed
    assertTrue(right >= 45, "named alone in " + right + " of " + SEEDS);
    assertEquals(0, passed, "passed in " + passed + " of " + SEEDS);
    assertEquals(0, failed, "failed in " + failed + " of " + SEEDS);
    assertTrue(pureFailed >= 42, "without a fixed cost failed in " + pureFailed + " of " + SEEDS);
    System.err.println("nLogN two decades: named alone " + right + ", with fixed cost failed " + failed + ", passed "
        + passed + "; without it failed " + pureFailed + " of " + SEEDS);
  }

  @Test
  void fit_oneDecadeAmbiguousExample_saysNOrNLogN() {
    // seed 1 is one of the 18 seeds in 50 that come out ambiguous (see the test above)
    ComplexityFit fit = Scaling.fit(Synthetic.of(Complexity.LINEARITHMIC, ONE_DECADE, 3, 0.15, 0, 1));

    assertTrue(fit.isAmbiguous());
    assertEquals("O(n) or O(n log n)", fit.describe());
    assertEquals(Status.INCONCLUSIVE, Scaling.checkNoWorseThan(Complexity.LINEAR, fit, "x").status());
  }

  @Test
  void fit_outlyingTrials_doNotBendTheClass() {
    int right = 0;
    int constant = 0;
    for (long seed = 0; seed < SEEDS; seed++) {
      // 5 % of trials 2 to 4 times too slow, as when another process takes the core
      ComplexityFit fit = Scaling.fit(Synthetic.of(Complexity.LOGARITHMIC, TWO_DECADES, 5, 0.03, 0.05, seed));
      right += fit.plausible().equals(List.of(Complexity.LOGARITHMIC)) ? 1 : 0;
      constant += fit.plausible().equals(List.of(Complexity.CONSTANT)) ? 1 : 0;
    }
    // measured: 50 of 50 right; least squares named O(1) alone in about 40 %
    assertTrue(right >= 45, "named alone in " + right + " of " + SEEDS);
    assertEquals(0, constant, "named O(1) in " + constant + " of " + SEEDS);
  }

  @Test
  void fit_constantData_neverRulesOutConstant() {
    for (long seed = 0; seed < SEEDS; seed++) {
      ComplexityFit fit = Scaling.fit(Synthetic.of(Complexity.CONSTANT, TWO_DECADES, 5, 0.1, 0, seed));
      assertTrue(fit.plausible().contains(Complexity.CONSTANT), "seed " + seed + ": " + fit);
      assertEquals(0, fit.exponent().value(), 0.05, fit::toString);
    }
  }

  @Test
  void exponent_powerLaw_intervalCoversTrueExponent() {
    for (double b : new double[] {0.5, 1, 2}) {
      ComplexityFit fit = Scaling.fit(Synthetic.power(3, b, TWO_DECADES, 5, 0.1, 7));
      assertTrue(fit.exponent().covers(b), b + " not in " + fit.exponent());
      assertTrue(fit.exponent().high() - fit.exponent().low() < 0.2, fit.exponent()::toString);
    }
  }

  @Test
  void exponent_powerLaw_coverageIsNearNominal() {
    int covered = 0;
    int seeds = 200;
    for (long seed = 0; seed < seeds; seed++) {
      covered += Scaling.fit(Synthetic.power(3, 1.5, TWO_DECADES, 5, 0.1, seed)).exponent().covers(1.5) ? 1 : 0;
    }
    // nominal 95 %; measured 184 of 200 (92 %)
    assertTrue(covered >= 176 && covered <= 198, "covered in " + covered + " of " + seeds);
  }

  @Test
  void exponent_tooFewObservations_isUnbounded() {
    Map<Integer, double[]> data = new TreeMap<>();
    data.put(10, new double[] {10, 11});
    data.put(100, new double[] {100});
    data.put(1000, new double[] {1000, 1010});

    ComplexityFit fit = Scaling.fit(data);

    assertFalse(fit.exponent().isBounded(), fit.exponent()::toString);
    assertEquals(1, fit.exponent().value(), 0.01);
  }

  @Test
  void exponentOf_classes_areTheirSlopesOnTheGrid() {
    ComplexityFit fit = Scaling.fit(Synthetic.of(Complexity.LINEAR, TWO_DECADES, 5, 0.05, 0, 0));

    assertEquals(0, fit.exponentOf(Complexity.CONSTANT));
    assertEquals(1, fit.exponentOf(Complexity.LINEAR), 1e-12);
    assertEquals(2, fit.exponentOf(Complexity.QUADRATIC), 1e-12);
    // Theil-Sen over the 21 pairs of the 7 sizes 10, 22, 46, 100, 215, 464, 1000 of the exact n log n:
    // the median pair, between the chord's 1.24 and the 1 + 1 / log n of the middle size (1.22)
    List<Double> slopes = new ArrayList<>();
    List<Integer> s = fit.sizes();
    for (int i = 0; i < s.size(); i++) {
      for (int j = i + 1; j < s.size(); j++) {
        slopes.add(1 + Math.log(Math.log(s.get(j)) / Math.log(s.get(i))) / Math.log((double) s.get(j) / s.get(i)));
      }
    }
    slopes.sort(null);
    assertEquals(slopes.get(10), fit.exponentOf(Complexity.LINEARITHMIC), 1e-12);
    assertEquals(1.225, fit.exponentOf(Complexity.LINEARITHMIC), 0.001);
    assertEquals(fit.exponentOf(Complexity.LINEARITHMIC) - 1, fit.exponentOf(Complexity.LOGARITHMIC), 1e-12);
  }

  @Test
  void exponentOf_nLogNOverOneThousandTo256000_isAbout1point10() {
    ComplexityFit fit = Scaling.fit(Synthetic.exact(Complexity.LINEAR, Synthetic.doubling(1000, 9), 5, 0.05, 0));

    // the grid: between the local slopes 1 + 1 / log n at its ends, 1.08 and 1.14
    assertEquals(1.1045, fit.exponentOf(Complexity.LINEARITHMIC), 0.0005);
  }

  @Test
  void fit_threshold_widensThePlausibleSet() {
    Map<Integer, double[]> data = Synthetic.of(Complexity.LINEARITHMIC, ONE_DECADE, 5, 0.1, 0, 3);

    ComplexityFit strict = Scaling.fit(data, 0);
    ComplexityFit loose = Scaling.fit(data, 1000);

    assertEquals(1, strict.plausible().size(), strict::toString);
    assertTrue(loose.plausible().size() > 1, loose::toString);
    assertTrue(loose.plausible().containsAll(strict.plausible()));
  }

  static Stream<Arguments> invalidData() {
    return Stream.of(
        Arguments.of(Map.of(10, new double[] {1, 2, 3}, 100, new double[] {4, 5, 6}), "3 sizes or more"),
        Arguments.of(Map.of(10, new double[] {1}, 100, new double[] {4}, 1000, new double[] {5, 6}), "at least 5 observations"),
        Arguments.of(Map.of(0, new double[] {1, 2}, 100, new double[] {4, 5}, 1000, new double[] {5, 6}), "size (0) must be >= 1"),
        Arguments.of(Map.of(10, new double[] {0, 2}, 100, new double[] {4, 5}, 1000, new double[] {5, 6}), "value (0.0) at size 10"),
        Arguments.of(Map.of(10, new double[] {-1, 2}, 100, new double[] {4, 5}, 1000, new double[] {5, 6}), "value (-1.0)"),
        Arguments.of(Map.of(10, new double[] {Double.NaN, 2}, 100, new double[] {4, 5}, 1000, new double[] {5, 6}), "value (NaN)"),
        Arguments.of(Map.of(10, new double[] {Double.POSITIVE_INFINITY, 2}, 100, new double[] {4, 5}, 1000,
            new double[] {5, 6}), "value (Infinity)"));
  }

  @ParameterizedTest
  @MethodSource("invalidData")
  void fit_invalidData_isRejectedWithTheReason(Map<Integer, double[]> data, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scaling.fit(data));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("invalidThresholds")
  void fit_invalidThreshold_isRejected(double threshold) {
    Map<Integer, double[]> data = Synthetic.of(Complexity.LINEAR, TWO_DECADES, 5, 0.05, 0, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scaling.fit(data, threshold));
    assertTrue(e.getMessage().contains("AICc threshold"), e.getMessage());
  }

  static double[] invalidThresholds() {
    return new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY};
  }

  @Test
  void fit_results_usesOneValuePerTrialAtEachSize() {
    Map<Integer, double[]> data = Synthetic.of(Complexity.LINEAR, TWO_DECADES, 5, 0.05, 0, 0);
    List<Result> results = new ArrayList<>();
    data.forEach((n, values) -> results.add(result(BenchmarkKey.of("generate", n), Metric.WALL_TIME, values)));

    ComplexityFit fromResults = Scaling.fit(results, Metric.WALL_TIME);

    assertEquals(Scaling.fit(data), fromResults);
    assertEquals(Status.PASS, Scaling.checkNoWorseThan(Complexity.LINEAR, results, Metric.WALL_TIME).status());
    assertTrue(Scaling.checkNoWorseThan(Complexity.LINEAR, results, Metric.WALL_TIME).message()
        .startsWith("generate time.wall  scaling O(n) "));
  }

  static Stream<Arguments> invalidResults() {
    double[] v = {1, 2, 3};
    Metric throughput = Metric.of("throughput", Unit.OPS_PER_SECOND, Direction.HIGHER_IS_BETTER);
    return Stream.of(
        Arguments.of(List.of(), Metric.WALL_TIME, "no results"),
        Arguments.of(List.of(result(BenchmarkKey.of("a"), Metric.WALL_TIME, v)), Metric.WALL_TIME, "has no size"),
        Arguments.of(List.of(result(BenchmarkKey.of("a", 10), Metric.WALL_TIME, v),
            result(BenchmarkKey.of("b", 20), Metric.WALL_TIME, v)), Metric.WALL_TIME, "results mix a[size=10] and b[size=20]"),
        Arguments.of(List.of(result(BenchmarkKey.of("a", 10), Metric.WALL_TIME, v),
            result(BenchmarkKey.of("a", 10).withThreads(2), Metric.WALL_TIME, v)), Metric.WALL_TIME, "results mix"),
        Arguments.of(List.of(result(BenchmarkKey.of("a", 10), Metric.WALL_TIME, v),
            result(BenchmarkKey.of("a", 10), Metric.WALL_TIME, v)), Metric.WALL_TIME, "two results for a[size=10]"),
        Arguments.of(List.of(result(BenchmarkKey.of("a", 10), Metric.WALL_TIME, v)), Metric.CPU_TIME, "no value of time.cpu"),
        Arguments.of(List.of(result(BenchmarkKey.of("a", 10), throughput, v)), throughput, "is not a cost"));
  }

  @ParameterizedTest
  @MethodSource("invalidResults")
  void fit_invalidResults_areRejectedWithTheReason(List<Result> results, Metric metric, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scaling.fit(results, metric));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  static Result result(BenchmarkKey key, Metric metric, double[] trialValues) {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < trialValues.length; i++) {
      Map<Metric, Double> values = new HashMap<>();
      values.put(metric, trialValues[i]);
      trials.add(new Trial(i, List.of(), values));
    }
    return new Result(key, trials, Map.of(), List.of(), Optional.empty(), ENVIRONMENT, Instant.EPOCH, Duration.ZERO);
  }

  private static final Environment ENVIRONMENT = new Environment("vendor", "17", "vm", List.of("G1"), 1L << 30,
      List.of(), "cpu", 2, "Linux", "amd64", List.of(), Map.of());

}
