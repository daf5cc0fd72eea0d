package dev.perfgate.baseline.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Status;
import dev.perfgate.api.Unit;
import dev.perfgate.api.Verdict;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class DegradationTest {

  private static double[] lognormal(double median, double sigma, int count, long seed) {
    Random random = new Random(seed);
    double[] v = new double[count];
    for (int i = 0; i < count; i++) {
      v[i] = median * Math.exp(sigma * random.nextGaussian());
    }
    return v;
  }

  @Test
  void degradation_thirtyPercentSlower_isEstimatedWithAnIntervalAroundIt() {
    Degradation d = Scaling.degradation(lognormal(100, 0.05, 10, 1), lognormal(130, 0.05, 10, 2), 2);

    assertEquals(1, d.referenceThreads());
    assertEquals(2, d.threads());
    assertEquals(0.30, d.estimate().value(), 0.04, d::toString);
    assertTrue(d.estimate().covers(0.30), d::toString);
    assertTrue(d.estimate().low() > 0.2 && d.estimate().high() < 0.4, d::toString);
    assertEquals(0.95, d.estimate().confidence());
  }

  @Test
  void degradation_intervalCoversTheTrueRatioNearNominally() {
    int covered = 0;
    int seeds = 200;
    for (int seed = 0; seed < seeds; seed++) {
      Degradation d = Scaling.degradation(lognormal(100, 0.1, 7, 2 * seed), lognormal(150, 0.1, 7, 2 * seed + 1), 4);
      covered += d.estimate().covers(0.5) ? 1 : 0;
    }
    // exact Mann-Whitney bounds for 7 and 7: nominal at least 95 %; measured 188 of 200
    assertTrue(covered >= 184, "covered in " + covered + " of " + seeds);
  }

  @Test
  void degradation_sameDistribution_coversZeroNearNominally() {
    int covered = 0;
    int seeds = 200;
    for (int seed = 0; seed < seeds; seed++) {
      covered += Scaling.degradation(lognormal(100, 0.05, 8, 2 * seed), lognormal(100, 0.05, 8, 2 * seed + 1), 2)
          .estimate().covers(0) ? 1 : 0;
    }
    // measured 190 of 200
    assertTrue(covered >= 184, "covered in " + covered + " of " + seeds);
  }

  @Test
  void degradation_twoTrialsEach_isUnboundedAndInconclusive() {
    Degradation d = Scaling.degradation(new double[] {100, 101}, new double[] {300, 310}, 2);

    assertFalse(d.estimate().isBounded(), d::toString);
    assertEquals(-1, d.estimate().low());
    Verdict v = Scaling.checkDegradationAtMost(0.25, d, "cache.get");
    assertEquals(Status.INCONCLUSIVE, v.status(), v.message());
  }

  @Test
  void degradation_fourTrialsEach_isBoundedAndThreeAreNot() {
    double[] one = {100, 101, 99, 102};
    double[] two = {150, 149, 151, 152};
    assertTrue(Scaling.degradation(one, two, 2).estimate().isBounded());
    assertFalse(Scaling.degradation(Arrays.copyOf(one, 3), Arrays.copyOf(two, 3), 2).estimate().isBounded());
  }

  @Test
  void check_wholeIntervalBelowLimit_passes() {
    Degradation d = new Degradation(1, 2, new Estimate(0.041, 0.012, 0.070, 0.95));

    Verdict v = Scaling.checkDegradationAtMost(0.25, d, "cache.get");

    assertEquals(Status.PASS, v.status());
    assertEquals("cache.get  degradation at 2 threads +4.1 % (95 % CI +1.2 % .. +7.0 %) <= 25.0 %  PASS", v.message());
    assertEquals("degradation at 2 threads <= 25.0 %", v.check());
    assertEquals(0.041, v.figures().get("degradation"));
    assertEquals(0.012, v.figures().get("degradation.low"));
    assertEquals(0.070, v.figures().get("degradation.high"));
    assertEquals(0.25, v.figures().get("limit"));
    assertEquals(2.0, v.figures().get("threads"));
  }

  @Test
  void check_wholeIntervalAboveLimit_fails() {
    Degradation d = new Degradation(1, 2, new Estimate(1.1, 1.05, 1.12, 0.95));

    Verdict v = Scaling.checkDegradationAtMost(0.25, d, "one-lock");

    assertEquals(Status.FAIL, v.status());
    assertTrue(v.failed());
  }

  @Test
  void check_intervalStraddlingLimit_isInconclusive() {
    Degradation d = new Degradation(1, 2, new Estimate(0.2, 0.1, 0.3, 0.95));

    Verdict v = Scaling.checkDegradationAtMost(0.25, d, "x");

    assertEquals(Status.INCONCLUSIVE, v.status());
    assertTrue(v.message().endsWith("INCONCLUSIVE: the interval straddles the limit; measure more trials"), v.message());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, Double.NaN, Double.POSITIVE_INFINITY})
  void check_invalidLimit_isRejected(double limit) {
    Degradation d = new Degradation(1, 2, new Estimate(0.2, 0.1, 0.3, 0.95));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Scaling.checkDegradationAtMost(limit, d, "x"));
    assertTrue(e.getMessage().contains("largest degradation allowed"), e.getMessage());
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of(new double[] {}, new double[] {1, 2}, 2, "no values at 1 thread"),
        Arguments.of(new double[] {1, 2}, new double[] {}, 2, "no values at 2 thread"),
        Arguments.of(new double[] {1, 0}, new double[] {1, 2}, 2, "value (0.0) at 1 thread"),
        Arguments.of(new double[] {1, 2}, new double[] {1, Double.NaN}, 2, "value (NaN) at 2 thread"),
        Arguments.of(new double[] {1, 2}, new double[] {1, 2}, 1, "threads (1) must be more than"));
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void degradation_invalidValues_areRejectedWithTheReason(double[] one, double[] many, int threads, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Scaling.degradation(one, many, threads));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void degradation_results_useTrialValuesAndThreadCounts() {
    double[] one = lognormal(100, 0.05, 8, 5);
    double[] two = lognormal(125, 0.05, 8, 6);
    Result single = ScalingFitTest.result(BenchmarkKey.of("cache.get", 100), Metric.WALL_TIME, one);
    Result pair = ScalingFitTest.result(BenchmarkKey.of("cache.get", 100).withThreads(4), Metric.WALL_TIME, two);

    Degradation d = Scaling.degradation(single, pair, Metric.WALL_TIME);

    assertEquals(Scaling.degradation(one, two, 4).estimate(), d.estimate());
    assertEquals(4, d.threads());
  }

  @Test
  void degradation_throughputResults_areTurnedRound() {
    Metric perThread = Metric.of("throughput.thread", Unit.OPS_PER_SECOND, Direction.HIGHER_IS_BETTER);
    Result single = ScalingFitTest.result(BenchmarkKey.of("q"), perThread, lognormal(1000, 0.02, 8, 7));
    Result pair = ScalingFitTest.result(BenchmarkKey.of("q").withThreads(2), perThread, lognormal(500, 0.02, 8, 8));

    Degradation d = Scaling.degradation(single, pair, perThread);

    assertEquals(1.0, d.estimate().value(), 0.05, d::toString);
  }

  @Test
  void degradation_resultsOfDifferentBenchmarks_areRejected() {
    double[] v = {1, 2, 3};
    Result a = ScalingFitTest.result(BenchmarkKey.of("a"), Metric.WALL_TIME, v);
    Result b = ScalingFitTest.result(BenchmarkKey.of("b").withThreads(2), Metric.WALL_TIME, v);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Scaling.degradation(a, b, Metric.WALL_TIME));
    assertTrue(e.getMessage().contains("not a with b[threads=2]"), e.getMessage());
  }

  @Test
  void degradation_neutralMetric_isRejected() {
    Metric files = Metric.of("files", Unit.COUNT, Direction.NEUTRAL);
    double[] v = {1, 2, 3};
    Result a = ScalingFitTest.result(BenchmarkKey.of("a"), files, v);
    Result b = ScalingFitTest.result(BenchmarkKey.of("a").withThreads(2), files, v);
    assertThrows(IllegalArgumentException.class, () -> Scaling.degradation(a, b, files));
  }

  @Test
  void degradationRecord_threadsNotAboveReference_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Degradation(2, 2, new Estimate(0, 0, 0, 0.95)));
    assertTrue(e.getMessage().contains("threads (2) must be more than the reference threads (2)"), e.getMessage());
  }
}
