package dev.perfgate.generator.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Target;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.RunOptions;
import dev.perfgate.generator.Suite;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class MicrometerExportTest {
  private static final RunOptions FAST = RunOptions.newBuilder().trials(2).samples(3).sampleTime(Duration.ofMillis(2))
      .warmup(Duration.ofMillis(1)).firstWarmup(Duration.ofMillis(20)).maxWarmup(Duration.ofMillis(300)).build();

  private static Report report;

  @BeforeAll
  static void runSuite() {
    report = suite();
  }

  private static Report suite() {
    Benchmark sort = Benchmark.builder("sort")
        .setUp(ctx -> new SplittableRandom(1).ints(ctx.size().orElse(8)).toArray())
        .operation(a -> {
          int[] c = a.clone();
          Arrays.sort(c);
          return c;
        })
        .sizes(32, 1024)
        .build();
    return Suite.newBuilder().options(FAST).quiet()
        .benchmark(Benchmark.of("alloc", () -> new byte[1000]))
        .benchmark(sort, Target.on(Metric.WALL_TIME).median().atMost(Duration.ofSeconds(1)))
        // A sort of 1024 ints never takes a nanosecond: one failing check.
        .targetsAtSize("sort", 1024, Target.on(Metric.WALL_TIME).median().atMost(Duration.ofNanos(1)))
        .build()
        .run();
  }

  private static Result result(String key) {
    return report.results().stream().filter(r -> r.key().toString().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void publish_timeMetrics_areTimeGaugesOfMedianAndP95() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerExport.publish(report, registry);
    Result sort = result("sort[size=1024]");
    TimeGauge median = registry.get(MicrometerExport.TIME).tags("benchmark", "sort", "size", "1024", "threads", "1",
        "metric", "time.wall", "statistic", "median").timeGauge();
    assertEquals(sort.statistic(Metric.WALL_TIME, Statistic.MEDIAN), median.value(TimeUnit.NANOSECONDS),
        1e-9 * sort.statistic(Metric.WALL_TIME, Statistic.MEDIAN));
    TimeGauge p95 = registry.get(MicrometerExport.TIME).tags("benchmark", "sort", "size", "1024", "metric", "time.wall",
        "statistic", "p95").timeGauge();
    assertEquals(sort.statistic(Metric.WALL_TIME, Statistic.P95), p95.value(TimeUnit.NANOSECONDS),
        1e-9 * sort.statistic(Metric.WALL_TIME, Statistic.P95));
  }

  @Test
  void publish_allocation_isABytesGaugeWithTheExactFigure() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerExport.publish(report, registry);
    Gauge alloc = registry.get(MicrometerExport.BYTES).tags("benchmark", "alloc", "size", "none", "metric", "alloc.bytes",
        "statistic", "median").gauge();
    // new byte[1000] is 1016 bytes on a 64-bit JVM with compressed class pointers.
    assertEquals(result("alloc").statistic(Metric.ALLOCATED_BYTES, Statistic.MEDIAN), alloc.value(), 0.0);
    assertEquals("bytes", alloc.getId().getBaseUnit());
  }

  @Test
  void publish_everyMetricOfEveryResult_getsTwoGauges() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<Meter> meters = MicrometerExport.publish(report, registry);
    int expected = report.results().stream().mapToInt(r -> r.metrics().size() * 2).sum();
    long results = meters.stream().filter(m -> m.getId().getName().startsWith("perfgate.result.")).count();
    assertEquals(expected, results);
    assertEquals(meters.size(), registry.getMeters().size());
  }

  @Test
  void publish_verdictCounts_andOutcome() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerExport.publish(report, registry);
    assertEquals(1.0, registry.get(MicrometerExport.VERDICTS).tag("status", "fail").gauge().value());
    assertEquals(2.0, registry.get(MicrometerExport.VERDICTS).tag("status", "pass").gauge().value());
    assertEquals(0.0, registry.get(MicrometerExport.VERDICTS).tag("status", "error").gauge().value());
    assertEquals(0.0, registry.get(MicrometerExport.PASSED).gauge().value());
    assertEquals(0.0, registry.get(MicrometerExport.ERRORS).gauge().value());
  }

  @Test
  void publish_gauges_surviveGarbageCollection() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerExport.publish(report, registry);
    System.gc();
    double v = registry.get(MicrometerExport.BYTES).tags("benchmark", "alloc", "statistic", "p95").gauge().value();
    assertTrue(Double.isFinite(v), "a weakly held gauge would read NaN after a collection: " + v);
  }

  @Test
  void publish_secondReport_replacesTheValues() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerExport.publish(report, registry);
    Report second = suite();
    MicrometerExport.publish(second, registry);
    Result sort = second.results().stream().filter(r -> r.key().toString().equals("sort[size=32]")).findFirst().orElseThrow();
    List<Meter> medians = List.copyOf(registry.find(MicrometerExport.TIME).tags("benchmark", "sort", "size", "32", "metric", "time.wall",
        "statistic", "median").meters());
    assertEquals(1, medians.size());
    assertEquals(sort.statistic(Metric.WALL_TIME, Statistic.MEDIAN),
        ((TimeGauge) medians.get(0)).value(TimeUnit.NANOSECONDS), 1e-9 * sort.statistic(Metric.WALL_TIME, Statistic.MEDIAN));
  }

  @Test
  void publish_failedBenchmark_countsAsErrorAndHasNoResultGauges() {
    Report failed = Suite.newBuilder().options(FAST).quiet()
        .benchmark(Benchmark.of("boom", () -> {
          throw new IllegalStateException("broken on purpose");
        }))
        .build().run();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerExport.publish(failed, registry);
    assertEquals(1.0, registry.get(MicrometerExport.ERRORS).gauge().value());
    assertNull(registry.find(MicrometerExport.TIME).tag("benchmark", "boom").meter());
    assertNotNull(registry.find(MicrometerExport.PASSED).gauge());
  }

  @Test
  void publish_nullArguments_areRejected() {
    assertThrows(NullPointerException.class, () -> MicrometerExport.publish(report, null));
    assertThrows(NullPointerException.class, () -> MicrometerExport.publish(null, new SimpleMeterRegistry()));
  }
}
