package dev.perfgate.generator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ReportExtrasTest {
  private static final BenchmarkKey KEY = BenchmarkKey.of("render");

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, -1})
  void history_invalidMedian_isRejectedNamingIt(double bad) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReportExtras.newBuilder().history(KEY, 10, bad));
    assertTrue(e.getMessage().contains("render") && e.getMessage().contains(String.valueOf(bad)), e.getMessage());
  }

  @Test
  void history_setTwice_isAStateError() {
    ReportExtras.Builder b = ReportExtras.newBuilder().history(KEY, 1, 2);
    assertThrows(IllegalStateException.class, () -> b.history(KEY, 3));
  }

  @Test
  void history_isCopiedInAndOut() {
    double[] medians = {1, 2};
    ReportExtras extras = ReportExtras.newBuilder().history(KEY, medians).build();
    medians[0] = 99;
    extras.history().get(KEY)[1] = 99;
    assertEquals(List.of(1.0, 2.0), java.util.Arrays.stream(extras.history().get(KEY)).boxed().toList());
  }

  @Test
  void table_rowOfTheWrongLength_isRejectedWithTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportExtras.newBuilder()
        .table(KEY, "sites", List.of("site", "bytes"), List.of(List.of("a", "1"), List.of("b"))));
    assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("one cell per column"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void table_blankTitle_isRejected(String title) {
    assertThrows(IllegalArgumentException.class, () -> new ReportExtras.Table(KEY, title, List.of("a"), List.of()));
  }

  @Test
  void table_noColumn_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new ReportExtras.Table(KEY, "t", List.of(), List.of()));
  }

  @Test
  void none_isEmpty() {
    assertTrue(ReportExtras.none().history().isEmpty());
    assertTrue(ReportExtras.none().tables().isEmpty());
  }
}
