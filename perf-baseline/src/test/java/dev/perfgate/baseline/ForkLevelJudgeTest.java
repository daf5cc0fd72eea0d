package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Status;
import dev.perfgate.api.Trial;
import dev.perfgate.api.internal.stats.LogScale;
import dev.perfgate.api.internal.stats.RankShift;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The comparison with trials nested in forks: seeded synthetic runs where each fork (JVM) draws its
 * own level, as JIT decisions and heap layout do, and the trials of a fork scatter little around it.
 */
final class ForkLevelJudgeTest {

  private static final BenchmarkKey KEY = BenchmarkKey.of("parse");
  private static final Metric TIME = Metric.WALL_TIME;
  /** A 1 % floor, so that a 3 % between-fork spread is well beyond the margin. */
  private static final RegressionJudge JUDGE = RegressionJudge.newBuilder().noiseFloor(0.01).build();

  /** A result whose trial k of fork f has the value {@code values[f][k]}. */
  static Result forked(double[][] values) {
    double[] flat = Arrays.stream(values).flatMapToDouble(Arrays::stream).toArray();
    Result r = Fixtures.result(KEY, TIME, flat);
    List<Trial> trials = new ArrayList<>();
    int i = 0;
    for (int f = 0; f < values.length; f++) {
      for (int k = 0; k < values[f].length; k++) {
        trials.add(r.trials().get(i).inFork(i, f));
        i++;
      }
    }
    return withTrials(r, trials);
  }

  static Result withTrials(Result r, List<Trial> trials) {
    return new Result(r.key(), trials, r.notMeasured(), r.warnings(), r.error(), r.environment(), r.startedAt(),
        r.elapsed(), r.cause(), r.annotations());
  }

  /** The same trials, all in fork 0: what a run without forks stores. */
  static Result oneFork(Result r) {
    return withTrials(r, r.trials().stream().map(t -> t.inFork(t.index(), 0)).toList());
  }

  /** {@code forks} forks of {@code trials} trials: fork level 1000 x exp(N(0, between)), trials x exp(N(0, within)). */
  static double[][] draw(Random r, int forks, int trials, double between, double within) {
    double[][] v = new double[forks][trials];
    for (int f = 0; f < forks; f++) {
      double level = 1000 * Math.exp(between * r.nextGaussian());
      for (int k = 0; k < trials; k++) {
        v[f][k] = level * Math.exp(within * r.nextGaussian());
      }
    }
    return v;
  }

  private static boolean covers(Comparison c, double ratio) {
    return c.shift().low() <= ratio && ratio <= c.shift().high();
  }

  @Test
  void compare_sameCodeWithBetweenForkNoise_forkLevelIntervalCoversWhereTheTrialLevelOneCallsAShift() {
    // Same code on both sides: the true ratio is 1. 4 forks of 5 trials, 3 % between forks, 0.5 % within.
    int seeds = Integer.getInteger("forkSeeds", 200);
    int forkCovers = 0;
    int trialCovers = 0;
    int forkAlarms = 0;
    int trialAlarms = 0;
    Comparison witness = null;
    Comparison witnessTrials = null;
    // One stream for all the sets: the first draws of Random(0), Random(1), ... are correlated.
    Random r = new Random(2026);
    for (int seed = 0; seed < seeds; seed++) {
      Result a = forked(draw(r, 4, 5, 0.03, 0.005));
      Result b = forked(draw(r, 4, 5, 0.03, 0.005));
      Comparison byFork = JUDGE.compare(a, b, TIME);
      Comparison byTrial = JUDGE.compare(oneFork(a), oneFork(b), TIME);
      forkCovers += covers(byFork, 1) ? 1 : 0;
      trialCovers += covers(byTrial, 1) ? 1 : 0;
      boolean forkAlarm = byFork.outcome() == Outcome.REGRESSED || byFork.outcome() == Outcome.IMPROVED;
      boolean trialAlarm = byTrial.outcome() == Outcome.REGRESSED || byTrial.outcome() == Outcome.IMPROVED;
      forkAlarms += forkAlarm ? 1 : 0;
      trialAlarms += trialAlarm ? 1 : 0;
      if (witness == null && trialAlarm && covers(byFork, 1) && !forkAlarm) {
        witness = byFork;
        witnessTrials = byTrial;
      }
    }
    System.out.printf("A/A over %d seeds: fork-level interval covers 1 in %d, trial-level in %d;"
        + " alarms fork-level %d, trial-level %d%n", seeds, forkCovers, trialCovers, forkAlarms, trialAlarms);
    System.out.println("trial level: " + witnessTrials.toVerdict().message());
    System.out.println("fork level:  " + witness.toVerdict().message());
    // 95 % intervals: the fork-level one is valid (about 190 of 200); trials counted as independent are not.
    // Printed: covers 1 in 189 (fork level) and 116 (trial level); alarms 2 and 45. Over 2000 sets
    // (-DforkSeeds=2000): 1910 (95.5 %) and 1172 (58.6 %), alarms 37 (1.9 %) and 400 (20.0 %).
    assertTrue(forkCovers >= 175, "fork-level coverage " + forkCovers + " of " + seeds);
    assertTrue(trialCovers <= 130, "trial-level coverage " + trialCovers + " of " + seeds);
    assertTrue(forkAlarms <= 12, "fork-level false alarms " + forkAlarms);
    assertTrue(trialAlarms >= 35, "trial-level false alarms " + trialAlarms);
    assertTrue(witness.note().contains("fork medians compared (4 before, 4 now)"), witness.note());
  }

  @Test
  void compare_tenPercentSlowerWithFiveForks_isRegressed() {
    Random r = new Random(3);
    double[][] after = draw(r, 5, 5, 0.01, 0.005);
    for (double[] f : after) {
      for (int k = 0; k < f.length; k++) {
        f[k] *= 1.10;
      }
    }
    Comparison c = JUDGE.compare(forked(draw(r, 5, 5, 0.01, 0.005)), forked(after), TIME, List.of());
    assertEquals(Outcome.REGRESSED, c.outcome(), c.toString());
    assertTrue(covers(c, 1.10), c.toString());
    // no stored runs: the change is of this run against one other, and the note says what that leaves out
    assertTrue(c.note().contains(Comparer.ONE_RUN_A_SIDE), c.note());
  }

  @Test
  void compare_oneForkPerSide_isTheRankComparisonOfTrialsAsBefore() {
    Random r = new Random(5);
    Result a = Fixtures.result(KEY, TIME, Fixtures.Noise.LOGNORMAL.draw(r, 10, 1000, 0.02));
    Result b = Fixtures.result(KEY, TIME, Fixtures.Noise.LOGNORMAL.draw(r, 10, 1030, 0.02));
    Comparison c = JUDGE.compare(a, b, TIME);
    RankShift s = RankShift.of(LogScale.of(a.trialValues(TIME)), LogScale.of(b.trialValues(TIME)), 0.95);
    assertEquals(Math.exp(s.shift()), c.shift().value(), 1e-12);
    assertEquals(Math.exp(s.low()), c.shift().low(), 1e-12);
    assertEquals(Math.exp(s.high()), c.shift().high(), 1e-12);
    assertEquals(s.pGreater(), c.shift().pWorse(), 1e-12);
    assertEquals("", c.note());
  }

  @Test
  void compare_forksInTwoModes_saysSoAndShowsBoth() {
    Random r = new Random(8);
    double[][] now = draw(r, 4, 5, 0.001, 0.003);
    for (int k = 0; k < 5; k++) {
      now[2][k] *= 1.4;
      now[3][k] *= 1.4;
    }
    Comparison c = JUDGE.compare(forked(draw(r, 4, 5, 0.001, 0.003)), forked(now), TIME);
    System.out.println(c.toVerdict().message());
    assertTrue(c.note().contains("now forks disagree (two modes): 2 forks near 1."), c.note());
    assertTrue(c.note().contains(", 2 forks near 1.4"), c.note());
    assertFalse(c.note().contains("baseline forks disagree"), c.note());
  }

  @Test
  void compare_forksWithOrdinaryBetweenForkNoise_rarelyReportModes() {
    // Unimodal fork levels (3 % between forks, 0.5 % between trials): any "two modes" is a false report.
    int seeds = Integer.getInteger("forkSeeds", 200);
    int reported = 0;
    Random r = new Random(2026);
    for (int seed = 0; seed < seeds; seed++) {
      Comparison c = JUDGE.compare(forked(draw(r, 4, 5, 0.03, 0.005)), forked(draw(r, 4, 5, 0.03, 0.005)), TIME);
      reported += c.note().contains("two modes") ? 1 : 0;
    }
    System.out.printf("two modes reported in %d of %d unimodal comparisons (%d sides)%n", reported, seeds, 2 * seeds);
    // Printed: 6 of 200 comparisons (6 of 400 sides, 1.5 %); over 2000 sets 74 (1.9 % of the sides).
    // Lone outlying forks are never called a mode.
    assertTrue(reported <= 12, "false two-mode notes: " + reported);
  }

  @Test
  void compare_forkedRunAgainstABaselineWithoutForks_comparesForkValues() {
    Random r = new Random(11);
    Result before = Fixtures.result(KEY, TIME, Fixtures.Noise.LOGNORMAL.draw(r, 10, 1000, 0.005));
    Comparison c = JUDGE.compare(before, forked(draw(r, 4, 5, 0.03, 0.005)), TIME);
    assertTrue(c.note().contains("fork medians compared (1 before, 4 now)"), c.note());
    assertTrue(Double.isFinite(c.shift().low()) && Double.isFinite(c.shift().high()), c.toString());
  }

  @Test
  void compare_oneForkWithHistory_keepsTheRobustShiftOfTrials_andWidensByTheRunSpread() {
    Random r = new Random(21);
    List<Result> history = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      history.add(Fixtures.result(KEY, TIME, Fixtures.Noise.LOGNORMAL.draw(r, 8, 1000 * Math.exp(0.02 * r.nextGaussian()),
          0.005)));
    }
    double[] now = Fixtures.Noise.LOGNORMAL.draw(r, 8, 1000, 0.005);
    now[0] *= 3; // a cold first trial: the shift of ranks moves little, a mean would move by 15 %
    Result current = Fixtures.result(KEY, TIME, now);
    Result baseline = history.get(history.size() - 1);
    Comparison alone = JUDGE.compare(baseline, current, TIME);
    Comparison c = JUDGE.compare(baseline, current, TIME, history);
    System.out.println("without history: " + alone.toVerdict().message());
    System.out.println("with history:    " + c.toVerdict().message());
    assertEquals(alone.shift().value(), c.shift().value(), 1e-12, "the same Hodges-Lehmann shift");
    assertTrue(c.shift().low() < alone.shift().low() && c.shift().high() > alone.shift().high(), c.toString());
    // Printed: without history +3.0 % (CI +2.5 .. +3.5 %) WARN; with history +3.0 % (CI -3.1 .. +9.6 %), the 1.9 %
    // spread between runs measured (2 % drawn), INCONCLUSIVE: the 3 % is within what two runs of the same code differ by.
    assertTrue(covers(c, 1.0), c.toString());
    assertTrue(alone.outcome() == Outcome.REGRESSED, "the test must be one the trial-level interval gets wrong: " + alone);
    assertFalse(c.outcome() == Outcome.REGRESSED, c.toString());
  }
  @Test
  void compare_changeFoundInOneJvmASide_saysTheIntervalHoldsNoNoiseBetweenJvms_onlyAgainstAStoredRun() {
    // Two runs of one JVM each, 10 % apart, trials 0.5 % apart: a change the trials alone call certain.
    Random r = new Random(11);
    Result before = forked(draw(r, 1, 8, 0, 0.005));
    Result after = forked(scale(draw(r, 1, 8, 0, 0.005), 1.10));
    Comparison stored = JUDGE.compare(before, after, TIME, List.of());
    Comparison inProcess = JUDGE.compare(before, after, TIME);

    assertEquals(Outcome.REGRESSED, stored.outcome(), stored.message());
    assertTrue(stored.note().contains(Comparer.ONE_JVM_A_SIDE), stored.note());
    assertTrue(stored.message().contains("one JVM a side: the interval holds no noise between JVMs"), stored.message());
    // Two results of one process (an A/B run) share their JVM: nothing to say.
    assertEquals(Outcome.REGRESSED, inProcess.outcome());
    assertFalse(inProcess.note().contains(Comparer.ONE_JVM_A_SIDE), inProcess.note());
  }

  @Test
  void compare_pastTheToleranceOneJvmASide_failsOnlyWhereTheWholeIntervalIsPastIt() {
    // One JVM a side, trials 20 % apart, 25 % slower: past the 20 % tolerance by the estimate, while the
    // interval, which holds no noise between JVMs, reaches back inside it.
    Random r = new Random(13);
    Result before = forked(draw(r, 1, 6, 0, 0.20));
    Result after = forked(scale(draw(r, 1, 6, 0, 0.20), 1.25));
    Comparison stored = JUDGE.compare(before, after, TIME, List.of());
    System.out.println("stored, wide:  " + stored.message());
    assertEquals(Outcome.REGRESSED, stored.outcome(), stored.message());
    assertTrue(stored.ratio() > 1.2 && stored.ciLow() < 1.2, "the case must straddle the tolerance: " + stored);
    assertTrue(stored.sides().runNoiseMissing(), stored.toString());
    assertEquals(Status.WARN, stored.status(), stored.message());
    assertTrue(stored.message().contains("past 20 % tolerance but not by the whole interval"), stored.message());

    // The same figures as an A/B run of one process: no noise between runs is missing, the estimate decides.
    Comparison inProcess = JUDGE.compare(before, after, TIME);
    assertFalse(inProcess.sides().runNoiseMissing());
    assertEquals(Status.FAIL, inProcess.status(), inProcess.message());

    // Trials 0.5 % apart: the whole interval is past the tolerance, and that fails one JVM a side too.
    Result tightBefore = forked(draw(r, 1, 8, 0, 0.005));
    Result tightAfter = forked(scale(draw(r, 1, 8, 0, 0.005), 1.30));
    Comparison tight = JUDGE.compare(tightBefore, tightAfter, TIME, List.of());
    assertTrue(tight.ciLow() > 1.2, tight.toString());
    assertEquals(Status.FAIL, tight.status(), tight.message());
  }

  @Test
  void compare_unchangedOrForked_saysNothingOfOneJvm() {
    Random r = new Random(12);
    Result before = forked(draw(r, 1, 8, 0, 0.005));
    Result same = forked(draw(r, 1, 8, 0, 0.005));
    Comparison unchanged = JUDGE.compare(before, same, TIME, List.of());
    assertEquals(Outcome.UNCHANGED, unchanged.outcome(), unchanged.message());
    assertFalse(unchanged.note().contains(Comparer.ONE_JVM_A_SIDE), unchanged.note());

    Result forkedBefore = forked(draw(r, 4, 5, 0.001, 0.005));
    Result forkedAfter = forked(scale(draw(r, 4, 5, 0.001, 0.005), 1.10));
    Comparison forks = JUDGE.compare(forkedBefore, forkedAfter, TIME, List.of());
    assertEquals(Outcome.REGRESSED, forks.outcome(), forks.message());
    assertFalse(forks.note().contains(Comparer.ONE_JVM_A_SIDE), forks.note());
  }

  private static double[][] scale(double[][] v, double factor) {
    double[][] out = new double[v.length][];
    for (int f = 0; f < v.length; f++) {
      out[f] = Arrays.stream(v[f]).map(x -> x * factor).toArray();
    }
    return out;
  }
}
