package dev.perfgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class UnitTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "NANOSECONDS | 0.4        | 0.400 ns",
      "NANOSECONDS | 20         | 20 ns",
      "NANOSECONDS | 840000     | 840 us",
      "NANOSECONDS | 1500000    | 1.50 ms",
      "NANOSECONDS | 2.5e9      | 2.50 s",
      "BYTES       | 1016       | 1016 B",
      "BYTES       | 1048576    | 1 MB",
      "BYTES       | 1572864    | 1.50 MB",
      "RATIO       | 0.95       | 95 %",
      "RATIO       | 0.9543     | 95.4 %",
      "COUNT       | 3          | 3",
      "COUNT       | NaN        | n/a"})
  void format_isReadable(Unit unit, double value, String expected) {
    assertEquals(expected, unit.format(value));
  }
}
