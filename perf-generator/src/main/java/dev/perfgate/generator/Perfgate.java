package dev.perfgate.generator;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Target;

/**
 * The one-call entry point: run a single benchmark with its targets.
 *
 * <pre>{@code
 * Report report = Perfgate.run(Benchmark.of("sum", () -> sum(data)),
 *     Target.on(Metric.WALL_TIME).median().atMost(Duration.ofMillis(2)));
 * report.assertPassed();
 * }</pre>
 *
 * For several benchmarks, probes or options, use {@link Suite#newBuilder()}.
 */
public final class Perfgate {
  private Perfgate() {}

  /**
   * Runs one benchmark with the default probes and {@link RunOptions#fromSystemProperties()},
   * prints the summary and returns the report.
   *
   * @param benchmark the benchmark
   * @param targets its targets
   * @return the report
   */
  public static Report run(Benchmark benchmark, Target... targets) {
    return Suite.newBuilder().benchmark(benchmark, targets).build().run();
  }
}
