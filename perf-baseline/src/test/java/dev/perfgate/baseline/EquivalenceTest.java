package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * "Unchanged" is two one-sided tests against the noise floor (Schuirmann's TOST), each at the
 * level of the one-sided test that finds a regression: seeded sample sets with known true ratios.
 */
class EquivalenceTest {
  private static final BenchmarkKey KEY = BenchmarkKey.of("fold");
  private static final Metric TIME = Metric.WALL_TIME;
  private static final RegressionJudge JUDGE = RegressionJudge.defaults();
  private static final int SEEDS = 2000;

  /** Forks of trials: fork levels {@code ratio x 1000 x exp(N(0, between))}, trials {@code x exp(N(0, within))}. */
  private static Result side(Random r, int forks, int trials, double between, double within, double ratio) {
    double[][] v = ForkLevelJudgeTest.draw(r, forks, trials, between, within);
    for (double[] f : v) {
      for (int k = 0; k < f.length; k++) {
        f[k] *= ratio;
      }
    }
    Result forked = ForkLevelJudgeTest.forked(v);
    return forks == 1 ? ForkLevelJudgeTest.oneFork(forked) : forked;
  }

  /** Over {@link #SEEDS} seeds: {unchanged by the rule, unchanged by the old rule (reported interval inside the band)}. */
  private static int[] unchanged(int forks, int trials, double between, double within, double trueRatio) {
    int now = 0;
    int inside = 0;
    double band = Math.log1p(JUDGE.noiseFloor());
    // One stream for all the sets: the first draws of Random(0), Random(1), ... are correlated, and
    // biased the shift of 2000 sets by a tenth of the floor.
    Random r = new Random(2026);
    for (int i = 0; i < SEEDS; i++) {
      Comparison c = JUDGE.compare(side(r, forks, trials, between, within, 1), side(r, forks, trials, between, within,
          trueRatio), TIME);
      now += c.outcome() == Outcome.UNCHANGED ? 1 : 0;
      inside += Math.log(c.ciLow()) >= -band && Math.log(c.ciHigh()) <= band ? 1 : 0;
    }
    return new int[] {now, inside};
  }

  @Test
  void aChangeOfTheFloor_isCalledUnchangedAtMostAlphaOfTheTime_forksAndTrials() {
    // The worst case for a false "unchanged": the true change sits on the floor (3 %), on either side.
    // Fork level: 6 forks of 5 trials a side, 1.5 % between forks. Trial level: one JVM, 10 trials, 1.5 %.
    int[] forksUp = unchanged(6, 5, 0.015, 0.005, 1.03);
    int[] forksDown = unchanged(6, 5, 0.015, 0.005, 1 / 1.03);
    int[] trialsUp = unchanged(1, 10, 0, 0.015, 1.03);
    System.out.printf("true change at the floor, %d seeds: unchanged (forks) %d and %d, (trials) %d%n", SEEDS,
        forksUp[0], forksDown[0], trialsUp[0]);
    // alpha = 5 %: at most 100 of 2000, with room for the seeds' own spread (sd about 10).
    assertTrue(forksUp[0] <= 120, "false unchanged, forks, +3 %: " + forksUp[0]);
    assertTrue(forksDown[0] <= 120, "false unchanged, forks, -3 %: " + forksDown[0]);
    assertTrue(trialsUp[0] <= 120, "false unchanged, trials, +3 %: " + trialsUp[0]);
  }

  @Test
  void sameCode_isCalledUnchangedMoreOftenThanByTheReportedInterval() {
    // Same code, an interval whose half-width is near the floor: the ~10 us fold between CI runs.
    int[] forks = unchanged(6, 5, 0.02, 0.005, 1);
    int[] trials = unchanged(1, 10, 0, 0.02, 1);
    System.out.printf("same code, %d seeds: unchanged (forks) %d, by the reported interval %d; (trials) %d, %d%n",
        SEEDS, forks[0], forks[1], trials[0], trials[1]);
    assertTrue(forks[0] > forks[1] + SEEDS / 10, Arrays.toString(forks));
    assertTrue(trials[0] > trials[1] + SEEDS / 10, Arrays.toString(trials));
  }

  @Test
  void unchangedByTheTests_saysSo_andHolmKeepsIt() {
    Comparison witness = null;
    Random r = new Random(2026);
    for (int i = 0; i < SEEDS && witness == null; i++) {
      Comparison c = JUDGE.compare(side(r, 6, 5, 0.02, 0.005, 1), side(r, 6, 5, 0.02, 0.005, 1), TIME);
      if (c.outcome() == Outcome.UNCHANGED && c.ciHigh() > 1.03) {
        witness = c;
      }
    }
    assertTrue(witness != null, "no seed gave an unchanged comparison whose 95 % interval reaches beyond 3 %");
    assertTrue(witness.note().contains("unchanged by two one-sided tests: 90 % CI "), witness.note());
    assertTrue(witness.note().contains(" inside 3 % noise"), witness.note());
    assertEquals(Outcome.UNCHANGED, Comparisons.holm(List.of(witness, witness, witness)).get(0).outcome());
    assertEquals(Outcome.UNCHANGED, Comparisons.sequential(List.of(witness), 0.95).outcome());
    System.out.println(witness.toVerdict().message());
  }
}
