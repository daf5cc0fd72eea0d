package dev.perfgate.collectors.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class LeakCheckTest {
  /** One kilobyte: a byte[1008] is 1008 bytes of data plus a 16-byte header on a 64-bit JVM. */
  private static final int KILOBYTE_ARRAY_LENGTH = 1024 - 16;
  private static final List<byte[]> LEAKED = new ArrayList<>();
  private static volatile Object sink;

  @AfterEach
  void forgetLeak() {
    LEAKED.clear();
  }

  @Test
  void run_staticListGrowingOneKilobytePerCycle_findsLeakWithinFivePercent() throws Exception {
    LeakReport report = LeakCheck.newBuilder().cycles(100).build()
        .run(() -> LEAKED.add(new byte[KILOBYTE_ARRAY_LENGTH]));
    // the margin, for the test log: how far the growth lies from 1024 B against the 5 % allowed
    System.err.printf(Locale.ROOT, "MARGIN leak.growth %.1f B/cycle, |off| %.1f of 51.2 allowed; %s%n",
        report.growthPerCycle(), Math.abs(report.growthPerCycle() - 1024), report);

    assertEquals(LeakReport.Finding.LEAK, report.finding(), report::toString);
    assertEquals(1024, report.growthPerCycle(), 1024 * 0.05, report::toString);
    assertTrue(report.growthLow() <= report.growthPerCycle() && report.growthPerCycle() <= report.growthHigh(),
        report::toString);
    assertFalse(report.returnsToStart(), report::toString);
    assertEquals(100, report.retainedBytes().size());
  }

  @RepeatedTest(20)
  void run_heavyGarbageKeepingNothing_isNotFlagged() throws Exception {
    LeakReport report = LeakCheck.newBuilder().cycles(30).build().run(LeakCheckTest::makeGarbage);
    // the margins, for the test log: the interval's low end against the allowed growth (a LEAK needs
    // it above), and the end-of-run growth against the return tolerance
    System.err.printf(Locale.ROOT, "MARGIN garbage.growthLow %.1f B/cycle vs allowed %d; end %+d B vs %d B%n",
        report.growthLow(), report.allowedGrowthPerCycle(), report.unexplainedGrowth(), report.returnTolerance());

    assertNotEquals(LeakReport.Finding.LEAK, report.finding(), report::toString);
    assertTrue(report.returnsToStart(), report::toString);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 4})
  void cycles_belowFive_isRejected(int cycles) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LeakCheck.newBuilder().cycles(cycles));
    assertTrue(e.getMessage().contains("cycles (" + cycles + ") must be >= 5"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, -1024})
  void allowedGrowth_negative_isRejected(long bytes) {
    assertThrows(IllegalArgumentException.class, () -> LeakCheck.newBuilder().allowedGrowthPerCycle(bytes));
  }

  @Test
  void builder_optionSetTwice_isRejected() {
    LeakCheck.Builder builder = LeakCheck.newBuilder().cycles(10);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder.cycles(20));
    assertTrue(e.getMessage().contains("cycles was already set"), e.getMessage());
  }

  /** About 2 MB of short-lived strings, maps and arrays per cycle, none of it kept. */
  static void makeGarbage() {
    Map<Integer, String> map = new HashMap<>();
    long checksum = 0;
    for (int i = 0; i < 20_000; i++) {
      map.put(i, "value-" + i);
      if (map.size() > 1000) {
        map.clear();
      }
      byte[] chunk = new byte[32];
      // A volatile write makes the array escape, so the JIT cannot remove the allocation.
      sink = chunk;
      checksum += chunk.length + map.size();
    }
    sink = checksum;
  }
}
