package dev.perfgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Targets judged on hand-made results with known values (the arithmetic, not the probes). */
final class TargetTest {
  private static final Environment ENV = Environment.current();

  private static Result result(String name, Metric metric, double... perSample) {
    List<Sample> samples = java.util.Arrays.stream(perSample)
        .mapToObj(v -> new Sample(1, 1, Map.of(metric, v))).toList();
    return new Result(BenchmarkKey.of(name), List.of(new Trial(0, samples, Map.of())), Map.of(), List.of(),
        Optional.empty(), ENV, Instant.EPOCH, Duration.ZERO);
  }

  @Test
  void atMost_passesAtTheLimit_andFailsAbove() {
    Result r = result("render", Metric.WALL_TIME, 1e6, 2e6, 3e6);
    Verdict pass = Target.on(Metric.WALL_TIME).max().atMost(Duration.ofMillis(3)).evaluate(r);
    Verdict fail = Target.on(Metric.WALL_TIME).max().atMost(Duration.ofNanos(2_999_999)).evaluate(r);
    assertEquals(Status.PASS, pass.status());
    assertEquals(Status.FAIL, fail.status());
    assertEquals("render  max time/op 3 ms  <= 3.00 ms  FAIL", fail.message());
    assertEquals(3e6, fail.figures().get("measured"));
  }

  @Test
  void atLeast_readsTheOtherWay() {
    Metric ratio = Metric.of("cache.hit.ratio", Unit.RATIO, Direction.HIGHER_IS_BETTER);
    Result r = result("cache", ratio, 0.96, 0.97);
    assertEquals(Status.PASS, Target.on("cache.hit.ratio").min().atLeast(Quantity.percent(95)).evaluate(r).status());
    assertEquals(Status.FAIL, Target.on("cache.hit.ratio").min().atLeast(Quantity.percent(97)).evaluate(r).status());
  }

  @Test
  void unknownMetric_isAnError_andSaysWhatWasRecorded() {
    Verdict v = Target.on("heap.peak").max().atMost(Quantity.megabytes(200))
        .evaluate(result("gen", Metric.WALL_TIME, 1));
    assertEquals(Status.ERROR, v.status());
    assertTrue(v.message().contains("no probe in this run records 'heap.peak'; metrics recorded: [time.wall]"),
        v.message());
  }

  @Test
  void notMeasuredMetric_givesTheProbesReason() {
    Metric heap = Metric.of("heap.peak", Unit.BYTES, Direction.LOWER_IS_BETTER);
    Result r = new Result(BenchmarkKey.of("gen"), List.of(), Map.of(heap, "JFR is not available"), List.of(),
        Optional.empty(), ENV, Instant.EPOCH, Duration.ZERO);
    Verdict v = Target.on(heap).max().atMost(Quantity.megabytes(200)).evaluate(r);
    assertEquals(Status.NOT_MEASURED, v.status());
    assertTrue(v.message().endsWith("JFR is not available"), v.message());
  }

  @Test
  void limitInTheWrongUnit_isRejectedWithTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Target.on(Metric.WALL_TIME).max().atMost(Quantity.bytes(5)).evaluate(result("x", Metric.WALL_TIME, 1)));
    assertTrue(e.getMessage().contains("give the limit in NANOSECONDS"), e.getMessage());
  }

  @Test
  void failedBenchmark_isAnError() {
    Result r = new Result(BenchmarkKey.of("boom"), List.of(), Map.of(), List.of(), Optional.of("it threw"), ENV,
        Instant.EPOCH, Duration.ZERO);
    Verdict v = Target.on(Metric.WALL_TIME).max().atMost(Duration.ofSeconds(1)).evaluate(r);
    assertEquals(Status.ERROR, v.status());
    assertTrue(v.failed());
  }
}
