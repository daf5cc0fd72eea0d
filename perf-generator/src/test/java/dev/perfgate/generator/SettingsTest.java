package dev.perfgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SettingsTest {

  @Test
  void defaults_whenNothingIsSet() {
    Settings s = Settings.from(Map.<String, String>of()::get);
    assertEquals(RunOptions.defaults(), s.runOptions());
    assertEquals(Path.of("target", "perfgate"), s.reportDir());
    assertEquals(Path.of(".perfgate"), s.baselineDir());
    assertFalse(s.updateBaseline());
    assertTrue(s.sizes().isEmpty());
  }

  @Test
  void overrides_areRead() {
    Settings s = Settings.from(Map.of("perfgate.sizes", "10, 100", "perfgate.threads", "1,2",
        "perfgate.baseline.update", "true", "perfgate.reportDir", "out/reports")::get);
    assertEquals(List.of(10, 100), s.sizes().orElseThrow());
    assertEquals(List.of(1, 2), s.threads().orElseThrow());
    assertTrue(s.updateBaseline());
    assertEquals(Path.of("out/reports"), s.reportDir());
  }

  @Test
  void badList_namesTheKeyAndTheForm() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.from(Map.of("perfgate.sizes", "ten")::get).sizes());
    assertEquals("perfgate.sizes (ten) must be a comma-separated list of whole numbers, such as 10,100", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Settings.from(Map.of("perfgate.threads", "0")::get).threads());
  }

  @Test
  void misspelledKey_isReportedWithTheNearestValidKey() {
    System.setProperty("perfgate.trails", "3");
    try {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Settings::fromSystemProperties);
      assertTrue(e.getMessage().contains("perfgate.trails") && e.getMessage().contains("did you mean perfgate.trials?"),
          e.getMessage());
    } finally {
      System.clearProperty("perfgate.trails");
    }
  }

  @Test
  void registry_listsEveryKeyOnce_inTheReadmeTable_andAcceptsThemAll() {
    String table = Settings.markdownTable();
    for (Settings.Key k : Settings.keys()) {
      assertEquals(1, table.split("`" + java.util.regex.Pattern.quote(k.name()) + "`", -1).length - 1, k.name());
    }
    Settings.checkKeys(Settings.keys().stream().map(Settings.Key::name).toList());
    Settings.checkKeys(List.of("java.version", "perfgateish", "user.dir"));
  }

  @Test
  void unknownKeyInAMap_isRefused_andAFarOneListsTheKeys() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.from(Map.of("perfgate.colour", "red")));
    assertTrue(e.getMessage().startsWith("unknown setting perfgate.colour; the settings are [perfgate.quick,"),
        e.getMessage());
    assertEquals(List.of(1, 2), Settings.from(Map.of("perfgate.threads", "1,2")).threads().orElseThrow());
  }

  @Test
  void zeroTrials_namesTheProperty() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.from(Map.of("perfgate.trials", "0")::get).runOptions());
    assertTrue(e.getMessage().startsWith("perfgate.trials (0) must be >= 2"), e.getMessage());
  }

  @Test
  void timeout_isReadAsSecondsOrIso8601() {
    assertEquals(java.time.Duration.ofSeconds(30),
        Settings.from(Map.of("perfgate.timeout", "30s")::get).runOptions().timeout());
    assertEquals(java.time.Duration.ofMinutes(2),
        Settings.from(Map.of("perfgate.timeout", "PT2M")::get).runOptions().timeout());
    assertEquals(java.time.Duration.ofMillis(1500),
        Settings.from(Map.of("perfgate.timeout", "1500ms")::get).runOptions().timeout());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.from(Map.of("perfgate.timeout", "soon")::get).runOptions());
    assertTrue(e.getMessage().startsWith("perfgate.timeout (soon) must be"), e.getMessage());
  }

  @Test
  void sizesOverride_replacesEveryBenchmarksSizes() {
    Report report = Suite.newBuilder().options(SuiteTest.FAST).quiet()
        .settings(Settings.from(Map.of("perfgate.sizes", "3")::get))
        .benchmark(Benchmark.builder("fill").setUp(ctx -> new int[ctx.size().orElseThrow()])
            .operation(a -> a.length).sizes(10, 1000).build())
        .build().run();
    assertEquals(List.of("fill[size=3]"), report.results().stream().map(r -> r.key().toString()).toList());
  }

  @Test
  void baselineStore_byDefault_isTheDirectoryWithAMinuteLockWait() {
    dev.perfgate.api.BaselineStore store = Settings.from(Map.<String, String>of()::get).baselineStore();
    dev.perfgate.baseline.DirectoryBaselineStore dir = (dev.perfgate.baseline.DirectoryBaselineStore) store;
    assertEquals(Path.of(".perfgate"), dir.root());
    assertEquals(java.time.Duration.ofMinutes(1), dir.lockTimeout());
  }

  @Test
  void baselineLockTimeout_isReadIntoTheDirectoryStore() {
    Settings s = Settings.from(Map.of("perfgate.baseline.lockTimeout", "1500ms", "perfgate.baseline.dir", "b")::get);
    dev.perfgate.baseline.DirectoryBaselineStore dir = (dev.perfgate.baseline.DirectoryBaselineStore) s.baselineStore();
    assertEquals(java.time.Duration.ofMillis(1500), dir.lockTimeout());
    assertEquals(Path.of("b"), dir.root());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.from(Map.of("perfgate.baseline.lockTimeout", "soon")::get).baselineStore());
    assertTrue(e.getMessage().startsWith("perfgate.baseline.lockTimeout (soon) must be a duration"), e.getMessage());
  }

  @Test
  void baselineJdbcUrl_withoutADriverOnTheClassPath_namesTheKeyAndTheDriverToAdd() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.from(Map.of("perfgate.baseline.jdbcUrl", "jdbc:nosuchdb://db:5432/perf?password=secret")::get)
            .baselineStore());
    assertEquals("perfgate.baseline.jdbcUrl: no JDBC driver on the class path accepts"
        + " jdbc:nosuchdb://db:5432/perf?password=***; add the driver for 'nosuchdb' to the class path that runs"
        + " the suite", e.getMessage());
  }
}
