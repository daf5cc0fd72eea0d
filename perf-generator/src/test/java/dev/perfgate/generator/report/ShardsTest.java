package dev.perfgate.generator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Target;
import dev.perfgate.baseline.RegressionJudge;
import dev.perfgate.baseline.postgres.PostgresExtension;
import dev.perfgate.baseline.postgres.PostgresServer;
import dev.perfgate.generator.ConsoleReporter;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.RunOptions;
import dev.perfgate.generator.Settings;
import dev.perfgate.generator.Suite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two shards of one CI run write to one shared store (a real PostgreSQL server, and a directory);
 * the merge command makes one report of both whose status fails when either shard failed.
 */
@ExtendWith(PostgresExtension.class)
final class ShardsTest {
  private static final RunOptions OPTIONS = RunOptions.newBuilder().trials(3).samples(2)
      .sampleTime(Duration.ofMillis(2)).warmup(Duration.ofMillis(5)).firstWarmup(Duration.ofMillis(20))
      .maxWarmup(Duration.ofMillis(200)).build();

  private static final RegressionJudge NEVER_FAILS = RegressionJudge.newBuilder().tolerance(1000).build();

  @TempDir
  Path dir;

  /** Runs one shard: a benchmark whose target passes or fails, stored and recorded as the shard. */
  private static Report shard(Map<String, String> store, String ciRun, String shard, boolean fail) throws Exception {
    Map<String, String> values = new HashMap<>(store);
    values.put(Settings.COMMIT, "a1b2c3d4e5f6");
    values.put(Settings.CI_RUN_ID, ciRun);
    values.put(Settings.BRANCH, "main");
    Settings settings = Settings.from(values);
    Target target = Target.on(Metric.WALL_TIME).median().atMost(fail ? Duration.ofNanos(1) : Duration.ofSeconds(10));
    // Whether a shard fails must be its target's doing, never a time comparison on a loaded machine:
    // CI pairs saw run-2's unit shard +21 % and its integration shard +338 % slower than run-1's. The
    // target's metric is judged against the baseline whatever judgedMetrics says, so the judge's
    // tolerance is set beyond any slowdown: a comparison can warn, never fail.
    Report report = Suite.newBuilder().settings(settings).options(OPTIONS).quiet().baselines()
        .judgedMetrics(Metric.ALLOCATED_BYTES).regressionJudge(NEVER_FAILS)
        .benchmark(Benchmark.ofDouble(shard + ".work", () -> Math.sqrt(System.nanoTime())), target).build().run();
    assertEquals(!fail, report.passed(), report.failures().toString());
    assertTrue(Shards.record(settings.baselineStore(), shard, report), "recorded");
    return report;
  }

  private int merge(Map<String, String> store, String ciRun, Path out, ByteArrayOutputStream console) {
    Map<String, String> values = new HashMap<>(store);
    values.put(Settings.REPORT_DIR, out.toString());
    return Shards.run(new String[] {"--commit", "a1b2c3d4e5f6", "--ci-run", ciRun}, Settings.from(values), n -> null,
        ConsoleReporter.to(new PrintStream(console, true, StandardCharsets.UTF_8)));
  }

  private void twoShards_mergeIntoOneReport_thatFailsWhenEitherShardFailed(Map<String, String> store) throws Exception {
    shard(store, "run-1", "unit", false);
    shard(store, "run-1", "integration", true);
    shard(store, "run-2", "unit", false);
    shard(store, "run-2", "integration", false);
    shard(store, "run-3", "other", false); // another CI run: never merged into run-1's report

    ByteArrayOutputStream console = new ByteArrayOutputStream();
    assertEquals(1, merge(store, "run-1", dir.resolve("run-1"), console), console.toString(StandardCharsets.UTF_8));
    String json = Files.readString(dir.resolve("run-1").resolve(Reports.JSON_FILE));
    assertTrue(json.contains("\"passed\" : false") || json.contains("\"passed\": false"), json.substring(0, 300));
    assertTrue(json.contains("unit.work") && json.contains("integration.work"), "both shards' results");
    assertFalse(json.contains("other.work"), "another CI run's shard");
    assertTrue(json.contains("shard integration: failed"), "names the failed shard");
    assertTrue(Files.exists(dir.resolve("run-1").resolve(Reports.HTML_FILE)));
    assertTrue(Files.readString(dir.resolve("run-1").resolve(Reports.MARKDOWN_FILE)).contains("integration.work"));

    assertEquals(0, merge(store, "run-2", dir.resolve("run-2"), new ByteArrayOutputStream()));
    assertEquals(2, merge(store, "run-9", dir.resolve("run-9"), new ByteArrayOutputStream()), "nothing to merge");
  }

  @Test
  void postgresStore_twoShards_mergeIntoOneReport(PostgresServer server) throws Exception {
    String schema = server.newSchemaName();
    twoShards_mergeIntoOneReport_thatFailsWhenEitherShardFailed(Map.of(
        Settings.BASELINE_JDBC_URL, server.url() + "?currentSchema=" + schema, Settings.BASELINE_JDBC_USER, "perfgate"));
  }

  @Test
  void directoryStore_twoShards_mergeIntoOneReport() throws Exception {
    twoShards_mergeIntoOneReport_thatFailsWhenEitherShardFailed(Map.of(Settings.BASELINE_DIR,
        dir.resolve("store").toString()));
  }
}
