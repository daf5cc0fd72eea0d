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
}
