package dev.perfgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Result;
import dev.perfgate.api.Ruler;
import dev.perfgate.api.Trial;
import dev.perfgate.baseline.BaselineStores;
import dev.perfgate.baseline.DirectoryBaselineStore;
import dev.perfgate.generator.report.Reports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite with a baseline store measures the ruler, stores it with the run and shows it in every report. */
final class RulerSuiteTest {
  private static final RunOptions OPTIONS = RunOptions.newBuilder().trials(3).samples(2)
      .sampleTime(Duration.ofMillis(2)).warmup(Duration.ofMillis(2)).firstWarmup(Duration.ofMillis(10))
      .maxWarmup(Duration.ofMillis(100)).build();

  @TempDir
  Path dir;

  private Report run(Map<String, String> settings) {
    return Suite.newBuilder().options(OPTIONS).quiet().settings(Settings.from(settings))
        .baselines(BaselineStores.directory(dir)).benchmark(Benchmark.of("hash", () -> dir.hashCode() * 31))
        .build().run();
  }

  @Test
  void run_withABaselineStore_measuresTheRulerAndStoresItWithTheRun() throws Exception {
    Report report = run(Map.of());
    Ruler ruler = report.environment().ruler().orElseThrow();
    assertEquals(List.of("cpu", "memory", "files"), ruler.parts().stream().map(Ruler.Part::name).toList());
    DirectoryBaselineStore store = BaselineStores.directory(dir);
    Environment stored = store.baseline(BenchmarkKey.of("hash"), report.environment()).orElseThrow().environment();
    assertEquals(Optional.of(ruler), stored.ruler());
    assertEquals(report.environment().fingerprint(), stored.fingerprint());
  }

  @Test
  void run_withABaselineStore_timesTheRulersPassAfterEveryTrial_andStoresItWithTheTrials() throws Exception {
    Report report = run(Map.of());
    Result measured = report.benchmarks().get(0).result();
    for (Trial t : measured.trials()) {
      // a real pass of at least 1 ms over 1 M steps of about 1-2 ns each: well above 0.1 ms, finite
      double pass = t.value(Ruler.TRIAL_METRIC);
      assertTrue(pass > 1e5 && Double.isFinite(pass), t.toString());
    }
    Result stored = BaselineStores.directory(dir).baseline(BenchmarkKey.of("hash"), report.environment()).orElseThrow();
    assertEquals(measured.trials().size(), stored.trialValues(Ruler.TRIAL_METRIC).length);
    assertTrue(report.probes().stream().anyMatch(p -> p.startsWith("ruler (built in")), report.probes().toString());
  }

  @Test
  void run_withTheRulerSwitchedOff_storesNone() throws Exception {
    Report report = run(Map.of(Settings.RULER, "false"));
    assertEquals(0, report.benchmarks().get(0).result().trialValues(Ruler.TRIAL_METRIC).length);
    assertEquals(Optional.empty(), report.environment().ruler());
    assertEquals(Optional.empty(), BaselineStores.directory(dir).baseline(BenchmarkKey.of("hash"), report.environment())
        .orElseThrow().environment().ruler());
  }

  @Test
  void run_withoutABaselineStore_measuresNoRuler() {
    Report report = Suite.newBuilder().options(OPTIONS).quiet().benchmark(Benchmark.of("hash", () -> 42)).build().run();
    assertEquals(Optional.empty(), report.environment().ruler());
    assertEquals(0, report.benchmarks().get(0).result().trialValues(Ruler.TRIAL_METRIC).length);
  }

  @Test
  void reports_showTheRulersFiguresInTheirEnvironmentSection() {
    Ruler ruler = new Ruler(List.of(new Ruler.Part("cpu", 20e6, 4e5, 9), new Ruler.Part("memory", 2.5e6, 1e5, 9),
        new Ruler.Part("files", 6e6, 6e5, 9)), Duration.ofMillis(380));
    Report report = new Report(List.of(), List.of(), Environment.current().withRuler(ruler), List.of(), List.of(),
        Duration.ZERO);
    String line = "cpu 20 ms (+/- 2.0 %), memory 2.50 ms (+/- 4.0 %), files 6 ms (+/- 10.0 %), 380 ms";
    assertTrue(ConsoleReporter.format(report).contains("\nruler " + line + "\n"), ConsoleReporter.format(report));
    assertTrue(Reports.markdown(report).contains(" Ruler " + line + "."), Reports.markdown(report));
    assertTrue(Reports.html(report).contains("<tr><th>ruler</th><td class=\"msg\">" + line + "</td></tr>"),
        Reports.html(report));
    assertTrue(Reports.json(report).contains("\"ruler\""), Reports.json(report));
    assertTrue(Reports.json(report).contains("\"median\" : 2.0E7"), Reports.json(report));
  }
}
