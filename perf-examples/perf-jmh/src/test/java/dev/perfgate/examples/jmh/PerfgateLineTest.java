package dev.perfgate.examples.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class PerfgateLineTest {

  @Test
  void parse_formattedLine_givesTheSameFigures() {
    PerfgateLine line = new PerfgateLine("mix", 7.123456789, 7.0, 7.5, 8, 0.0, 1_234_567_890L, Optional.empty());
    assertEquals(Optional.of(line), PerfgateLine.parse(line.format()));
  }

  @Test
  void parse_lineWithError_keepsTheErrorOnOneLine() {
    PerfgateLine line = new PerfgateLine("sum2m", Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, 5L,
        Optional.of("benchmark 'sum2m' threw\njava.lang.IllegalStateException"));
    PerfgateLine parsed = PerfgateLine.parse(line.format()).orElseThrow();
    assertEquals(Optional.of("benchmark 'sum2m' threw java.lang.IllegalStateException"), parsed.error());
    assertTrue(Double.isNaN(parsed.median()));
  }

  @Test
  void parse_otherOutput_isNotFigures() {
    assertEquals(Optional.empty(), PerfgateLine.parse("WARNING: something the JVM printed"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"perfgate-figures\tmix\t1.0", "perfgate-figures\tmix\tx\t1\t2\t8\t0\t5\t-"})
  void parse_malformedFiguresLine_throws(String line) {
    assertThrows(IllegalArgumentException.class, () -> PerfgateLine.parse(line));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a\tb"})
  void new_badOperationId_throws(String op) {
    assertThrows(IllegalArgumentException.class,
        () -> new PerfgateLine(op, 1, 1, 1, 1, 0, 1, Optional.empty()));
  }
}
