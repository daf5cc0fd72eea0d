package dev.perfgate.collectors.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdicts of a leak report, from reports with known figures (no heap is measured here). */
final class LeakFindingTest {
  private static final long MB = 1024 * 1024;
  private static final Subject SUBJECT = Subject.of(BenchmarkKey.of("generation", 200));

  private static LeakReport report(LeakReport.Finding finding, double growth, double low, double high,
      long unexplained, List<String> warnings) {
    return new LeakReport(30, 40 * MB, Collections.nCopies(30, 40 * MB + unexplained), growth, low, high,
        unexplained, 10 * MB, 50 * MB, finding, warnings, Duration.ofMillis(1234));
  }

  @Test
  void verdicts_noLeak_saysEachAspectInTheScenariosWords() {
    List<Verdict> verdicts = report(LeakReport.Finding.NO_LEAK, 2048, -1024, 4096, 3 * MB, List.of())
        .verdicts(SUBJECT);

    assertEquals(List.of("growth per iteration <= 10 MB", "unexplained growth <= 50 MB",
        "memory returns to its starting level"), verdicts.stream().map(Verdict::check).toList());
    assertEquals(List.of(
        "generation[size=200]  heap growth per iteration 2 KB (95 % CI -1 KB .. 4 KB) over 30 iterations  <= 10 MB  PASS",
        "generation[size=200]  unexplained growth over the run 3 MB  <= 50 MB  PASS",
        "generation[size=200]  retained heap at the end 3 MB above the start (40 MB)  returns to start  PASS"),
        verdicts.stream().map(Verdict::message).toList());
    assertEquals(Map.of("measured", 2048.0, "limit", 10.0 * MB), verdicts.get(0).figures());
    assertEquals(Map.of("measured", 3.0 * MB, "limit", 50.0 * MB), verdicts.get(2).figures());
    verdicts.forEach(v -> assertEquals(SUBJECT, v.subject()));
  }

  @Test
  void verdicts_leakThatStaysBelowTheReturnTolerance_failsOnlyTheGrowth() {
    List<Verdict> verdicts = report(LeakReport.Finding.LEAK, 12 * MB, 11 * MB, 13 * MB, 20 * MB, List.of())
        .verdicts(SUBJECT);

    assertEquals(List.of(Status.FAIL, Status.PASS, Status.PASS), verdicts.stream().map(Verdict::status).toList());
    LeakFinding growth = (LeakFinding) verdicts.get(0).detail();
    assertEquals(LeakFinding.Aspect.GROWTH, growth.aspect());
    assertEquals(12.0 * MB, growth.report().growthPerCycle());
  }

  @Test
  void verdicts_inconclusiveGrowthAndNoReturn_withWarnings_addsOneWarnPerWarning() {
    List<Verdict> verdicts = report(LeakReport.Finding.INCONCLUSIVE, 9 * MB, 5 * MB, 14 * MB, 60 * MB,
        List.of("other threads allocated 3 MB")).verdicts(SUBJECT);

    assertEquals(List.of(Status.INCONCLUSIVE, Status.FAIL, Status.FAIL, Status.WARN),
        verdicts.stream().map(Verdict::status).toList());
    assertEquals("generation[size=200]  unexplained growth over the run 60 MB  <= 50 MB  FAIL",
        verdicts.get(1).message());
    assertEquals("leak check warning", verdicts.get(3).check());
    assertEquals("generation[size=200]  other threads allocated 3 MB", verdicts.get(3).message());
    assertEquals(new LeakFinding.Warning("generation[size=200]", "other threads allocated 3 MB"),
        verdicts.get(3).detail());
  }
}
