package dev.perfgate.generator.junit;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Target;
import dev.perfgate.api.Verdict;
import dev.perfgate.generator.BenchmarkReport;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.RunOptions;
import dev.perfgate.generator.Settings;
import dev.perfgate.generator.Suite;
import dev.perfgate.generator.report.Reports;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a {@link PerfTest} method receives: runs benchmarks with the options of this test run
 * (JUnit configuration parameters and system properties such as {@code perfgate.quick}), attaches
 * the figures to the test as report entries, and fails the test when a target fails.
 */
public final class Perf {
  private final Settings settings;
  private final RunOptions options;
  private final Consumer<Map<String, String>> publisher;
  private final String testName;

  Perf(Settings settings, RunOptions options, Consumer<Map<String, String>> publisher, String testName) {
    this.settings = settings;
    this.options = options;
    this.testName = testName;
    this.publisher = publisher;
  }

  /**
   * The run options of this test run.
   *
   * @return the options
   */
  public RunOptions options() {
    return options;
  }

  /**
   * A suite builder set up with this run's options, for several benchmarks, probes or checks. Run
   * it with {@link #run(Suite)}.
   *
   * @return a new builder
   */
  public Suite.Builder suite() {
    return Suite.newBuilder().settings(settings).options(options);
  }

  /**
   * Runs one benchmark and checks its targets.
   *
   * @param benchmark the benchmark
   * @param targets its targets
   * @return the report, when every target held
   * @throws AssertionError if a target failed or the benchmark threw; the message states each
   *     failed measurement against its limit
   */
  public Report run(Benchmark benchmark, Target... targets) {
    return run(suite().benchmark(benchmark, targets).build());
  }

  /**
   * Runs a suite, attaches its figures to the test, writes the JSON, HTML and Markdown reports into
   * {@code perfgate.reportDir} (default {@code target/perfgate}) under the test's name, and fails
   * the test if a verdict failed.
   *
   * @param suite the suite
   * @return the report, when it passed
   * @throws AssertionError if a verdict failed
   */
  public Report run(Suite suite) {
    Report report = suite.run();
    publish(report);
    try {
      List<Path> files = Reports.writeAll(report, settings.reportDir().resolve(testName));
      publisher.accept(Map.of("perfgate.report", files.get(1).toAbsolutePath().toString()));
    } catch (UncheckedIOException e) {
      publisher.accept(Map.of("perfgate.report.error", String.valueOf(e.getMessage())));
    }
    report.assertPassed();
    return report;
  }

  private void publish(Report report) {
    for (BenchmarkReport b : report.benchmarks()) {
      Result r = b.result();
      Map<String, String> entry = new LinkedHashMap<>();
      String prefix = "perfgate." + r.key();
      if (r.error().isPresent()) {
        entry.put(prefix + ".error", r.error().get());
      }
      for (Metric m : r.metrics()) {
        entry.put(prefix + "." + m.name(), m.format(r.statistic(m, Statistic.MEDIAN)) + " median, "
            + m.format(r.statistic(m, Statistic.P95)) + " p95");
      }
      r.notMeasured().forEach((m, why) -> entry.put(prefix + "." + m.name(), "not measured: " + why));
      if (!entry.isEmpty()) {
        publisher.accept(entry);
      }
    }
    int i = 0;
    for (Verdict v : report.verdicts()) {
      publisher.accept(Map.of("perfgate.verdict." + (++i), v.message()));
    }
  }
}
