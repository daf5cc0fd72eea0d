package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.baseline.Fixtures.Noise;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sequential comparison of a variant measured more (look after look, all trials so far), and
 * its error rates on seeded synthetic trials: unchanged code looked at up to the fourth look (8,
 * 16, 32, 64 new trials against a baseline of 8) is a false regression at most 1 % of the time per
 * comparison, and a suite of 50 such comparisons with Holm's correction raises any false alarm at
 * most 5 % of the time.
 */
final class SequentialComparisonTest {

  private static final BenchmarkKey KEY = BenchmarkKey.of("render");
  private static final Metric TIME = Metric.WALL_TIME;
  private static final RegressionJudge JUDGE = RegressionJudge.defaults();
  /** New trials at looks 1 to 4: doubling, as the suite measures more. */
  private static final int[] LOOKS = {8, 16, 32, 64};

  private static Comparison look(int k, Result baseline, double[] current) {
    return JUDGE.atConfidence(Comparisons.lookConfidence(k, JUDGE.confidence()))
        .compare(baseline, Fixtures.result(KEY, TIME, current), TIME);
  }

  /** The reported comparison after each look, all four looks made. */
  private static List<Comparison> allLooks(Noise noise, double sigma, double factor, Random r) {
    Result baseline = Fixtures.result(KEY, TIME, noise.draw(r, 8, 1000, sigma));
    double[] current = noise.draw(r, LOOKS[LOOKS.length - 1], 1000 * factor, sigma);
    List<Comparison> looks = new ArrayList<>();
    List<Comparison> reported = new ArrayList<>();
    for (int k = 1; k <= LOOKS.length; k++) {
      looks.add(look(k, baseline, Arrays.copyOf(current, LOOKS[k - 1])));
      reported.add(Comparisons.sequential(looks, JUDGE.confidence()));
    }
    return reported;
  }

  @Test
  void lookConfidence_spendsHalfOnTheFirstLook() {
    assertEquals(0.975, Comparisons.lookConfidence(1, 0.95), 1e-12);
    assertEquals(1 - 0.05 * 3 / (Math.PI * Math.PI), Comparisons.lookConfidence(2, 0.95), 1e-12);
  }

  @Test
  void atConfidence_keepsTheOtherSettings_andWidensTheInterval() {
    RegressionJudge judge = RegressionJudge.newBuilder().noiseFloor(0.05).tolerance(0.3).build();
    RegressionJudge wider = judge.atConfidence(0.99);
    assertEquals(0.05, wider.noiseFloor());
    assertEquals(0.3, wider.tolerance());
    assertEquals(0.99, wider.confidence());
    assertTrue(judge.atConfidence(0.95) == judge, "the same level is the same judge");
    Random r = new Random(3);
    Result a = Fixtures.result(KEY, TIME, Noise.LOGNORMAL.draw(r, 12, 1000, 0.05));
    Result b = Fixtures.result(KEY, TIME, Noise.LOGNORMAL.draw(r, 12, 1100, 0.05));
    Comparison at95 = judge.compare(a, b, TIME);
    Comparison at99 = wider.compare(a, b, TIME);
    assertTrue(at99.ciLow() < at95.ciLow() && at99.ciHigh() > at95.ciHigh(), at95 + " / " + at99);
    assertThrows(IllegalArgumentException.class, () -> judge.atConfidence(1));
  }

  @Test
  void sequential_reportsTheLastInterval_theAnytimeP_andTheLevelOverAllLooks() {
    Random r = new Random(5);
    Result baseline = Fixtures.result(KEY, TIME, Noise.LOGNORMAL.draw(r, 8, 1000, 0.05));
    double[] current = Noise.LOGNORMAL.draw(r, 16, 1100, 0.05);
    Comparison one = look(1, baseline, Arrays.copyOf(current, 8));
    Comparison two = look(2, baseline, current);
    Comparison c = Comparisons.sequential(List.of(one, two), 0.95);
    assertEquals(two.ciLow(), c.ciLow());
    assertEquals(two.ciHigh(), c.ciHigh());
    assertEquals(two.ratio(), c.ratio());
    assertEquals(0.95, c.confidence(), "the interval sequence holds at 95 % over all looks");
    assertEquals(Math.min(1, Math.min(one.pWorse() / 0.5, two.pWorse() / (3 / (Math.PI * Math.PI)))), c.pWorse(), 1e-12);
    assertEquals(16, c.currentTrials());
    Comparison single = Comparisons.sequential(List.of(one), 0.95);
    assertEquals(Math.min(1, one.pWorse() / 0.5), single.pWorse(), 1e-12);
    Comparison other = JUDGE.compare(baseline, Fixtures.result(BenchmarkKey.of("other"), TIME, current), TIME);
    assertThrows(IllegalArgumentException.class, () -> Comparisons.sequential(List.of(one, other), 0.95));
    assertThrows(IllegalArgumentException.class, () -> Comparisons.sequential(List.of(), 0.95));
  }

  @Test
  void sequential_aClearRegression_isRegressedAtTheFirstLook() {
    Random r = new Random(7);
    List<Comparison> looks = allLooks(Noise.LOGNORMAL, 0.02, 1.3, r);
    assertEquals(Outcome.REGRESSED, looks.get(0).outcome(), looks.get(0).toString());
  }

  /**
   * Unchanged code, every look made: a comparison counts as a false regression if any of its four
   * looks reported REGRESSED, the worst any stopping rule could do.
   */
  @ParameterizedTest(name = "{0} sigma {1}")
  @CsvSource({"LOGNORMAL, 0.02", "LOGNORMAL, 0.10", "LOGNORMAL, 0.30", "HEAVY_TAILED, 0.05", "BIMODAL, 0.02"})
  void unchangedCode_atMostOnePercentFalseRegressions_perComparison(Noise noise, double sigma) {
    Random r = new Random(Double.hashCode(sigma) * 31L + noise.ordinal());
    int runs = 4000;
    int falseRegressions = 0;
    for (int i = 0; i < runs; i++) {
      if (allLooks(noise, sigma, 1.0, r).stream().anyMatch(c -> c.outcome() == Outcome.REGRESSED)) {
        falseRegressions++;
      }
    }
    double rate = falseRegressions / (double) runs;
    System.err.printf(Locale.ROOT, "RATE per comparison %s sigma %.2f, 4 looks: %d of %d false regressions (%.2f %%)%n",
        noise, sigma, falseRegressions, runs, rate * 100);
    assertTrue(rate <= 0.01, "false regressions " + rate);
  }

  /**
   * Fifty unchanged benchmarks, each looked at up to four times and stopped by the worst rule there
   * is (at its first look that reads REGRESSED, else after the fourth, when its p-values are the
   * smallest), then Holm over the anytime p-values of the suite.
   */
  @Test
  void unchangedSuiteOfFifty_withHolm_atMostFivePercentAnyFalseAlarm() {
    Random r = new Random(50);
    int suites = 400;
    int alarms = 0;
    int regressedBeforeHolm = 0;
    for (int s = 0; s < suites; s++) {
      List<Comparison> family = new ArrayList<>();
      for (int b = 0; b < 50; b++) {
        List<Comparison> looks = allLooks(Noise.LOGNORMAL, 0.10, 1.0, r);
        family.add(looks.stream().filter(c -> c.outcome() == Outcome.REGRESSED).findFirst()
            .orElse(looks.get(LOOKS.length - 1)));
      }
      regressedBeforeHolm += (int) family.stream().filter(c -> c.outcome() == Outcome.REGRESSED).count();
      if (Comparisons.holm(family).stream().anyMatch(c -> c.outcome() == Outcome.REGRESSED)) {
        alarms++;
      }
    }
    double rate = alarms / (double) suites;
    System.err.printf(Locale.ROOT, "RATE suite of 50 with Holm, sigma 0.10, up to 4 looks: %d of %d suites with a false"
        + " alarm (%.2f %%); %d false regressions before Holm%n", alarms, suites, rate * 100, regressedBeforeHolm);
    assertTrue(rate <= 0.05, "suites with a false alarm " + rate);
  }
}
