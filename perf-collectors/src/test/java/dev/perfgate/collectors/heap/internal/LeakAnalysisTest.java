package dev.perfgate.collectors.heap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.perfgate.collectors.heap.LeakReport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class LeakAnalysisTest {

  /** Readings 1024 i + ((7 i) mod 5) 64 after cycles i = 1..20: a 1 KB leak with 0..256 B of jitter. */
  private static long[] readings() {
    long[] r = new long[20];
    for (int i = 1; i <= 20; i++) {
      r[i - 1] = 1024L * i + ((i * 7) % 5) * 64;
    }
    return r;
  }

  @Test
  void analyse_oneKilobytePerCycle_givesScipysSenSlopeAndInterval() {
    // scipy.stats.theilslopes(readings, range(1, 21), 0.95) -> slope 1024.0, 1014.8571428571429 .. 1032.0
    LeakReport report = LeakAnalysis.analyse(0, readings(), 1000, 0, List.of(), false, Duration.ZERO);
    assertEquals(1024.0, report.growthPerCycle());
    assertEquals(1014.8571428571429, report.growthLow(), 1e-9);
    assertEquals(1032.0, report.growthHigh(), 1e-9);
    assertEquals(LeakReport.Finding.LEAK, report.finding());
  }

  @Test
  void analyse_allowanceInsideTheInterval_isInconclusive() {
    LeakReport report = LeakAnalysis.analyse(0, readings(), 1020, 0, List.of(), false, Duration.ZERO);
    assertEquals(LeakReport.Finding.INCONCLUSIVE, report.finding());
  }

  @Test
  void analyse_allowanceAboveTheInterval_isNoLeak() {
    LeakReport report = LeakAnalysis.analyse(0, readings(), 1032, 0, List.of(), false, Duration.ZERO);
    assertEquals(LeakReport.Finding.NO_LEAK, report.finding());
  }
}
