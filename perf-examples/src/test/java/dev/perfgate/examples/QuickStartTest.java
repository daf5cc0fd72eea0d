package dev.perfgate.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Quantity;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Target;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.junit.Perf;
import dev.perfgate.generator.junit.PerfTest;
import java.time.Duration;
import org.junit.jupiter.api.Tag;

/** The JUnit example of the README: a budget checked inside the ordinary test run. */
final class QuickStartTest {

  @PerfTest
  @Tag("performance")
  void wordCountStaysWithinBudget(Perf perf) {
    String text = WordCount.sampleText(1_000);

    Report report = perf.run(Benchmark.of("wordcount", () -> WordCount.count(text)),
        Target.on(Metric.WALL_TIME).p95().atMost(Duration.ofMillis(5)),
        Target.on(Metric.ALLOCATED_BYTES).median().atMost(Quantity.kilobytes(256)));

    // The figures are real: counting 1,000 words allocates the map, its entries and the words.
    double allocated = report.result("wordcount").orElseThrow().statistic(Metric.ALLOCATED_BYTES, Statistic.MEDIAN);
    assertTrue(allocated > 1_000, "allocated " + allocated + " bytes per count");
  }
}
