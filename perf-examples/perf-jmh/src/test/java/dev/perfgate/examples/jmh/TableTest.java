package dev.perfgate.examples.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TableTest {

  private static Row row(Op op, double jmhNanos, double pgNanos, double jmhBytes, double pgBytes, long jmhWall,
      long pgWall) {
    return new Row(op, new Row.Jmh(jmhNanos, 0.1, jmhBytes, jmhWall),
        new PerfgateLine(op.id(), pgNanos, pgNanos, pgNanos, 8, pgBytes, pgWall, Optional.empty()));
  }

  private static String goalLine(String goals, String op, String what) {
    return goals.lines().filter(l -> l.contains(op + " ") && l.contains(what)).findFirst().orElseThrow();
  }

  @Test
  void goals_fourPercentSlower_isMet_sixPercentSlower_isNot() {
    String goals = Table.goals(List.of(row(Op.MIX, 20, 20.8, 0, 0, 10, 1),
        row(Op.SORT100, 1000, 1060, 416, 416, 10, 1)), 20, 2);
    assertTrue(goalLine(goals, "mix", "time").startsWith("  met"), goals);
    assertTrue(goalLine(goals, "sort100", "time").startsWith("  NOT MET"), goals);
  }

  @Test
  void goals_allocationOffByOneByte_isNotMet_offByAFraction_is() {
    String goals = Table.goals(List.of(row(Op.ALLOC, 30, 30, 1016.02, 1016, 10, 1),
        row(Op.SUM2M, 1e6, 1e6, 15.4, 24, 10, 1)), 20, 2);
    assertTrue(goalLine(goals, "alloc", "allocation").startsWith("  met"), goals);
    assertTrue(goalLine(goals, "sum2m", "allocation").startsWith("  NOT MET"), goals);
  }

  @Test
  void goals_emptyOperation_isJudgedOnItsOwnLimitToo_andWallTimeOnItsShare() {
    String goals = Table.goals(List.of(row(Op.EMPTY, 0.3, 0.9, 0, 0, 10_000, 3_000)), 10_000, 3_000);
    assertTrue(goalLine(goals, "empty", "<= 1 ns/op").startsWith("  met"), goals);
    assertTrue(goalLine(goals, "empty", "Perfgate/JMH").startsWith("  NOT MET"), goals);
    assertTrue(goalLine(goals, "empty", "wall").startsWith("  NOT MET"), goals);
  }

  @Test
  void number_keepsAboutFourFigures() {
    assertEquals("0.346", Table.number(0.3456));
    assertEquals("19.95", Table.number(19.949));
    assertEquals("564.7", Table.number(564.66));
    assertEquals("1,052,345", Table.number(1_052_345.4));
    assertEquals("n/a", Table.number(Double.NaN));
  }
}
