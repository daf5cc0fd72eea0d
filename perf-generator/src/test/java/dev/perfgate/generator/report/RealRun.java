package dev.perfgate.generator.report;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Direction;
import dev.perfgate.api.Probe;
import dev.perfgate.api.RunContext;
import dev.perfgate.api.Unit;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Quantity;
import dev.perfgate.api.Result;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Target;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.scaling.Complexity;
import dev.perfgate.baseline.scaling.Scaling;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.RunOptions;
import dev.perfgate.generator.Suite;
import dev.perfgate.generator.SuiteCheck;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One small suite run over real work, shared by the report tests: a passing target, a sized
 * benchmark with a scaling check, a broken limit, a benchmark that throws, a metric whose probe
 * cannot measure here, and hostile names.
 */
final class RealRun {
  static final String HOSTILE = "<script>alert(1)</script>";
  static final String PIPE = "a|b";

  static final RunOptions FAST = RunOptions.newBuilder().trials(2).samples(3).sampleTime(Duration.ofMillis(2))
      .warmup(Duration.ofMillis(1)).firstWarmup(Duration.ofMillis(20)).maxWarmup(Duration.ofMillis(300)).build();

  private static Report report;

  private RealRun() {}

  static synchronized Report report() {
    if (report == null) {
      report = run();
    }
    return report;
  }

  /** Sorting 64, 512 and 4096 random ints: real work whose time grows with the size. */
  static Benchmark sizedSort() {
    return Benchmark.builder("sort")
        .setUp(ctx -> new SplittableRandom(42).ints(ctx.size().orElse(16)).toArray())
        .operation(a -> {
          int[] copy = a.clone();
          Arrays.sort(copy);
          return copy;
        })
        .sizes(64, 512, 4096)
        .build();
  }

  private static Report run() {
    long[] data = new SplittableRandom(7).longs(256).toArray();
    Benchmark sort = sizedSort();
    return Suite.newBuilder().options(FAST).quiet().probe(UNAVAILABLE)
        .benchmark(Benchmark.of("sum", () -> Arrays.stream(data).sum()),
            Target.on(Metric.WALL_TIME).p95().atMost(Duration.ofSeconds(1)),
            Target.on("heap.peak").statistic(Statistic.MAX).atMost(Quantity.megabytes(512)))
        .benchmark(Benchmark.of("alloc", () -> new byte[1000]),
            Target.on(Metric.ALLOCATED_BYTES).median().atMost(Quantity.kilobytes(4)))
        .benchmark(sort)
        // No sort of 4096 ints takes a nanosecond: this limit must break.
        .targetsAtSize("sort", 4096, Target.on(Metric.WALL_TIME).median().atMost(Duration.ofNanos(1)))
        .benchmark(Benchmark.of("boom", () -> {
          throw new IllegalStateException("broken on purpose");
        }), Target.on(Metric.WALL_TIME).median().atMost(Duration.ofSeconds(1)))
        .benchmark(Benchmark.of(HOSTILE, () -> data[0] ^ data[1]),
            Target.on(Metric.WALL_TIME).median().atMost(Duration.ofSeconds(1)))
        .benchmark(Benchmark.of(PIPE, () -> data[2] + data[3]))
        .check(new ScalingFit("sort"))
        .build()
        .run();
  }

  /** A probe that cannot measure on this JVM, as JFR's says where JFR is missing: "not measured". */
  private static final Probe UNAVAILABLE = new Probe() {
    @Override
    public String id() {
      return "heap.unavailable";
    }

    @Override
    public List<Metric> metrics() {
      return List.of(Metric.of("heap.peak", Unit.BYTES, Direction.LOWER_IS_BETTER));
    }

    @Override
    public Optional<String> unavailable() {
      return Optional.of("this test runs without the JFR probe");
    }

    @Override
    public Session open(RunContext context) {
      throw new IllegalStateException("an unavailable probe is never opened");
    }
  };

  /** The real scaling check over the sizes of one benchmark, so that the chart draws its typed fit. */
  static final class ScalingFit implements SuiteCheck {
    private final String name;

    ScalingFit(String name) {
      this.name = name;
    }

    @Override
    public List<Verdict> check(List<Result> results) {
      List<Result> sized = results.stream().filter(r -> r.key().name().equals(name) && r.key().size().isPresent())
          .toList();
      return List.of(Scaling.checkNoWorseThan(Complexity.QUADRATIC, sized, Metric.WALL_TIME));
    }
  }
}
