package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class TrendsTest {

  private static double[] series(int n, long seed, double sigma, java.util.function.IntToDoubleFunction level) {
    // Spread the seeds: java.util.Random streams from consecutive seeds start out correlated.
    Random r = new Random(seed * 0x9E3779B97F4A7C15L + 17);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = level.applyAsDouble(i) * Math.exp(sigma * r.nextGaussian());
    }
    return x;
  }

  @Test
  void analyse_thirtyFlatPoints_isStableExceptAtTheTestsAlpha() {
    int series = 1000;
    int stable = 0;
    for (int seed = 0; seed < series; seed++) {
      Trend t = Trends.analyse(series(30, seed, 0.03, i -> 1000), Direction.LOWER_IS_BETTER);
      if (t.direction() == TrendDirection.STABLE) {
        stable++;
      }
    }
    // Mann-Kendall at 5 %: at most alpha plus three standard errors may look like a trend.
    double allowed = Trends.ALPHA + 3 * Math.sqrt(Trends.ALPHA * (1 - Trends.ALPHA) / series);
    assertTrue(series - stable <= allowed * series, (series - stable) + " of " + series + " flat series had a trend");
  }

  @Test
  void analyse_oneFlatSeries_isStableWithItsFigures() {
    Trend t = Trends.analyse(series(30, 1, 0.03, i -> 1000), Direction.LOWER_IS_BETTER);
    assertEquals(TrendDirection.STABLE, t.direction());
    assertTrue(t.low() <= 0 && 0 <= t.high(), t.toString());
    assertEquals(0, t.from());
    assertEquals(30, t.to());
  }

  @Test
  void analyse_steadyDrift_isDegradingWithTheTrueMagnitudeInsideTheInterval() {
    double perRun = 0.005; // 0.5 % per run compounds to expm1(0.05) = 5.13 % per ten runs
    double truth = Math.expm1(10 * perRun);
    int covered = 0;
    for (int seed = 0; seed < 50; seed++) {
      Trend t = Trends.analyse(series(40, seed, 0.02, i -> 1000 * Math.exp(perRun * i)), Direction.LOWER_IS_BETTER);
      assertEquals(TrendDirection.DEGRADING, t.direction(), "seed " + seed + ": " + t);
      if (t.low() <= truth && truth <= t.high()) {
        covered++;
      }
    }
    assertTrue(covered >= 45, "interval covered the true " + truth + " in " + covered + " of 50");
  }

  @Test
  void analyse_throughputThatDrifts_isImproving() {
    Trend t = Trends.analyse(series(40, 4, 0.02, i -> 1000 * Math.exp(0.005 * i)), Direction.HIGHER_IS_BETTER);
    assertEquals(TrendDirection.IMPROVING, t.direction());
    assertTrue(t.perTenRuns() > 0);
  }

  @Test
  void analyse_neutralMetricThatDrifts_isChangingNotJudged() {
    Trend t = Trends.analyse(series(40, 4, 0.02, i -> 1000 * Math.exp(0.005 * i)), Direction.NEUTRAL);
    assertEquals(TrendDirection.CHANGING, t.direction());
  }

  @Test
  void analyse_oneThreeTimesOutlier_doesNotChangeTheDirection() {
    for (int seed = 0; seed < 20; seed++) {
      double[] drift = series(40, seed, 0.02, i -> 1000 * Math.exp(0.005 * i));
      double[] flat = series(30, seed, 0.03, i -> 1000);
      Trend driftBefore = Trends.analyse(drift, Direction.LOWER_IS_BETTER);
      Trend flatBefore = Trends.analyse(flat, Direction.LOWER_IS_BETTER);
      drift[20] *= 3;
      flat[15] *= 3;
      assertEquals(driftBefore.direction(), Trends.analyse(drift, Direction.LOWER_IS_BETTER).direction(), "seed " + seed);
      assertEquals(flatBefore.direction(), Trends.analyse(flat, Direction.LOWER_IS_BETTER).direction(), "seed " + seed);
    }
  }

  @Test
  void analyse_tenPercentStepAtRunSixtyOfHundred_isLocatedWithinTwoRuns() {
    int located = 0;
    int seeds = 100;
    for (int seed = 0; seed < seeds; seed++) {
      Trend t = Trends.analyse(series(100, seed, 0.03, i -> i < 60 ? 1000 : 1100), Direction.LOWER_IS_BETTER);
      java.util.Optional<ChangePoint> step = t.changePoints().stream()
          .filter(c -> Math.abs(c.index() - 60) <= 2).findFirst();
      if (step.isPresent()) {
        located++;
        assertFalse(step.get().candidate());
        assertEquals(0.10, step.get().change(), 0.04, "seed " + seed + ": " + t.changePoints());
        assertTrue(t.from() >= step.get().index(), "the trend starts after the step: " + t);
      }
    }
    assertTrue(located >= 95, "located within two runs in " + located + " of " + seeds);
  }

  @Test
  void analyse_tenPercentStepAtRunSixty_isStableAfterTheStep() {
    Trend t = Trends.analyse(series(100, 1, 0.03, i -> i < 60 ? 1000 : 1100), Direction.LOWER_IS_BETTER);
    assertEquals(1, t.changePoints().size(), t.toString());
    assertEquals(t.changePoints().get(0).index(), t.from());
    assertEquals(TrendDirection.STABLE, t.direction(), t.toString());
  }

  @Test
  void analyse_stepTwoRunsBeforeTheEnd_isACandidateLeftOutOfTheTrend() {
    double[] x = series(50, 5, 0.02, i -> i < 47 ? 1000 : 1300);
    Trend t = Trends.analyse(x, Direction.LOWER_IS_BETTER);
    assertTrue(t.candidate().isPresent(), t.toString());
    assertEquals(47, t.candidate().get().index());
    assertEquals(47, t.to());
    assertEquals(TrendDirection.STABLE, t.direction(), t.toString());
  }

  @Test
  void analyse_threeRuns_isTooFewRuns() {
    Trend t = Trends.analyse(new double[] {1, 2, 3}, Direction.LOWER_IS_BETTER);
    assertEquals(TrendDirection.TOO_FEW_RUNS, t.direction());
    assertTrue(Double.isNaN(t.perTenRuns()));
  }

  /**
   * The shape of the report that read "stable +162.5 % per 10 runs (CI -100.0 .. +Infinity %)": four
   * stored runs of a ~20 us parse, the last ones slower. Sen's interval cannot be bounded at 95 % on
   * four runs (the extremes miss with probability 2/4! = 8.3 %), so the trend says it has too few.
   */
  @Test
  void analyse_fourRunsOnTheLogScale_isTooFewRunsRatherThanAnUnboundedInterval() {
    Trend t = Trends.analyse(new double[] {19_700, 23_000, 31_200, 28_400}, Direction.LOWER_IS_BETTER);
    assertEquals(TrendDirection.TOO_FEW_RUNS, t.direction(), t.toString());
    assertTrue(Double.isNaN(t.low()) && Double.isNaN(t.high()), t.toString());
    assertEquals("too few runs (4 since run 0, of 4)", t.message());
  }

  @Test
  void analyse_fiveDistinctRuns_hasAFiniteInterval() {
    Trend t = Trends.analyse(new double[] {19_700, 23_000, 21_500, 31_200, 28_400}, Direction.LOWER_IS_BETTER);
    assertNotEquals(TrendDirection.TOO_FEW_RUNS, t.direction(), t.toString());
    assertTrue(Double.isFinite(t.low()) && Double.isFinite(t.high()) && t.low() <= t.perTenRuns()
        && t.perTenRuns() <= t.high(), t.toString());
  }

  @Test
  void analyse_shortSeries_areBoundedOrTooFewRuns() {
    java.util.Random random = new java.util.Random(12);
    for (int round = 0; round < 2000; round++) {
      double[] x = new double[4 + random.nextInt(6)];
      for (int i = 0; i < x.length; i++) {
        // Coarse values, so that ties occur as with rounded medians of a fast operation.
        x[i] = 1000 * (20 + random.nextInt(random.nextBoolean() ? 3 : 15));
      }
      Trend t = Trends.analyse(x, Direction.LOWER_IS_BETTER);
      boolean bounded = Double.isFinite(t.low()) && Double.isFinite(t.high()) && Double.isFinite(t.perTenRuns());
      assertEquals(t.direction() != TrendDirection.TOO_FEW_RUNS, bounded, java.util.Arrays.toString(x) + " " + t);
      assertTrue(!t.message().contains("Infinity") && !t.message().contains("NaN"), t.message());
    }
  }

  @Test
  void trend_withADirectionButNoBounds_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Trend(TrendDirection.STABLE, 1.625, -1,
        Double.POSITIVE_INFINITY, 0.5, 0, 4, 4, List.of()));
  }

  @Test
  void analyse_nonFiniteValue_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Trends.analyse(new double[] {1, Double.NaN, 3}, Direction.LOWER_IS_BETTER));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
  }

  @Test
  void analyse_history_usesTheNewestEnvironmentOnly() {
    BenchmarkKey key = BenchmarkKey.of("render");
    List<Result> history = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      history.add(Fixtures.result(key, Fixtures.otherEnvironment(), Metric.WALL_TIME, 5000 + i * 500));
    }
    for (int i = 0; i < 12; i++) {
      history.add(Fixtures.result(key, Metric.WALL_TIME, 1000 + (i % 3)));
    }
    Trend t = Trends.analyse(history, Metric.WALL_TIME);
    assertEquals(12, t.runs());
    assertEquals(TrendDirection.STABLE, t.direction(), t.toString());
  }

  @Test
  void changePoint_inRunsThatNameTheirCommits_namesTheCommitRange() {
    java.util.List<dev.perfgate.api.Result> runs = new java.util.ArrayList<>();
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < 30; i++) {
      double level = i < 15 ? 100 : 130;
      runs.add(Fixtures.result(dev.perfgate.api.BenchmarkKey.of("render"), dev.perfgate.api.Metric.WALL_TIME,
          level + random.nextGaussian(), level + random.nextGaussian(), level + random.nextGaussian())
          .withProvenance(dev.perfgate.api.Provenance.of(String.format("%07x0000", 0xa000000 + i), "main", null)));
    }
    Trend t = Trends.analyse(runs, dev.perfgate.api.Metric.WALL_TIME);
    ChangePoint step = t.changePoints().stream().filter(p -> p.index() == 15).findFirst().orElseThrow(() ->
        new AssertionError(t.toString()));
    assertEquals(java.util.Optional.of(new ChangePoint.Commits("a00000e", "a00000f")), step.commits());
    assertTrue(step.toString().endsWith("between a00000e and a00000f"), step.toString());
    assertEquals(java.util.Optional.of(new ChangePoint.Commits("a00000f", "a00001d")), t.commits(), t.toString());
  }
}
