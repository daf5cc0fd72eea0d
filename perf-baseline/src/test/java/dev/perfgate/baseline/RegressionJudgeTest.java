package dev.perfgate.baseline;

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
import dev.perfgate.baseline.Fixtures.Noise;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

final class RegressionJudgeTest {

  private static final BenchmarkKey KEY = BenchmarkKey.of("render");
  private static final Metric TIME = Metric.WALL_TIME;
  private static final RegressionJudge JUDGE = RegressionJudge.defaults();

  private static Comparison compare(double[] a, double[] b) {
    return JUDGE.compare(Fixtures.result(KEY, TIME, a), Fixtures.result(KEY, TIME, b), TIME);
  }

  /** Counts outcomes over simulated pairs: baseline at 1000 ns, new run at 1000 x factor. */
  private static int[] outcomes(Noise noise, double factor, int trials, double sigma, int pairs, long seed) {
    Random r = new Random(seed);
    int[] counts = new int[Outcome.values().length + 1];
    for (int i = 0; i < pairs; i++) {
      Comparison c = compare(noise.draw(r, trials, 1000, sigma), noise.draw(r, trials, 1000 * factor, sigma));
      counts[c.outcome().ordinal()]++;
      if (c.pWorse() < 1 - JUDGE.confidence()) {
        counts[Outcome.values().length]++;
      }
    }
    return counts;
  }

  @ParameterizedTest
  @EnumSource(Noise.class)
  void compare_twoThousandAaPairs_falseRegressionsAtMostAlpha(Noise noise) {
    int pairs = 2000;
    int[] counts = outcomes(noise, 1.0, 12, 0.03, pairs, 42 + noise.ordinal());
    double alpha = 1 - JUDGE.confidence();
    // The verdict (interval beyond the floor and the test) must stay under alpha...
    assertTrue(counts[Outcome.REGRESSED.ordinal()] <= alpha * pairs,
        noise + ": " + counts[Outcome.REGRESSED.ordinal()] + " false regressions in " + pairs);
    // ...and the one-sided test alone must be calibrated: at most alpha plus three standard errors.
    double slack = 3 * Math.sqrt(alpha * (1 - alpha) / pairs);
    assertTrue(counts[Outcome.values().length] <= (alpha + slack) * pairs,
        noise + ": one-sided test rejected " + counts[Outcome.values().length] + " of " + pairs + " A/A pairs");
  }

  @Test
  void compare_tenPercentSlowerTwelveTrialsThreePercentNoise_isRegressedNineTimesInTen() {
    int[] counts = outcomes(Noise.LOGNORMAL, 1.10, 12, 0.03, 500, 7);
    assertTrue(counts[Outcome.REGRESSED.ordinal()] >= 450, "regressed in " + counts[Outcome.REGRESSED.ordinal()] + " of 500");
  }

  @Test
  void compare_tenPercentFaster_isImprovedNineTimesInTen() {
    int[] counts = outcomes(Noise.LOGNORMAL, 0.90, 12, 0.03, 500, 8);
    assertTrue(counts[Outcome.IMPROVED.ordinal()] >= 450, "improved in " + counts[Outcome.IMPROVED.ordinal()] + " of 500");
  }

  @Test
  void compare_sameSpeedTwelveTrialsOnePointFivePercentNoise_isUnchangedNineTimesInTen() {
    int[] counts = outcomes(Noise.LOGNORMAL, 1.00, 12, 0.015, 500, 9);
    assertTrue(counts[Outcome.UNCHANGED.ordinal()] >= 450, "unchanged in " + counts[Outcome.UNCHANGED.ordinal()] + " of 500");
  }

  @Test
  void compare_sameSpeedFortyTrialsThreePercentNoise_isUnchangedNineTimesInTen() {
    int[] counts = outcomes(Noise.LOGNORMAL, 1.00, 40, 0.03, 500, 10);
    assertTrue(counts[Outcome.UNCHANGED.ordinal()] >= 450, "unchanged in " + counts[Outcome.UNCHANGED.ordinal()] + " of 500");
  }

  @Test
  void compare_sameSpeedTwelveTrialsThreePercentNoise_neverFailsAndIsInconclusiveRatherThanGuessing() {
    // 12 trials at 3 % noise give an interval about +-2.5 % wide: too wide to prove "unchanged"
    // inside a 3 % floor most of the time, so the honest answer is mostly "inconclusive".
    int[] counts = outcomes(Noise.LOGNORMAL, 1.00, 12, 0.03, 500, 11);
    int decided = counts[Outcome.REGRESSED.ordinal()] + counts[Outcome.IMPROVED.ordinal()];
    assertTrue(decided <= 25, decided + " of 500 A/A pairs were called regressed or improved");
    assertEquals(500, counts[Outcome.UNCHANGED.ordinal()] + counts[Outcome.INCONCLUSIVE.ordinal()] + decided);
  }

  @Test
  void compare_swappedAAndB_changesOnlyTheSign() {
    Random r = new Random(3);
    for (int i = 0; i < 50; i++) {
      double[] a = Noise.BIMODAL.draw(r, 12, 1000, 0.03);
      double[] b = Noise.BIMODAL.draw(r, 10, 1000 * (0.8 + 0.02 * i), 0.03);
      Comparison ab = compare(a, b);
      Comparison ba = compare(b, a);
      assertEquals(Math.log(ab.ratio()), -Math.log(ba.ratio()), 1e-12);
      assertEquals(Math.log(ab.ciLow()), -Math.log(ba.ciHigh()), 1e-12);
      assertEquals(Math.log(ab.ciHigh()), -Math.log(ba.ciLow()), 1e-12);
      assertEquals(ab.pWorse(), ba.pBetter(), 1e-12);
      assertEquals(ab.pBetter(), ba.pWorse(), 1e-12);
      assertEquals(mirror(ab.outcome()), ba.outcome());
    }
  }

  private static Outcome mirror(Outcome o) {
    return o == Outcome.REGRESSED ? Outcome.IMPROVED : o == Outcome.IMPROVED ? Outcome.REGRESSED : o;
  }

  @Test
  void compare_valuesInOtherUnits_changesNothing() {
    Random r = new Random(4);
    Metric millis = Metric.of("time.render", Unit.NANOSECONDS, Direction.LOWER_IS_BETTER);
    for (int i = 0; i < 20; i++) {
      double[] a = Noise.HEAVY_TAILED.draw(r, 12, 1.5, 0.03);
      double[] b = Noise.HEAVY_TAILED.draw(r, 12, 1.5 * 1.07, 0.03);
      Comparison inMillis = JUDGE.compare(Fixtures.result(KEY, millis, a), Fixtures.result(KEY, millis, b), millis);
      Comparison inNanos = JUDGE.compare(Fixtures.result(KEY, millis, scale(a, 1e6)),
          Fixtures.result(KEY, millis, scale(b, 1e6)), millis);
      assertEquals(inMillis.ratio(), inNanos.ratio(), 1e-9);
      assertEquals(inMillis.ciLow(), inNanos.ciLow(), 1e-9);
      assertEquals(inMillis.ciHigh(), inNanos.ciHigh(), 1e-9);
      assertEquals(inMillis.pWorse(), inNanos.pWorse(), 1e-12);
      assertEquals(inMillis.outcome(), inNanos.outcome());
    }
  }

  private static double[] scale(double[] v, double f) {
    double[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= f;
    }
    return out;
  }

  @Test
  void compare_throughputThatDrops_isRegressedLikeTheTimeThatRises() {
    Metric throughput = Metric.of("ops.rate", Unit.OPS_PER_SECOND, Direction.HIGHER_IS_BETTER);
    Random r = new Random(5);
    double[] a = Noise.LOGNORMAL.draw(r, 12, 1000, 0.02);
    double[] b = Noise.LOGNORMAL.draw(r, 12, 1250, 0.02);
    Comparison time = compare(a, b);
    Comparison rate = JUDGE.compare(Fixtures.result(KEY, throughput, reciprocal(a)),
        Fixtures.result(KEY, throughput, reciprocal(b)), throughput);
    assertEquals(Outcome.REGRESSED, time.outcome());
    assertEquals(Outcome.REGRESSED, rate.outcome());
    assertEquals(Status.FAIL, rate.status());
    assertEquals(time.pWorse(), rate.pWorse(), 1e-12);
    assertEquals(1 / time.ratio(), rate.ratio(), 1e-9);
  }

  private static double[] reciprocal(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = 1 / v[i];
    }
    return out;
  }

  @Test
  void compare_neutralMetricThatDoubles_isChangedNeverRegressed() {
    Metric files = Metric.of("files.written", Unit.COUNT, Direction.NEUTRAL);
    Random r = new Random(6);
    Comparison c = JUDGE.compare(Fixtures.result(KEY, files, Noise.LOGNORMAL.draw(r, 12, 100, 0.01)),
        Fixtures.result(KEY, files, Noise.LOGNORMAL.draw(r, 12, 200, 0.01)), files);
    assertEquals(Outcome.CHANGED, c.outcome());
    assertEquals(Status.PASS, c.status());
  }

  @Test
  void compare_twelvePercentSlower_readsLikeTheExampleAndWarns() {
    Random r = new Random(12);
    Comparison c = compare(Noise.LOGNORMAL.draw(r, 12, 1000, 0.02), Noise.LOGNORMAL.draw(r, 12, 1124, 0.02));
    Verdict v = c.toVerdict();
    assertEquals(Status.WARN, v.status());
    assertTrue(v.message().matches("render  time\\.wall \\+1\\d\\.\\d % vs baseline \\(95 % CI \\+\\d+\\.\\d \\.\\. \\+\\d+\\.\\d %\\)"
        + "  beyond 3 % noise, within 20 % tolerance  WARN"), v.message());
    for (String figure : List.of("ratio", "ciLow", "ciHigh", "pValue", "noiseFloor", "tolerance")) {
      assertTrue(v.figures().containsKey(figure), figure + " missing from " + v.figures());
    }
    assertEquals(c.ratio(), v.figures().get("ratio"));
  }

  @Test
  void compare_thirtyPercentSlower_failsBeyondTolerance() {
    Random r = new Random(13);
    Comparison c = compare(Noise.LOGNORMAL.draw(r, 12, 1000, 0.02), Noise.LOGNORMAL.draw(r, 12, 1300, 0.02));
    assertEquals(Outcome.REGRESSED, c.outcome());
    assertEquals(Status.FAIL, c.status());
    assertTrue(c.toVerdict().message().contains("beyond 20 % tolerance  FAIL"), c.toVerdict().message());
  }

  @Test
  void compare_twoTrialsASide_isInconclusiveNotAPass() {
    Comparison c = compare(new double[] {1000, 1010}, new double[] {1500, 1520});
    assertEquals(Outcome.INCONCLUSIVE, c.outcome());
    assertEquals(Status.INCONCLUSIVE, c.status());
    assertTrue(c.toVerdict().message().contains("measure more"), c.toVerdict().message());
  }

  @Test
  void compare_otherEnvironment_isNotComparableAndSaysWhy() {
    Result old = Fixtures.result(KEY, Fixtures.otherEnvironment(), TIME, 1000, 1001, 1002);
    Comparison c = JUDGE.compare(old, Fixtures.result(KEY, TIME, 1000, 1001, 1002), TIME);
    assertEquals(Outcome.NOT_COMPARABLE, c.outcome());
    assertEquals(Status.NOT_MEASURED, c.status());
    assertTrue(c.note().startsWith("no comparable baseline"), c.note());
    assertTrue(c.note().contains(Fixtures.otherEnvironment().fingerprint()), c.note());
  }

  @Test
  void compare_metricMissingInNewRun_isNotComparable() {
    Result old = Fixtures.result(KEY, TIME, 1000, 1001, 1002);
    Result current = Fixtures.result(KEY, Metric.ALLOCATED_BYTES, 16, 16, 16);
    Comparison c = JUDGE.compare(old, current, TIME);
    assertEquals(Outcome.NOT_COMPARABLE, c.outcome());
    assertTrue(c.note().contains("the new result has no trial value of time.wall"), c.note());
  }

  @Test
  void compare_zeroThenSixteenBytesThreeTrialsASide_isComparedAndAsksForMoreTrials() {
    // 3 against 3 trials: no 95 % rank interval exists (P(U = 0) = 1/20), so the tool cannot decide,
    // but it compares: never "not compared" because a value is 0.
    Metric alloc = Metric.ALLOCATED_BYTES;
    Comparison c = JUDGE.compare(Fixtures.result(KEY, alloc, 0, 0, 0), Fixtures.result(KEY, alloc, 16, 16, 16), alloc);
    assertEquals(Outcome.INCONCLUSIVE, c.outcome());
    assertEquals(16.0, c.ratio());
    assertTrue(c.isDifference());
    assertEquals("render  alloc.bytes +16 B/op vs baseline (95 % CI -inf .. +inf)  inconclusive at 8 B tolerance"
        + " (p 0.0234, 3 vs 3 trials): measure more  INCONCLUSIVE", c.toVerdict().message());
  }

  @Test
  void compare_identicalExactFigures_isUnchangedEvenAtZero() {
    Metric alloc = Metric.ALLOCATED_BYTES;
    for (double v : new double[] {0, 1016}) {
      Comparison c = JUDGE.compare(Fixtures.result(KEY, alloc, v, v, v), Fixtures.result(KEY, alloc, v, v, v, v), alloc);
      assertEquals(Outcome.UNCHANGED, c.outcome());
      assertEquals(0.0, c.ratio(), "a count is compared on the difference, which is 0");
      assertEquals(Status.PASS, c.status());
    }
  }

  @Test
  void compare_stableHistoryWithWideSpread_widensTheIntervalNotTheNoiseFloor() {
    Random r = new Random(14);
    List<Result> history = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      history.add(Fixtures.result(KEY, TIME, Noise.LOGNORMAL.draw(r, 5, 1000 * Math.exp(0.08 * r.nextGaussian()), 0.01)));
    }
    double spread = JUDGE.runSpread(history, TIME);
    assertEquals(0.08, spread, 0.04, "the 8 % spread between runs is measured");
    Comparison alone = JUDGE.compare(history.get(0), history.get(1), TIME);
    Comparison c = JUDGE.compare(history.get(0), history.get(1), TIME, history);
    assertEquals(JUDGE.noiseFloor(), c.noiseFloor(), "the floor stays the user's margin");
    double widthAlone = Math.log(alone.shift().high() / alone.shift().low());
    double width = Math.log(c.shift().high() / c.shift().low());
    assertTrue(width > widthAlone + 2 * spread, "the between-run spread widens the interval: " + alone + " vs " + c);
    assertTrue(c.note().contains("interval holds the spread between runs"), c.note());
  }

  @Test
  void holmAdjust_knownPValues_matchesHandComputation() {
    double[] adjusted = Outcomes.holmAdjust(new double[] {0.01, 0.04, 0.03, 0.005, Double.NaN});
    assertEquals(0.03, adjusted[0], 1e-12);
    assertEquals(0.06, adjusted[1], 1e-12);
    assertEquals(0.06, adjusted[2], 1e-12);
    assertEquals(0.02, adjusted[3], 1e-12);
    assertTrue(Double.isNaN(adjusted[4]));
  }

  @Test
  void holm_fiftyBenchmarks_keepsTheClearRegressionAndDropsTheMarginalOnes() {
    Random r = new Random(15);
    List<Comparison> suite = new ArrayList<>();
    suite.add(compare(Noise.LOGNORMAL.draw(r, 12, 1000, 0.02), Noise.LOGNORMAL.draw(r, 12, 1300, 0.02)));
    // A marginal one: regressed at p just under 0.05 on its own.
    Comparison marginal = compare(new double[] {1000, 1001, 1002, 1003, 1080}, new double[] {1060, 1065, 1070, 1075, 1079});
    suite.add(marginal);
    for (int i = 0; i < 48; i++) {
      suite.add(compare(Noise.LOGNORMAL.draw(r, 12, 1000, 0.02), Noise.LOGNORMAL.draw(r, 12, 1000, 0.02)));
    }
    List<Comparison> adjusted = Comparisons.holm(suite);
    assertEquals(50, adjusted.size());
    assertEquals(Outcome.REGRESSED, adjusted.get(0).outcome());
    assertTrue(adjusted.get(1).pWorse() >= marginal.pWorse());
    assertFalse(adjusted.stream().skip(1).anyMatch(c -> c.outcome() == Outcome.REGRESSED));
    assertTrue(adjusted.get(0).note().contains("Holm-adjusted over 50 comparisons"), adjusted.get(0).note());
  }

  @Test
  void againstHistory_tenSteadyRunsAndThirtyPercentSlower_fails() {
    List<Result> history = steadyHistory(10, 18);
    HistoryCheck h = JUDGE.againstHistory(history, Fixtures.result(KEY, TIME, 1300, 1301, 1302), TIME);
    assertEquals(Outcome.REGRESSED, h.outcome());
    assertEquals(Status.FAIL, h.status());
    assertEquals(10, h.runs());
  }

  @Test
  void againstHistory_threeRuns_warnsAtMost() {
    HistoryCheck h = JUDGE.againstHistory(steadyHistory(3, 19), Fixtures.result(KEY, TIME, 2000, 2001, 2002), TIME);
    assertEquals(Outcome.REGRESSED, h.outcome());
    assertTrue(h.advisory());
    assertEquals(Status.WARN, h.status());
  }

  @Test
  void againstHistory_twoRunsApartAndAValueInsideTheirWideInterval_isInconclusiveNotUnchanged() {
    // Two stored runs 10 % apart: Student's t at 1 degree of freedom (12.7) stretches the interval
    // far past +35 %, which a history of two runs cannot tell from its spread.
    List<Result> history = List.of(Fixtures.result(KEY, TIME, 1000, 1001, 1002), Fixtures.result(KEY, TIME, 1100, 1101, 1102));
    HistoryCheck far = JUDGE.againstHistory(history, Fixtures.result(KEY, TIME, 1420, 1421, 1422), TIME);
    HistoryCheck near = JUDGE.againstHistory(history, Fixtures.result(KEY, TIME, 1055, 1056, 1057), TIME);

    assertTrue(far.high() > 1422, "the interval holds the value: " + far.high());
    assertEquals(Outcome.INCONCLUSIVE, far.outcome(), far.message());
    assertEquals(Status.PASS, far.status(), "an advisory check that cannot tell does not fail");
    assertTrue(far.message().contains("inconclusive"), far.message());
    assertFalse(far.message().contains("unchanged"), far.message());
    assertEquals(Outcome.UNCHANGED, near.outcome(), near.message());
  }

  @Test
  void againstHistory_fiveOrMoreRuns_insideTheInterval_staysUnchanged() {
    // Runs 20 % apart (lognormal sigma 0.2): the interval is wide and gating, so inside it is unchanged.
    Random r = new Random(5);
    List<Result> history = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      history.add(Fixtures.result(KEY, TIME, Noise.LOGNORMAL.draw(r, 5, 1000, 0.2)));
    }
    HistoryCheck h = JUDGE.againstHistory(history, Fixtures.result(KEY, TIME, 1000 * h8(history) * 1.08), TIME);
    assertTrue(h.high() > h.median() * 1.08, "interval " + h.low() + " .. " + h.high());
    assertEquals(Outcome.UNCHANGED, h.outcome(), h.message());
  }

  private static double h8(List<Result> history) {
    double[] medians = history.stream().mapToDouble(x -> dev.perfgate.api.internal.stats.Median.of(x.trialValues(TIME)))
        .sorted().toArray();
    return (medians[3] + medians[4]) / 2 / 1000;
  }

  @Test
  void againstHistory_oneOddStoredRun_movesNothing() {
    List<Result> history = steadyHistory(10, 20);
    List<Result> withOdd = new ArrayList<>(history);
    withOdd.set(4, Fixtures.result(KEY, TIME, 3000, 3001, 3002));
    HistoryCheck clean = JUDGE.againstHistory(history, Fixtures.result(KEY, TIME, 1000, 1001, 1002), TIME);
    HistoryCheck odd = JUDGE.againstHistory(withOdd, Fixtures.result(KEY, TIME, 1000, 1001, 1002), TIME);
    assertEquals(Outcome.UNCHANGED, odd.outcome());
    assertEquals(clean.median(), odd.median(), clean.median() * 0.01);
    assertTrue(odd.high() < 1100, "upper bound " + odd.high());
  }

  @Test
  void againstHistory_otherEnvironmentOnly_isNotComparable() {
    List<Result> history = List.of(Fixtures.result(KEY, Fixtures.otherEnvironment(), TIME, 1000),
        Fixtures.result(KEY, Fixtures.otherEnvironment(), TIME, 1000));
    HistoryCheck h = JUDGE.againstHistory(history, Fixtures.result(KEY, TIME, 1000), TIME);
    assertEquals(Outcome.NOT_COMPARABLE, h.outcome());
    assertEquals(Status.NOT_MEASURED, h.status());
    assertTrue(h.note().contains("0 stored run(s)"), h.note());
  }

  private static List<Result> steadyHistory(int runs, long seed) {
    Random r = new Random(seed);
    List<Result> history = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      history.add(Fixtures.result(KEY, TIME, Noise.LOGNORMAL.draw(r, 5, 1000, 0.02)));
    }
    return history;
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, Double.POSITIVE_INFINITY, Double.NaN})
  void builder_badNoiseFloor_isRejectedWithTheValue(double floor) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RegressionJudge.newBuilder().noiseFloor(floor));
    assertTrue(e.getMessage().startsWith("noise floor (" + floor + ")"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"tolerance, -0.2", "confidence, 0.4", "confidence, 1.0"})
  void builder_badSetting_isRejectedWithTheValue(String option, double value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
      if (option.equals("tolerance")) {
        RegressionJudge.newBuilder().tolerance(value);
      } else {
        RegressionJudge.newBuilder().confidence(value);
      }
    });
    assertTrue(e.getMessage().startsWith(option + " (" + value + ")"), e.getMessage());
  }

  @Test
  void builder_optionSetTwice_isRejected() {
    RegressionJudge.Builder b = RegressionJudge.newBuilder().tolerance(0.1);
    assertThrows(IllegalStateException.class, () -> b.tolerance(0.2));
  }
}
