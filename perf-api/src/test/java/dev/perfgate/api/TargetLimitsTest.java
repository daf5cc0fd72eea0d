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

/** Limits that can never mean anything are refused where the target is written, not after the run. */
final class TargetLimitsTest {

  @Test
  void negativeTimeLimit_isRejectedWhenTheTargetIsBuilt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Target.on(Metric.WALL_TIME).p95().atMost(Duration.ofMillis(-1)));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
  }

  @Test
  void zeroTimeLimit_isRejected_becauseNoMeasuredTimeCanMeetIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Target.on(Metric.WALL_TIME).median().atMost(Duration.ZERO));
    assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
  }

  @Test
  void negativeKilobytes_areRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantity.kilobytes(-5));
    assertEquals("kilobytes (-5.0) must be >= 0", e.getMessage());
  }

  @Test
  void negativeCountsAndThroughput_areRejected() {
    assertThrows(IllegalArgumentException.class, () -> Quantity.count(-1));
    assertThrows(IllegalArgumentException.class, () -> Quantity.bytes(-1));
    assertThrows(IllegalArgumentException.class, () -> Quantity.throughput(-10));
    assertThrows(IllegalArgumentException.class, () -> Target.on(Metric.THROUGHPUT).median().atLeast(Quantity.throughput(0)));
  }

  @Test
  void zeroBytesAtMost_isAllowed_asTheZeroAllocationTarget() {
    Target t = Target.on(Metric.ALLOCATED_BYTES).max().atMost(Quantity.bytes(0));
    assertEquals(0.0, t.limit().value());
  }

  @Test
  void zeroAtLeast_forAMagnitude_isRejected_becauseItCannotFail() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Target.on("files.created").min().atLeast(Quantity.count(0)));
    assertTrue(e.getMessage().contains("always holds"), e.getMessage());
  }

  @Test
  void negativePercent_isAllowed_forARelativeChange() {
    Target t = Target.on("speedup.ratio").median().atMost(Quantity.percent(-5));
    assertEquals(-0.05, t.limit().value(), 1e-12);
  }

  @Test
  void limitInTheWrongUnit_forAKnownMetric_isRejectedWhenBuilt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Target.on(Metric.WALL_TIME).max().atMost(Quantity.bytes(5)));
    assertTrue(e.getMessage().contains("give the limit in NANOSECONDS"), e.getMessage());
  }

  @Test
  void targetOnAMetricNothingRecorded_isAnError_namingTheNearestRecordedMetric() {
    Metric ratio = Metric.of("cache.hit.ratio", Unit.RATIO, Direction.HIGHER_IS_BETTER);
    Result r = new Result(BenchmarkKey.of("cache"),
        List.of(new Trial(0, List.of(new Sample(1, 1, Map.of(ratio, 0.9))), Map.of())), Map.of(), List.of(),
        Optional.empty(), Environment.current(), Instant.EPOCH, Duration.ZERO);
    Verdict v = Target.on("cache.hit.ratoi").min().atLeast(Quantity.percent(90)).evaluate(r);
    assertEquals(Status.ERROR, v.status());
    assertTrue(v.message().contains("did you mean 'cache.hit.ratio'"), v.message());
  }
}
