package dev.perfgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Provenance;
import dev.perfgate.baseline.BaselineDecision;
import dev.perfgate.baseline.BaselineStores;
import dev.perfgate.baseline.DirectoryBaselineStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite run on a branch compares with the baseline branch's baseline and never writes its files. */
final class BranchSuiteTest {
  private static final RunOptions OPTIONS = RunOptions.newBuilder().trials(3).samples(2)
      .sampleTime(Duration.ofMillis(2)).warmup(Duration.ofMillis(5)).firstWarmup(Duration.ofMillis(20))
      .maxWarmup(Duration.ofMillis(200)).build();

  private static Report run(Path store, String branch, String commit, boolean update) {
    return run(store, Map.of(Settings.BRANCH, branch, Settings.COMMIT, commit, Settings.CI_RUN_ID, "r-" + commit,
        Settings.BASELINE_UPDATE, Boolean.toString(update)));
  }

  private static Report run(Path store, Map<String, String> values) {
    Settings settings = Settings.from(values);
    return Suite.newBuilder().settings(settings).options(OPTIONS).quiet().baselines(BaselineStores.directory(store))
        .benchmark(Benchmark.of("sum", () -> Math.sqrt(System.nanoTime()))).build().run();
  }

  @Test
  void branchRun_comparesWithMainsBaseline_andLeavesMainsFilesByteForByte(@TempDir Path store) throws Exception {
    Report main = run(store, "main", "a1b2c3d4e5", false);
    assertEquals(BaselineDecision.Action.RECORDED, main.benchmarks().get(0).baseline().orElseThrow().action());
    Map<String, String> before = files(store);

    Report branch = run(store, "feature/x", "e4f5a6b7c8", true);
    BaselineDecision d = branch.benchmarks().get(0).baseline().orElseThrow();
    assertEquals(BaselineDecision.Action.KEPT, d.action(), d.message());
    assertTrue(d.message().contains("run of branch feature/x") && !d.comparisons().isEmpty(), d.message());
    assertEquals(before, files(store), "the branch run changed the baseline branch's files");

    DirectoryBaselineStore dir = BaselineStores.directory(store);
    BenchmarkKey key = main.results().get(0).key();
    assertEquals(Provenance.of("a1b2c3d4e5", "main", "r-a1b2c3d4e5"), dir.baseline(key).orElseThrow().provenance());
    assertEquals(1, dir.history(key).size());
    assertEquals(Provenance.of("e4f5a6b7c8", "feature/x", "r-e4f5a6b7c8"),
        dir.branchHistory(key, "feature/x").get(0).provenance());
  }

  @Test
  void branchRun_withAMergeBaseSetting_isComparedWithMainsRunOfThatCommit(@TempDir Path store) throws Exception {
    run(store, "main", "a1b2c3d4e5", false);
    run(store, "main", "0f0f0f0f0f", true);
    Map<String, String> before = files(store);
    Report branch = run(store, Map.of(Settings.BRANCH, "feature/x", Settings.COMMIT, "e4f5a6b7c8",
        Settings.MERGE_BASE, "a1b2c3d"));
    BaselineDecision d = branch.benchmarks().get(0).baseline().orElseThrow();
    assertTrue(d.message().contains("compared with main's run at the merge base a1b2c3d in "), d.message());
    assertEquals(before, files(store), "the branch run changed the baseline branch's files");
  }

  /** Every file outside branches/, with its bytes. */
  private static Map<String, String> files(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(p).toString();
        if (!name.startsWith("branches/") && !name.equals(".lock")) {
          out.put(name, java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
        }
      }
    }
    return out;
  }
}
