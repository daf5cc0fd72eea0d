package dev.perfgate.examples.scenario;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Statistic;
import dev.perfgate.baseline.scaling.DegradationCheck;
import dev.perfgate.collectors.jfr.JfrProbes;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.Settings;
import dev.perfgate.generator.Suite;
import dev.perfgate.generator.report.Reports;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The main job: validates the whole reference scenario on the real generator, which reads its
 * schema from H2 database servers the scenario starts over TCP on 127.0.0.1 (ephemeral ports,
 * stopped at the end; nothing needs to run beforehand), with baselines in {@code .perfgate/}. It
 * prints each suite's summary and the scenario's metrics, and writes HTML, JSON and Markdown
 * reports under {@code target/perfgate/scenario/}. Run it again and the regression suite compares
 * with the stored baseline and shows the trend.
 *
 * <pre>
 * ./mvnw -q -pl perf-examples -am compile exec:java
 * </pre>
 */
public final class ScenarioMain {
  private ScenarioMain() {}

  /**
   * Runs the four suites and exits with 1 if a check failed.
   *
   * @param args ignored
   * @throws Exception if the JVM of its own cannot start or is interrupted
   */
  public static void main(String[] args) throws Exception {
    if (OwnJvm.insideMaven()) {
      // exec:java: in Maven's JVM no suite can fork; the main job runs in a JVM of its own.
      int code = OwnJvm.run(ScenarioMain.class, args);
      if (code != 0) {
        System.exit(code);
      }
      return;
    }
    Settings settings = Settings.fromSystemProperties();
    Path reportDir = settings.reportDir().resolve("scenario");
    Map<String, BiFunction<Suite.Builder, ScenarioFixture, Suite.Builder>> suites = new LinkedHashMap<>();
    suites.put("performance", ScenarioSuites::performance);
    suites.put("cache", ScenarioSuites::cache);
    suites.put("memory", ScenarioSuites::memory);
    suites.put("regression", ScenarioSuites::regression);

    long start = System.nanoTime();
    Map<String, Report> reports = new LinkedHashMap<>();
    try (ScenarioFixture fixture = new ScenarioFixture(System.getProperties())) {
      suites.forEach((name, suite) -> {
        System.out.println("\n=== scenario suite: " + name + " ===");
        Suite.Builder builder = Suite.newBuilder().settings(settings)
            .afterRun(Reports.writer(reportDir.resolve(name)));
        reports.put(name, suite.apply(builder, fixture).build().run());
      });
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    System.out.println("\n=== the scenario's metrics, measured ===");
    metrics(reports).forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-32s %s%n", k, v));
    System.out.println("\n=== the scenario's checks ===");
    boolean passed = true;
    for (Map.Entry<String, Report> e : reports.entrySet()) {
      Report r = e.getValue();
      System.out.printf(Locale.ROOT, "  %-12s %s  %d checks, %d failed  report: %s%n", e.getKey(),
          r.passed() ? "PASSED" : "FAILED", r.verdicts().size(), r.failures().size(),
          reportDir.resolve(e.getKey()).resolve(Reports.HTML_FILE));
      passed &= r.passed();
    }
    System.out.printf(Locale.ROOT, "%nscenario %s in %.0f s%n", passed ? "PASSED" : "FAILED", seconds);
    if (!passed) {
      System.exit(1);
    }
  }

  /** The metrics every run records, as SCENARIO.md lists them. */
  static Map<String, String> metrics(Map<String, Report> reports) {
    Map<String, String> out = new LinkedHashMap<>();
    Report perf = reports.get("performance");
    Report cache = reports.get("cache");
    Report memory = reports.get("memory");
    out.put("execution time (100 tables)", median(perf, "generation.full[size=100]", Metric.WALL_TIME));
    out.put("peak memory (100 tables)", max(memory, "generation.largest", JfrProbes.HEAP_PEAK_ABOVE_START));
    out.put("cache hit ratio (warm)", median(cache, "generation.warm", "cache.hit.ratio"));
    out.put("service initialization", median(perf, "service.init", Metric.WALL_TIME));
    out.put("template render (per template)", median(perf, "template.render", Metric.WALL_TIME));
    out.put("file operation (per file)", median(perf, "file.write", Metric.WALL_TIME));
    out.put("models generated (100 tables)", median(perf, "generation.full[size=100]", "models.generated"));
    out.put("files created (100 tables)", median(perf, "generation.full[size=100]", "files.created"));
    out.put("concurrent degradation (2 threads)", perf == null ? "n/a" : perf.verdicts().stream()
        .filter(v -> v.detail() instanceof DegradationCheck).findFirst()
        .map(v -> ((DegradationCheck) v.detail()).degradation().estimate())
        .map(e -> String.format(Locale.ROOT, "%+.1f %% (95 %% CI %+.1f .. %+.1f %%)", e.value() * 100, e.low() * 100,
            e.high() * 100))
        .orElse("n/a"));
    return out;
  }

  private static Optional<Result> result(Report report, String key) {
    return report == null ? Optional.empty()
        : report.results().stream().filter(r -> r.key().toString().equals(key)).findFirst();
  }

  private static String median(Report report, String key, Metric metric) {
    return median(report, key, metric.name());
  }

  private static String median(Report report, String key, String metric) {
    return result(report, key).flatMap(r -> r.metric(metric).map(m -> m.format(r.statistic(m, Statistic.MEDIAN))))
        .orElse("n/a");
  }

  private static String max(Report report, String key, Metric metric) {
    return result(report, key).flatMap(r -> r.metric(metric.name()).map(m -> m.format(r.statistic(m, Statistic.MAX))))
        .orElse("n/a");
  }
}
