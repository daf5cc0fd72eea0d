package dev.perfgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Result;
import dev.perfgate.api.Trial;
import dev.perfgate.baseline.BaselineStores;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void autoForks_withBaselines_whereNoEntryPointCanBeRerun_runInThisJvm_withoutAWarning(@TempDir Path store) {
    // auto asks for forks only where they can run: a plain @Test measures here, as it always has.
    Report report = Suite.newBuilder().options(SuiteTest.FAST).quiet().baselines(BaselineStores.directory(store))
        .benchmark(Benchmark.of("here", () -> 1)).build().run();
    Result r = report.results().get(0);
    assertTrue(r.trials().stream().allMatch(t -> t.fork() == 0), r.trials().toString());
    assertTrue(report.warnings().stream().noneMatch(w -> w.startsWith("perfgate.forks")), report.warnings().toString());
  }

  @Test
  void forks_negative_isRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Suite.newBuilder().forks(-1));
    assertEquals("forks (-1) must be >= 0 (0 runs in this JVM)", e.getMessage());
  }

  @Test
  void forksSetting_isRead_andChecked() {
    assertEquals(Settings.AUTO, Settings.from(Map.of()).forks());
    assertEquals(Settings.AUTO, Settings.from(Map.of(Settings.FORKS, " Auto ")).forks());
    assertEquals(0, Settings.from(Map.of(Settings.FORKS, "0")).forks());
    assertEquals(2, Settings.from(Map.of(Settings.FORKS, "2")).forks());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.from(Map.of(Settings.FORKS, "-1")).forks());
    assertEquals("perfgate.forks (-1) must be >= 0 (or auto)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Settings.from(Map.of(Settings.FORKS, "two")).forks());
    assertEquals("perfgate.forks (two) must be auto or a whole number >= 0", e.getMessage());
  }

  @Test
  void trial_withoutAFork_isFork0() {
    assertEquals(0, new Trial(3, java.util.List.of(), Map.of()).fork());
    assertEquals(1, new Trial(3, java.util.List.of(), Map.of()).inFork(5, 1).fork());
  }
}
