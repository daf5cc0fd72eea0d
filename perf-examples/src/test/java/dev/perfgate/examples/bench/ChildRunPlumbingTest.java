package dev.perfgate.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.generator.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark commands' plumbing, at quick settings: a child JVM runs, shares a store with the next
 * one, and its run line is parsed. No figure is judged here: only that each step happened.
 */
final class ChildRunPlumbingTest {
  private static final Set<String> COMPARED = Set.of("REGRESSED", "UNCHANGED", "INCONCLUSIVE", "IMPROVED");

  @Test
  void runLine_formattedThenParsed_isTheSameLine() {
    RunLine line = new RunLine("cpu.10us", "REGRESSED", "FAIL", false, 1.27, 1.2, 1.33,
        List.of(new RunLine.TrialValue(0, 10234.5, 1.9e6), new RunLine.TrialValue(1, 10301.25, Double.NaN)),
        List.of("time.wall vs baseline", "alloc.bytes vs history"));
    assertEquals(line, RunLine.parse("child says: " + line.format()).orElseThrow());
    assertTrue(RunLine.parse("no run line here").isEmpty());
    RunLine none = new RunLine("x", "NONE", "-", true, Double.NaN, Double.NaN, Double.NaN, List.of(), List.of());
    assertEquals("NONE", RunLine.parse(none.format()).orElseThrow().outcome());
  }

  @Test
  void runSpread_ofRunsWithOneForkEach_putsTheForkLevelIntoTheRunLevel() {
    List<RunLine> runs = List.of(run(100, 102, 101), run(110, 112, 111), run(95, 96, 97));
    RunSpread s = RunSpread.of(runs);
    assertEquals(3, s.runs());
    assertTrue(Double.isNaN(s.betweenForks()), "one fork per run: no fork level of its own");
    assertTrue(s.betweenRuns() > s.withinFork(), s.toString());
  }

  @Test
  void runSpread_ofRunsThatFollowTheirRuler_leavesLittleOnceTheMachinesSpeedIsTakenOut() {
    // Each run's times and ruler passes scaled by one factor (the machine's speed), trials 1 % apart.
    double[] speeds = {1.00, 1.06, 0.97, 1.03, 0.95};
    List<RunLine> runs = new java.util.ArrayList<>();
    for (double m : speeds) {
      runs.add(new RunLine("x", "UNCHANGED", "PASS", true, 1, 1, 1, List.of(new RunLine.TrialValue(0, 100 * m, 2e6 * m),
          new RunLine.TrialValue(0, 101 * m, 2e6 * m), new RunLine.TrialValue(0, 99 * m, 2e6 * m)), List.of()));
    }
    RunSpread s = RunSpread.of(runs);
    assertTrue(s.runMedians() > 0.03, s.toString());
    assertTrue(s.runsAdjusted() < 0.001, s.toString());
    assertTrue(Double.isNaN(RunSpread.of(List.of(run(100, 101), run(103, 104), run(98, 99))).runsAdjusted()),
        "no ruler passes: no adjusted spread");
  }

  @Test
  void cpuWorkload_recordedInOneJvm_isJudgedInAnother(@TempDir Path dir) {
    ChildJvm.Exit first = quick(ChildJvm.of(BenchChild.class).args("cpu"), dir, 0).run();
    ChildJvm.Exit second = quick(ChildJvm.of(BenchChild.class).args("cpu"), dir, 0.10).run();
    RunLine recorded = only(first);
    RunLine judged = only(second);
    assertEquals("cpu.10us", recorded.key());
    assertEquals("RECORDED", recorded.outcome(), first.tail(20));
    assertTrue(COMPARED.contains(judged.outcome()), judged + "\n" + second.tail(20));
    assertTrue(Double.isFinite(judged.ratio()), judged.toString());
    // Quick mode runs 3 trials; an undecided comparison then measures more, up to 8 times as many.
    int trials = judged.trials().size();
    assertTrue(trials >= 3 && trials <= 24, trials + " trials: " + judged);
    assertTrue(second.wallNanos() > 0);
  }

  @Test
  void userPerfTest_builtOutsideTheBuild_runsThroughTheLauncher_andItsReportIsRead(@TempDir Path dir) {
    Path classes = UserParseProject.build(dir.resolve("project"));
    Path work = dir.resolve("run");
    ChildJvm.Exit first = quick(ChildJvm.of(PerfTestChild.class).classPath(classes).args(UserParseProject.TEST_CLASS)
        .property(Settings.REPORT_DIR, work.resolve("r0").toString()), work, 0).run();
    ChildJvm.Exit second = quick(ChildJvm.of(PerfTestChild.class).classPath(classes).args(UserParseProject.TEST_CLASS)
        .property(Settings.REPORT_DIR, work.resolve("r1").toString()), work, 0).run();
    RunLine recorded = only(first);
    RunLine judged = only(second);
    assertEquals(UserParseProject.KEY, recorded.key());
    assertEquals("RECORDED", recorded.outcome(), first.tail(30));
    assertTrue(recorded.passed(), first.tail(30));
    assertTrue(COMPARED.contains(judged.outcome()), judged + "\n" + second.tail(30));
    assertFalse(judged.trials().isEmpty());
  }

  /**
   * A quick run in one JVM: the plumbing is what is checked, and auto's forks for a store without
   * history (4 JVMs, then more to fill the baseline) took this class from 20 s to 153 s of a CI run.
   */
  private static ChildJvm quick(ChildJvm child, Path dir, double extra) {
    return child.in(dir).property(Settings.QUICK, "true").property(Settings.FORKS, "0")
        .property(BenchChild.STORE, dir.resolve(".perfgate").toString())
        .property(BenchChild.EXTRA, Double.toString(extra)).timeout(Duration.ofMinutes(5));
  }

  private static RunLine only(ChildJvm.Exit exit) {
    assertEquals(0, exit.code(), exit.tail(30));
    List<RunLine> lines = exit.runLines();
    assertEquals(1, lines.size(), exit.tail(30));
    return lines.get(0);
  }

  private static RunLine run(double... nanos) {
    return new RunLine("x", "UNCHANGED", "PASS", true, 1, 1, 1,
        java.util.Arrays.stream(nanos).mapToObj(v -> new RunLine.TrialValue(0, v, Double.NaN)).toList(), List.of());
  }
}
