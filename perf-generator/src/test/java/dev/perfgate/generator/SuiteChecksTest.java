package dev.perfgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.scaling.Complexity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The suite checks on real work; only clear-cut cases are asserted (the machine is shared). */
final class SuiteChecksTest {
  private static final RunOptions OPTIONS = RunOptions.newBuilder().trials(5).samples(3)
      .sampleTime(Duration.ofMillis(2)).warmup(Duration.ofMillis(5)).firstWarmup(Duration.ofMillis(50))
      .maxWarmup(Duration.ofMillis(500)).build();

  @Test
  void quadraticWork_doesNotScaleLinearly() {
    Benchmark pairs = Benchmark.builder("pairs").setUp(ctx -> new int[ctx.size().orElseThrow()])
        .operation(a -> {
          long s = 0;
          for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
              s += (i ^ j) & 7;
            }
          }
          return s;
        }).sizes(64, 256, 1024, 4096).build();
    Report report = Suite.newBuilder().options(OPTIONS).quiet().benchmark(pairs)
        .check(SuiteChecks.scalesNoWorseThan("pairs", Complexity.LINEAR)).build().run();
    Verdict v = report.suiteVerdicts().get(0);
    System.err.println("MARGIN pairs " + v.message());
    assertEquals(Status.FAIL, v.status(), v.message());
  }

  /**
   * Issue 13's case through the runner: a plain sum over 1000 .. 256000 ints, timed in wall time,
   * read an exponent of 1.07 (95 % CI 1.05 .. 1.08), between the 1.00 of O(n) and the 1.10 that
   * O(n log n) shows on these sizes. The algorithm is linear: the check may be INCONCLUSIVE or
   * PASS, never FAIL.
   */
  @Test
  void linearScanAcrossTheCaches_isNeverFailedAgainstLinear() {
    Benchmark scan = Benchmark.builder("scan").setUp(ctx -> new Random(42).ints(ctx.size().orElseThrow()).toArray())
        .operation(a -> {
          long s = 0;
          for (int v : a) {
            s += v;
          }
          return s;
        }).sizes(1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000).build();
    Report report = Suite.newBuilder().options(OPTIONS).quiet().benchmark(scan)
        .check(SuiteChecks.scalesNoWorseThan("scan", Complexity.LINEAR)).build().run();
    Verdict v = report.suiteVerdicts().get(0);
    System.err.println("MARGIN scan " + v.message());
    assertNotEquals(Status.FAIL, v.status(), v.message());
    assertTrue(v.status() == Status.PASS || v.message().contains("cannot tell O(n) from O(n log n)"), v.message());
  }

  @Test
  void cheapWork_beatsTenTimesTheWork_byFarMoreThanAThird() {
    long[] data = new long[20_000];
    Benchmark slow = Benchmark.of("full", () -> {
      long s = 0;
      for (long d : data) {
        s += d + 1;
      }
      return s;
    });
    Benchmark fast = Benchmark.of("tenth", () -> {
      long s = 0;
      for (int i = 0; i < data.length / 10; i++) {
        s += data[i] + 1;
      }
      return s;
    });
    // Ten trials a side and a limit far below the expected 90 %: one disturbed trial on a shared
    // machine must not widen the interval past the limit. Two CI builds side by side disturbed
    // several (improvement 88.5 %, 95 % CI 19.2 .. 90.2 %: inconclusive, an honest reading of such
    // trials), so an inconclusive round is measured again, at most three rounds; a FAIL, the wrong
    // reading, fails at once.
    RunOptions more = OPTIONS.toBuilder().trials(10).build();
    List<String> rounds = new ArrayList<>();
    for (int round = 1; round <= 3; round++) {
      Report report = Suite.newBuilder().options(more).quiet().benchmark(slow).benchmark(fast)
          .check(SuiteChecks.improvementAtLeast("full", "tenth", 0.3)).build().run();
      Verdict v = report.suiteVerdicts().get(0);
      System.err.println("MARGIN improvement (round " + round + ") " + v.message());
      assertTrue(v.message().startsWith("tenth vs full  time/op improvement "), v.message());
      assertNotEquals(Status.FAIL, v.status(), v.message());
      if (v.status() == Status.PASS) {
        return;
      }
      assertEquals(Status.INCONCLUSIVE, v.status(), v.message());
      rounds.add(v.message());
    }
    Assumptions.abort("three rounds in a row too disturbed to decide: " + rounds);
  }

  @Test
  void degradation_withoutTheOneThreadRun_saysWhatToAdd() {
    Report report = Suite.newBuilder().options(OPTIONS).quiet().benchmark(Benchmark.of("x", () -> 1))
        .threads("x", 2).check(SuiteChecks.degradationAtMost("x", 2, 0.1)).build().run();
    List<Verdict> v = report.suiteVerdicts();
    assertEquals(Status.INCONCLUSIVE, v.get(0).status());
    assertTrue(v.get(0).message().contains("threads(\"x\", 1, 2)"), v.get(0).message());
    assertEquals(new MissingRuns("x", MissingRuns.Kind.THREAD_COUNTS, 0, 2), v.get(0).detail());
  }

  @Test
  void checks_withoutRuns_areInconclusiveWithATypedDetail() {
    Verdict scaling = SuiteChecks.scalesNoWorseThan("x", Complexity.LINEAR).check(List.of()).get(0);
    assertEquals(Status.INCONCLUSIVE, scaling.status());
    assertEquals(new MissingRuns("x", MissingRuns.Kind.SIZES, 0, 0), scaling.detail());
    assertEquals("x  scaling needs at least three sizes that ran; found 0", scaling.message());
    Verdict degradation = SuiteChecks.degradationAtMost("x", 2, 0.1).check(List.of()).get(0);
    assertEquals(Status.INCONCLUSIVE, degradation.status());
    assertEquals(new MissingRuns("x", MissingRuns.Kind.RUNS, 0, 2), degradation.detail());
    assertEquals("x  degradation: no successful run of 'x' in the suite", degradation.message());
  }
}
