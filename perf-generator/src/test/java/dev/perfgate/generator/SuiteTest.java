package dev.perfgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Counter;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.Quantity;
import dev.perfgate.api.Result;
import dev.perfgate.api.RunContext;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Status;
import dev.perfgate.api.Target;
import dev.perfgate.api.Unit;
import dev.perfgate.api.Direction;
import dev.perfgate.api.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class SuiteTest {

  static final RunOptions FAST = RunOptions.newBuilder().trials(2).samples(3).sampleTime(Duration.ofMillis(2))
      .warmup(Duration.ofMillis(1)).firstWarmup(Duration.ofMillis(20)).maxWarmup(Duration.ofMillis(300)).build();

  private static Suite.Builder suite() {
    return Suite.newBuilder().options(FAST).quiet();
  }

  @Test
  void allocation_ofKnownArray_isExactToTheByte() {
    // A byte[1000] is a 16-byte header plus 1000 bytes: 1016, the figure JMH's -prof gc reports.
    Report report = suite().benchmark(Benchmark.of("alloc", () -> new byte[1000])).build().run();
    Result r = report.result("alloc").orElseThrow();
    for (double v : r.sampleValues(Metric.ALLOCATED_BYTES)) {
      assertEquals(1016.0, v, 1e-9, "bytes per operation of every sample");
    }
  }

  @Test
  void allocation_ofNothing_isZero() {
    long[] data = {1, 2, 3};
    Report report = suite().benchmark(Benchmark.of("sum", () -> data[0] + data[1] + data[2])).build().run();
    assertEquals(0.0, report.result("sum").orElseThrow().statistic(Metric.ALLOCATED_BYTES, Statistic.MAX), 1e-9);
  }

  @Test
  void fakeClock_advancedByTheOperation_givesExactTimePerUnit() {
    // The operation itself advances the clock by 1000 ns: the runner must report exactly
    // 1000 ns per invocation, i.e. 10 ns per unit for 100 units per invocation.
    AtomicLong clock = new AtomicLong();
    Benchmark b = Benchmark.builder("units").operation(s -> clock.addAndGet(1000)).operationsPerInvocation(100).build();
    Report report = Suite.newBuilder().options(FAST).quiet().ticker(clock::get).benchmark(b).build().run();
    Result r = report.result("units").orElseThrow();
    for (double v : r.sampleValues(Metric.WALL_TIME)) {
      assertEquals(10.0, v, 1e-9);
    }
    assertEquals(FAST.trials(), r.trials().size());
    assertEquals(FAST.samples(), r.trials().get(0).samples().size());
  }

  @Test
  void setUpAndPreparation_areOutsideTheTiming() {
    AtomicLong clock = new AtomicLong();
    AtomicInteger prepared = new AtomicInteger();
    Benchmark b = Benchmark.builder("shot")
        .setUp(ctx -> {
          clock.addAndGet(1_000_000_000L); // a slow set-up: one (fake) second
          return new int[1];
        })
        .operation(state -> clock.addAndGet(500))
        .beforeInvocation(state -> {
          clock.addAndGet(7_000_000L);
          prepared.incrementAndGet();
        })
        .tearDown(state -> clock.addAndGet(1_000_000_000L))
        .singleShot()
        .build();
    Report report = Suite.newBuilder().options(FAST).quiet().ticker(clock::get).benchmark(b).build().run();
    Result r = report.result("shot").orElseThrow();
    assertEquals(500.0, r.statistic(Metric.WALL_TIME, Statistic.MAX), 1e-9);
    for (var t : r.trials()) {
      for (var s : t.samples()) {
        assertEquals(1, s.operations(), "single shot: one operation per sample");
      }
    }
    assertTrue(prepared.get() >= FAST.trials() * FAST.samples(), "fresh state before every measured operation");
  }

  @Test
  void counters_areReportedPerOperation() {
    Benchmark b = Benchmark.builder("gen")
        .setUp(ctx -> ctx.counter("files.created"))
        .operation(files -> {
          files.add(3);
          return files;
        })
        .build();
    Result r = suite().benchmark(b).build().run().result("gen").orElseThrow();
    Metric files = r.metric("files.created").orElseThrow();
    assertEquals(Unit.COUNT, files.unit());
    assertEquals(3.0, r.statistic(files, Statistic.MIN), 1e-9);
    assertEquals(3.0, r.statistic(files, Statistic.MAX), 1e-9);
  }

  @Test
  void failingBenchmark_isReportedByName_andTheSuiteGoesOn() {
    Report report = suite()
        .benchmark(Benchmark.of("boom", () -> {
          throw new IllegalStateException("kaput");
        }), Target.on(Metric.WALL_TIME).median().atMost(Duration.ofSeconds(1)))
        .benchmark(Benchmark.of("fine", () -> 42))
        .build().run();
    Result boom = report.result("boom").orElseThrow();
    assertTrue(boom.error().orElseThrow().contains("'boom' threw java.lang.IllegalStateException: kaput"),
        boom.error().get());
    assertTrue(report.result("fine").orElseThrow().succeeded());
    assertEquals(Status.ERROR, report.verdicts().get(0).status());
    assertFalse(report.passed());
  }

  @Test
  void failingProbe_isReported_andOtherProbesGoOn() {
    Metric broken = Metric.of("broken.metric", Unit.COUNT, Direction.NEUTRAL);
    Probe probe = new Probe() {
      @Override
      public String id() {
        return "broken";
      }

      @Override
      public List<Metric> metrics() {
        return List.of(broken);
      }

      @Override
      public Session open(RunContext context) {
        return new Session() {
          @Override
          public void afterSample(Recorder recorder) {
            throw new UnsupportedOperationException("no luck");
          }
        };
      }
    };
    Result r = suite().probe(probe).benchmark(Benchmark.of("work", () -> 1)).build().run().result("work").orElseThrow();
    assertTrue(r.succeeded());
    assertTrue(r.notMeasured().get(broken).contains("probe 'broken' failed in afterSample"), r.notMeasured().toString());
    assertTrue(r.sampleValues(Metric.WALL_TIME).length > 0, "the time probe went on");
    assertTrue(r.sampleValues(Metric.ALLOCATED_BYTES).length > 0, "the allocation probe went on");
  }

  @Test
  void hungBenchmark_isStoppedByTheTimeout_andTheSuiteGoesOn() {
    RunOptions shortTimeout = FAST.toBuilder().timeout(Duration.ofMillis(1500)).build();
    Report report = Suite.newBuilder().options(shortTimeout).quiet()
        .benchmark(Benchmark.of("hang", () -> {
          while (!Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
          }
          return null;
        }))
        .benchmark(Benchmark.of("after", () -> 1))
        .build().run();
    assertTrue(report.result("hang").orElseThrow().error().orElseThrow().contains("timed out"));
    Result after = report.result("after").orElseThrow();
    assertTrue(after.succeeded(), after.error().orElse(""));
  }

  @Test
  void target_messageStatesTheMeasurementAgainstTheLimit() {
    AtomicLong clock = new AtomicLong();
    Benchmark b = Benchmark.builder("template.render").operation(s -> clock.addAndGet(840_000)).build();
    Report report = Suite.newBuilder().options(FAST).quiet().ticker(clock::get)
        .benchmark(b, Target.on(Metric.WALL_TIME).p95().atMost(Duration.ofMillis(100)),
            Target.on(Metric.WALL_TIME).p95().atMost(Duration.ofNanos(1000)))
        .build().run();
    List<Verdict> v = report.verdicts();
    assertEquals("template.render  p95 time/op 840 us  <= 100 ms  PASS", v.get(0).message());
    assertEquals("template.render  p95 time/op 840 us  <= 1 us  FAIL", v.get(1).message());
    AssertionError e = assertThrows(AssertionError.class, report::assertPassed);
    assertTrue(e.getMessage().contains("1 of 2 performance checks failed"), e.getMessage());
  }

  @Test
  void sizes_runOneVariantEach_withTargetsPerSize() {
    Benchmark b = Benchmark.builder("fill").setUp(ctx -> new int[ctx.size().orElseThrow()])
        .operation(a -> {
          java.util.Arrays.fill(a, 1);
          return a;
        }).sizes(10, 1000).build();
    Report report = suite().benchmark(b)
        .targetsAtSize("fill", 1000, Target.on(Metric.ALLOCATED_BYTES).max().atMost(Quantity.bytes(0)))
        .build().run();
    assertEquals(List.of("fill[size=10]", "fill[size=1000]"),
        report.results().stream().map(r -> r.key().toString()).toList());
    assertEquals(1, report.verdicts().size());
    assertEquals(Status.PASS, report.verdicts().get(0).status());
  }

  @Test
  void unknownProbeId_namesTheKnownOnes() {
    Suite s = suite().probes("no.such.probe").benchmark(Benchmark.of("x", () -> 1)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::run);
    assertTrue(e.getMessage().contains("no probe 'no.such.probe'; known probes: [time, alloc"), e.getMessage());
  }

  @Test
  void builder_rejectsDuplicateNamesAndEmptySuites() {
    assertThrows(IllegalStateException.class, () -> Suite.newBuilder().build());
    Suite.Builder b = Suite.newBuilder().benchmark(Benchmark.of("x", () -> 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.benchmark(Benchmark.of("x", () -> 2)));
    assertTrue(e.getMessage().contains("'x' was already added"));
  }

  @Test
  void counterInterface_isUsableFromSetUp() {
    Counter[] seen = new Counter[1];
    Benchmark b = Benchmark.builder("c").setUp(ctx -> seen[0] = ctx.counter("models.generated"))
        .operation(c -> {
          c.increment();
          return c;
        }).build();
    Result r = suite().benchmark(b).build().run().result("c").orElseThrow();
    assertEquals(1.0, r.statistic(r.metric("models.generated").orElseThrow(), Statistic.MEDIAN), 1e-9);
  }

  @Test
  void threads_runOneVariantEach_withThroughput_andPerThreadProbesMarkedNotMeasured() {
    long[] data = new long[256];
    Report report = suite().benchmark(Benchmark.of("sum", () -> {
      long s = 0;
      for (long d : data) {
        s += d;
      }
      return s;
    })).threads("sum", 1, 2).build().run();
    assertEquals(List.of("sum", "sum[threads=2]"), report.results().stream().map(r -> r.key().toString()).toList());
    Result two = report.results().get(1);
    assertTrue(two.succeeded(), two.error().orElse(""));
    Metric throughput = two.metric("throughput").orElseThrow();
    assertEquals(Unit.OPS_PER_SECOND, throughput.unit());
    assertTrue(two.statistic(throughput, Statistic.MEDIAN) > 0);
    assertTrue(two.notMeasured().get(Metric.ALLOCATED_BYTES).contains("jfr.memory"), two.notMeasured().toString());
    assertTrue(two.sampleValues(Metric.WALL_TIME).length > 0);
    assertTrue(two.notMeasured().get(Metric.LATENCY_P99).contains("too short to time one by one"),
        two.notMeasured().toString());
  }

  @Test
  void threads_withOperationsOfMicroseconds_recordLatencyPercentiles() {
    long[] data = new long[20_000];
    Report report = suite().benchmark(Benchmark.of("sum", () -> {
      long s = 0;
      for (long d : data) {
        s += d ^ (s >>> 3);
      }
      return s;
    })).threads("sum", 2).build().run();
    Result two = report.results().get(0);
    assertTrue(two.succeeded(), two.error().orElse(""));
    double p50 = two.statistic(Metric.LATENCY_P50, Statistic.MEDIAN);
    double p99 = two.statistic(Metric.LATENCY_P99, Statistic.MEDIAN);
    double max = two.statistic(Metric.LATENCY_MAX, Statistic.MEDIAN);
    assertTrue(p50 > 0 && p50 <= p99 && p99 <= max, p50 + " " + p99 + " " + max);
    // Each operation timed on its own agrees with the least disturbed batch's time per operation. A
    // batch's time includes the moments a thread was descheduled, which single operations mostly
    // escape, so on a loaded machine p50 sits below the batch figures: measured p50 / min time/op
    // 0.29 .. 1.25 over 20 runs at load 25 on 2 cores (p50 / median time/op went down to 0.13, which
    // is why the median is not the reference), and 2.23 once with a second CI build on the cores
    // (35.7 us against 16.0 us: its 2 threads then shared the cores with the other build's, and the
    // least disturbed batch had them to itself). The bounds (a tenth, five times) still catch a
    // unit slip (1000) or a batch timed as one operation.
    double leastPerOp = two.statistic(Metric.WALL_TIME, Statistic.MIN);
    assertTrue(p50 > leastPerOp / 10 && p50 < leastPerOp * 5, "p50 " + p50 + " against min time/op " + leastPerOp);
  }

  @Test
  void threads_withoutCounts_meansOneAndTheNumberOfCpus() {
    Report report = suite().benchmark(Benchmark.of("x", () -> 1)).threads("x").build().run();
    int cpus = Runtime.getRuntime().availableProcessors();
    assertEquals(cpus > 1 ? List.of(1, cpus) : List.of(1),
        report.results().stream().map(r -> r.key().threads()).toList());
  }

  @Test
  void threads_forSingleShot_isAnErrorThatSaysWhy() {
    Report report = suite().benchmark(Benchmark.builder("once").operation(s -> 1).singleShot().build())
        .threads("once", 2).build().run();
    assertTrue(report.results().get(0).error().orElseThrow().contains("single-shot benchmarks run on one thread"));
  }
}
