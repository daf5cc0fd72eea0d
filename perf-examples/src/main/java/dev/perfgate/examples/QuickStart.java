package dev.perfgate.examples;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Quantity;
import dev.perfgate.api.Target;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.Suite;
import java.time.Duration;

/**
 * The programmatic example of the README: a suite of two benchmarks with budgets, run from a plain
 * {@code main}. Run it with {@code ./mvnw -q -pl perf-examples -am compile exec:java}; the
 * arguments turn on further probes by id.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Runs the example suite and exits with 1 if a budget is broken.
   *
   * @param args ids of further probes to turn on, such as {@code jfr.memory} or {@code classes}
   *     (the time and allocation probes are always on)
   */
  public static void main(String[] args) {
    String text = WordCount.sampleText(1_000);

    Report report = Suite.newBuilder()
        .benchmark(Benchmark.of("wordcount.1k", () -> WordCount.count(text)),
            Target.on(Metric.WALL_TIME).p95().atMost(Duration.ofMillis(1)),
            Target.on(Metric.ALLOCATED_BYTES).median().atMost(Quantity.kilobytes(256)))
        .benchmark(Benchmark.builder("wordcount.sized")
                .setUp(ctx -> WordCount.sampleText(ctx.size().orElseThrow()))
                .operation(WordCount::count)
                .sizes(100, 1_000, 10_000)
                .build(),
            Target.on(Metric.WALL_TIME).median().atMost(Duration.ofMillis(20)))
        .probes(args)
        .build()
        .run();

    if (!report.passed()) {
      System.exit(1);
    }
  }
}
