package dev.perfgate.generator.junit;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Target;
import dev.perfgate.api.Verdict;
import dev.perfgate.generator.internal.VerdictText;
import dev.perfgate.generator.BenchmarkReport;
import dev.perfgate.generator.ConsoleReporter;
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
 * (JUnit configuration parameters and system properties such as {@code perfgate.quick}), writes the
 * reports and prints where, attaches the figures to the test as report entries (which an IDE shows;
 * Maven Surefire's XML does not keep them, but it keeps the printed summary), and fails the test when
 * anything failed: a target, a baseline check, a benchmark that threw or timed out, a probe that threw.
 */
public final class Perf {
  private final Settings settings;
  private final RunOptions options;
  private final Consumer<Map<String, String>> publisher;
  private final String testName;
  /** Whether this test ran anything; a perf test that measured nothing fails. */
  private volatile boolean ran;

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
   * A suite builder set up with this test run's settings, so that its options are {@link #options()}
   * unless you set others, for several benchmarks, probes or checks. Run it with {@link #run(Suite)}.
   *
   * <pre>{@code
   * perf.run(perf.suite()
   *     .options(perf.options().toBuilder().timeout(Duration.ofMinutes(2)).build())
   *     .benchmark(Benchmark.of("parse", () -> parser.parse(text)))
   *     .build());
   * }</pre>
   *
   * @return a new builder
   */
  public Suite.Builder suite() {
    return Suite.newBuilder().settings(settings);
  }

  /**
   * Runs one benchmark and checks its targets.
   *
   * @param benchmark the benchmark
   * @param targets its targets
   * @return the report, when every target held
   * @throws AssertionError if a target failed, or the benchmark threw or timed out (with or without
   *     targets); the message states each failed measurement against its limit, and the cause is the
   *     benchmark's exception
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
   * @throws AssertionError if anything failed (see {@link Report#assertPassed()}), with the first
   *     failed benchmark's exception as the cause
   */
  public Report run(Suite suite) {
    ran = true;
    Report report = suite.run();
    publish(report);
    try {
      List<Path> files = Reports.writeAll(report, settings.reportDir().resolve(testName));
      publisher.accept(Map.of("perfgate.report", files.get(1).toAbsolutePath().toString()));
      ConsoleReporter.toStandardOutput().reportsWritten(files);
    } catch (UncheckedIOException e) {
      publisher.accept(Map.of("perfgate.report.error", String.valueOf(e.getMessage())));
      ConsoleReporter.toStandardOutput().warn(e.getMessage());
    }
    recordShard(report);
    report.assertPassed();
    return report;
  }

  /**
   * In a CI run whose store keeps shard reports, stores this test's report for the shard merge
   * ({@link dev.perfgate.generator.report.Shards}), under the shard's name and the test's.
   */
  private void recordShard(Report report) {
    if (settings.shard().isEmpty()) {
      return;
    }
    try {
      dev.perfgate.generator.report.Shards.record(settings.baselineStore(), settings.shard().get() + "/" + testName,
          report);
    } catch (java.io.IOException | RuntimeException e) {
      ConsoleReporter.toStandardOutput().warn("the shard report was not stored: " + e.getMessage());
    }
  }

  boolean ran() {
    return ran;
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
      publisher.accept(Map.of("perfgate.verdict." + (++i), VerdictText.line(v)));
    }
  }
}
