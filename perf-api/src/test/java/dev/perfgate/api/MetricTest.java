package dev.perfgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class MetricTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "Time", "time.", ".time", "time..wall", "time wall", "1time", "time-wall"})
  void badNames_areRejectedWithTheName(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Metric.of(name, Unit.COUNT, Direction.NEUTRAL));
    assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"time", "time.wall", "cache.schema.hit_ratio", "gc.p99"})
  void goodNames_areAccepted(String name) {
    assertEquals(name, Metric.of(name, Unit.COUNT, Direction.NEUTRAL).name());
  }

  @Test
  void equality_isByName() {
    assertEquals(Metric.WALL_TIME, Metric.of("time.wall", Unit.COUNT, Direction.NEUTRAL));
    assertNotEquals(Metric.WALL_TIME, Metric.CPU_TIME);
  }

  @Test
  void toString_namesUnitAndDirection() {
    assertEquals("time.wall [ns, lower is better]", Metric.WALL_TIME.toString());
  }

  @Test
  void role_wallTimeIsTheOnePrimaryMetric() {
    assertEquals(Metric.Role.PRIMARY, Metric.WALL_TIME.role());
    assertEquals(Metric.WALL_TIME, Metric.primary());
    assertEquals(Metric.Role.PRIMARY, Metric.of("time.wall", Unit.NANOSECONDS, Direction.LOWER_IS_BETTER).role(),
        "a metric read back from a store keeps its role");
    assertEquals(Metric.Role.SECONDARY, Metric.CPU_TIME.role());
    assertEquals(Metric.Role.SECONDARY, Metric.of("cache.hit.ratio", Unit.RATIO, Direction.HIGHER_IS_BETTER).role());
  }

  @Test
  void reportOrder_primaryThenPerOperationThenByName() {
    Metric hits = Metric.of("cache.hit.ratio", Unit.RATIO, Direction.HIGHER_IS_BETTER);
    Metric alpha = Metric.of("a.count", Unit.COUNT, Direction.NEUTRAL);
    java.util.List<Metric> sorted = java.util.stream.Stream.of(hits, Metric.ALLOCATED_BYTES, alpha, Metric.WALL_TIME,
        Metric.CPU_TIME).sorted(Metric.reportOrder()).toList();
    assertEquals(java.util.List.of(Metric.WALL_TIME, Metric.CPU_TIME, Metric.ALLOCATED_BYTES, alpha, hits), sorted);
  }

  @Test
  void label_perOperationMetricsHaveShortLabels() {
    assertEquals("time/op", Metric.WALL_TIME.label());
    assertEquals("cpu/op", Metric.CPU_TIME.label());
    assertEquals("alloc/op", Metric.ALLOCATED_BYTES.label());
    assertEquals("cache.hit.ratio", Metric.of("cache.hit.ratio", Unit.RATIO, Direction.HIGHER_IS_BETTER).label());
  }
}
