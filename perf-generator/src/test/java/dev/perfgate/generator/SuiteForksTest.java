package dev.perfgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Result;
import dev.perfgate.api.Trial;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forks option where no fork can start: its checks and the fallback to this JVM. */
final class SuiteForksTest {

  @Test
  void forks_whereNoEntryPointCanBeRerun_runInThisJvm_withAWarningThatSaysWhy() {
    // A plain @Test is no entry point a child could rerun (only @PerfTest methods and main classes are).
    Report report = Suite.newBuilder().options(SuiteTest.FAST).quiet().forks(2)
        .benchmark(Benchmark.of("here", () -> 1)).build().run();
    Result r = report.results().get(0);
    assertTrue(r.succeeded(), r.toString());
    assertTrue(r.trials().stream().allMatch(t -> t.fork() == 0), r.trials().toString());
    assertEquals(SuiteTest.FAST.trials(), r.trials().size());
    assertTrue(report.warnings().stream().anyMatch(w -> w.startsWith("perfgate.forks=2: the suite's benchmarks cannot"
        + " be rebuilt in another JVM from here")), report.warnings().toString());
  }

  @Test
  void forks_negative_isRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Suite.newBuilder().forks(-1));
    assertEquals("forks (-1) must be >= 0 (0 runs in this JVM)", e.getMessage());
  }

  @Test
  void forksSetting_isRead_andChecked() {
    assertEquals(0, Settings.from(Map.of()).forks());
    assertEquals(2, Settings.from(Map.of(Settings.FORKS, "2")).forks());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.from(Map.of(Settings.FORKS, "-1")).forks());
    assertEquals("perfgate.forks (-1) must be >= 0", e.getMessage());
  }

  @Test
  void trial_withoutAFork_isFork0() {
    assertEquals(0, new Trial(3, java.util.List.of(), Map.of()).fork());
    assertEquals(1, new Trial(3, java.util.List.of(), Map.of()).inFork(5, 1).fork());
  }
}
