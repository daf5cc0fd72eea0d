package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Ruler;
import dev.perfgate.api.Status;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class MachineChangeTest {

  private static final BenchmarkKey KEY = BenchmarkKey.of("render");
  private static final Comparison.Limits LIMITS = new Comparison.Limits(0.03, 0.20, 0.95, 0);

  /** A ruler whose three parts take these medians (ms) with a 1 % spread over 9 trials. */
  private static Optional<Ruler> ruler(double cpuMs, double memoryMs, double filesMs) {
    return Optional.of(new Ruler(List.of(part("cpu", cpuMs), part("memory", memoryMs), part("files", filesMs)),
        Duration.ofMillis(400)));
  }

  private static Ruler.Part part(String name, double ms) {
    return new Ruler.Part(name, ms * 1e6, ms * 1e4, 9);
  }

  /** A time regression of {@code ratio} with a tight interval, as RegressionJudge gives it. */
  private static Comparison regressed(double ratio) {
    return new Comparison(KEY, Metric.WALL_TIME, Outcome.REGRESSED,
        new Comparison.Shift(Comparison.Scale.RATIO, ratio, ratio * 0.98, ratio * 1.02, 1e-4, 1),
        new Comparison.Sides(8, 8, 1e6), LIMITS, "");
  }

  private static final Optional<Ruler> BEFORE = ruler(20, 10, 5);
  private static final Optional<Ruler> THIRTY_PERCENT_SLOWER = ruler(26, 13, 6.5);

  @Test
  void between_thirtyPercentSlowerRuler_isAMachineSlowerByThirtyPercent() {
    MachineChange m = MachineChange.between(BEFORE, THIRTY_PERCENT_SLOWER).orElseThrow();
    assertTrue(m.changed());
    assertTrue(m.slower());
    assertEquals(1.30, m.ratio(), 1e-9);
    assertEquals(3, m.parts().stream().filter(p -> p.moved() > 0).count());
    assertEquals(2 * Math.hypot(0.01, 0.01), m.parts().get(0).noise(), 1e-12);
    assertEquals("machine slower by 30.0 % (ruler cpu +30.0 %, memory +30.0 %, files +30.0 %)", m.message());
  }

  @Test
  void apply_twentyFivePercentRegressionOnAThirtyPercentSlowerMachine_passesAsMachineSlower() {
    Comparison before = regressed(1.25);
    assertEquals(Status.FAIL, before.status(), "beyond the 20 % tolerance on its own");
    Comparison after = MachineChange.between(BEFORE, THIRTY_PERCENT_SLOWER).orElseThrow().apply(List.of(before)).get(0);
    assertEquals(Outcome.UNCHANGED, after.outcome());
    assertEquals(Status.PASS, after.status());
    assertEquals(before.shift(), after.shift(), "the figures stay as measured");
    assertEquals("render  time.wall +25.0 % vs baseline (95 % CI +22.5 .. +27.5 %)  beyond 3 % noise, within the"
        + " machine's change; machine slower by 30.0 % (ruler cpu +30.0 %, memory +30.0 %, files +30.0 %): the change"
        + " is within it  PASS", after.message());
  }

  @Test
  void apply_sixtyPercentRegressionOnAThirtyPercentSlowerMachine_stillFails() {
    Comparison after = MachineChange.between(BEFORE, THIRTY_PERCENT_SLOWER).orElseThrow()
        .apply(List.of(regressed(1.60))).get(0);
    assertEquals(Outcome.REGRESSED, after.outcome());
    assertEquals(Status.FAIL, after.status());
    assertTrue(after.message().contains("machine slower by 30.0 %"), after.message());
    assertTrue(after.message().contains("and the change goes beyond it"), after.message());
  }

  @Test
  void apply_regressionJustBeyondTheMachinesChangeAndTheNoiseFloor_keepsItsOutcome() {
    MachineChange m = MachineChange.between(BEFORE, THIRTY_PERCENT_SLOWER).orElseThrow();
    assertEquals(Outcome.UNCHANGED, m.apply(List.of(regressed(1.30 * 1.03 - 1e-9))).get(0).outcome());
    assertEquals(Outcome.REGRESSED, m.apply(List.of(regressed(1.30 * 1.03 + 1e-6))).get(0).outcome());
  }

  @Test
  void apply_unchangedRuler_changesNothing() {
    List<Comparison> all = List.of(regressed(1.25), regressed(1.60));
    MachineChange m = MachineChange.between(BEFORE, ruler(20.1, 9.95, 5.02)).orElseThrow();
    assertFalse(m.changed());
    assertEquals(1, m.ratio());
    assertEquals(all, m.apply(all));
  }

  @Test
  void between_oneOddPart_isNotAMachineChange() {
    MachineChange m = MachineChange.between(BEFORE, ruler(20, 10, 15)).orElseThrow();
    assertFalse(m.changed(), "only the files part moved: " + m);
    assertEquals(List.of(regressed(1.25)), m.apply(List.of(regressed(1.25))));
  }

  @Test
  void between_twoPartsSlower_sizesTheChangeByTheMedianPart() {
    MachineChange m = MachineChange.between(BEFORE, ruler(30, 12, 5)).orElseThrow();
    assertTrue(m.slower());
    assertEquals(1.20, m.ratio(), 1e-9, "the middle of +50 %, +20 % and +0 %");
  }

  @Test
  void between_aRulerMovedWithinItsOwnNoise_isNoChange() {
    Ruler.Part noisy = new Ruler.Part("cpu", 20e6, 4e6, 9); // 20 % spread
    Optional<Ruler> before = Optional.of(new Ruler(List.of(noisy), Duration.ZERO));
    Optional<Ruler> after = Optional.of(new Ruler(List.of(new Ruler.Part("cpu", 26e6, 5.2e6, 9)), Duration.ZERO));
    assertFalse(MachineChange.between(before, after).orElseThrow().changed(), "+30 % within a 57 % noise band");
  }

  @Test
  void between_withoutARulerOnEitherSide_isEmpty() {
    assertEquals(Optional.empty(), MachineChange.between(Optional.empty(), THIRTY_PERCENT_SLOWER));
    assertEquals(Optional.empty(), MachineChange.between(BEFORE, Optional.empty()));
  }

  @Test
  void apply_countsAndImprovements_areNotExcused_butAFasterMachineIsNamed() {
    Comparison alloc = new Comparison(KEY, Metric.ALLOCATED_BYTES, Outcome.REGRESSED,
        new Comparison.Shift(Comparison.Scale.DIFFERENCE, 800, 790, 810, 1e-4, 1), new Comparison.Sides(8, 8, 1000),
        new Comparison.Limits(0.03, 0.20, 0.95, 8), "");
    MachineChange slower = MachineChange.between(BEFORE, THIRTY_PERCENT_SLOWER).orElseThrow();
    assertEquals(List.of(alloc), slower.apply(List.of(alloc)), "allocation does not follow the machine's speed");

    MachineChange faster = MachineChange.between(THIRTY_PERCENT_SLOWER, BEFORE).orElseThrow();
    assertTrue(faster.changed());
    assertFalse(faster.slower());
    Comparison after = faster.apply(List.of(regressed(1.25))).get(0);
    assertEquals(Status.FAIL, after.status(), "a faster machine excuses nothing");
    assertTrue(after.message().contains("machine faster by 23.1 %"), after.message());
  }

  private static HistoryCheck historyRegressed(double value) {
    return new HistoryCheck(KEY, Metric.WALL_TIME, Outcome.REGRESSED, value,
        new HistoryCheck.Prediction(1000, 970, 1030, 12), LIMITS, "");
  }

  @Test
  void applyToHistory_twentyFivePercentAboveTheMedianOnAThirtyPercentSlowerMachine_passes_andSixtyStillFails() {
    assertEquals(Status.FAIL, historyRegressed(1250).status());
    MachineChange m = MachineChange.between(BEFORE, THIRTY_PERCENT_SLOWER).orElseThrow();
    List<HistoryCheck> after = m.applyToHistory(List.of(historyRegressed(1250), historyRegressed(1600)));
    assertEquals(Status.PASS, after.get(0).status(), after.get(0).message());
    assertEquals("render  time.wall 1.25 us vs history median 1 us (+25.0 %), prediction 970 ns .. 1.03 us over 12"
        + " runs (machine slower by 30.0 % (ruler cpu +30.0 %, memory +30.0 %, files +30.0 %): the change is within"
        + " it)  unchanged  PASS", after.get(0).message());
    assertEquals(Status.FAIL, after.get(1).status(), after.get(1).message());
    assertTrue(after.get(1).message().contains("and the change goes beyond it"), after.get(1).message());
    MachineChange same = MachineChange.between(BEFORE, BEFORE).orElseThrow();
    assertEquals(List.of(historyRegressed(1250)), same.applyToHistory(List.of(historyRegressed(1250))));
  }

  @Test
  void typical_ofSeveralRuns_isEachPartsMedian_withTheSpreadBetweenRunsWhereItIsLarger() {
    Ruler a = ruler(20, 10, 5).orElseThrow();
    Ruler b = ruler(22, 10, 5).orElseThrow();
    Ruler c = ruler(30, 10, 5).orElseThrow();
    Ruler typical = MachineChange.typical(List.of(a, b, c)).orElseThrow();
    Ruler.Part cpu = typical.part("cpu").orElseThrow();
    assertEquals(22e6, cpu.median(), 1e-6);
    assertEquals(1.4826 * 2e6, cpu.spread(), 1e-3, "MAD of 20, 22, 30 ms is 2 ms, above the 0.22 ms within a run");
    assertEquals(27, cpu.trials());
    Ruler.Part memory = typical.part("memory").orElseThrow();
    assertEquals(10e6, memory.median(), 1e-6);
    assertEquals(1e5, memory.spread(), 1e-6, "no spread between runs: the runs' own");
    assertEquals(Optional.empty(), MachineChange.typical(List.of()));
  }
}
