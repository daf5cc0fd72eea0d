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
  void sizesOverride_replacesEveryBenchmarksSizes() {
    Report report = Suite.newBuilder().options(SuiteTest.FAST).quiet()
        .settings(Settings.from(Map.of("perfgate.sizes", "3")::get))
        .benchmark(Benchmark.builder("fill").setUp(ctx -> new int[ctx.size().orElseThrow()])
            .operation(a -> a.length).sizes(10, 1000).build())
        .build().run();
    assertEquals(List.of("fill[size=3]"), report.results().stream().map(r -> r.key().toString()).toList());
  }
}
