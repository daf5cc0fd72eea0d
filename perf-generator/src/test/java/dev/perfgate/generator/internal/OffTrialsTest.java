package dev.perfgate.generator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class OffTrialsTest {

  /** A trial of five samples of 1,000 operations, each sample at the given ns per operation. */
  private static Trial trial(int index, double wallPerOp, double cpuPerOp) {
    List<Sample> samples = new ArrayList<>();
    for (int s = 0; s < 5; s++) {
      Map<Metric, Double> values = Double.isNaN(cpuPerOp) ? Map.of() : Map.of(Metric.CPU_TIME, cpuPerOp);
      samples.add(new Sample(1_000, Math.round(wallPerOp * 1_000), values));
    }
    return new Trial(index, samples, Map.of());
  }

  private static List<Trial> trials(double[] wall, double[] cpu) {
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < wall.length; i++) {
      out.add(trial(i, wall[i], cpu == null ? Double.NaN : cpu[i]));
    }
    return out;
  }

  @Test
  void warnings_coldFirstTrial_isFlaggedWithItsRatio() {
    // The per-trial medians the issue reported for a ~20 us JSON parse.
    double[] wall = {146532, 25156, 18765, 18373, 18500, 18800, 18420, 18610};
    List<String> w = OffTrials.warnings(trials(wall, wall));
    assertEquals(2, w.size(), w.toString());
    assertTrue(w.get(0).startsWith("trial 0 of 8: CPU time per operation"), w.get(0));
    assertTrue(w.get(0).contains("x the median trial's"), w.get(0));
    assertTrue(w.get(0).contains("JIT"), w.get(0));
    assertTrue(w.get(1).startsWith("trial 1 of 8"), w.get(1));
  }

  @Test
  void warnings_slowTrialWhoseThreadPagedInFreshMemory_namesThePageFaults() {
    // Fork trials of the JSON parse: the third sat at 7x while its heap was paged in (6559 faults a
    // batch of 500 calls); the fifth was as slow with few faults, which say nothing.
    double[] cpu = {37_700, 36_900, 268_000, 38_100, 262_000, 37_200, 36_800, 38_400};
    List<String> w = OffTrials.warnings(trials(cpu, cpu), Map.of(2, 32_795L, 4, 12L, 0, 0L));
    assertEquals(2, w.size(), w.toString());
    assertTrue(w.get(0).startsWith("trial 2 of 8: CPU time per operation 268 us is 7."), w.get(0));
    assertTrue(w.get(0).endsWith("(its thread paged in fresh memory meanwhile, 32795 page faults, on its own CPU time;"
        + " where that is a young heap, -Xms with -XX:+AlwaysPreTouch pages it in at the JVM's start)"), w.get(0));
    assertTrue(w.get(1).startsWith("trial 4 of 8") && w.get(1).endsWith("(the machine or the JIT disturbed it)"),
        w.get(1));
  }

  @Test
  void warnings_trialsThatAgree_flagNothing() {
    double[] wall = {20_100, 19_900, 20_400, 20_000, 19_700, 20_300, 20_050, 19_950};
    assertTrue(OffTrials.warnings(trials(wall, wall)).isEmpty());
  }

  @Test
  void warnings_trialsThatAlwaysSpreadWidely_flagOnlyWhatIsFarBeyondTheirSpread() {
    double[] wall = {100, 140, 80, 120, 90, 130, 70, 110};
    assertTrue(OffTrials.warnings(trials(wall, wall)).isEmpty(), "a wide but even spread is not an outlier");
  }

  @Test
  void warnings_wallDisturbedButCpuSteady_judgesOnCpu() {
    double[] wall = {20_000, 60_000, 20_000, 20_000, 20_000, 20_000, 20_000, 20_000};
    double[] cpu = {19_000, 19_100, 18_900, 19_000, 19_050, 18_950, 19_000, 19_000};
    assertTrue(OffTrials.warnings(trials(wall, cpu)).isEmpty());
    assertEquals(1, OffTrials.warnings(trials(wall, null)).size(), "without CPU time, wall time decides");
  }

  @Test
  void warnings_tooFewTrials_sayNothing() {
    assertTrue(OffTrials.warnings(trials(new double[] {1000, 10, 10}, null)).isEmpty());
  }
}
