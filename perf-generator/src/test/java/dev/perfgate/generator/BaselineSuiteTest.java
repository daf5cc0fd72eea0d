package dev.perfgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.BaselineDecision;
import dev.perfgate.baseline.BaselineStores;
import dev.perfgate.baseline.Comparison;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines wired into a suite, on real work: record, compare, and catch a real slowdown. */
final class BaselineSuiteTest {
  private static final RunOptions OPTIONS = RunOptions.newBuilder().trials(6).samples(3)
      .sampleTime(Duration.ofMillis(3)).warmup(Duration.ofMillis(5)).firstWarmup(Duration.ofMillis(50))
      .maxWarmup(Duration.ofMillis(500)).build();

  private static Benchmark summing(int length) {
    long[] data = new long[length];
    for (int i = 0; i < data.length; i++) {
      data[i] = i * 31L;
    }
    return Benchmark.of("sum", () -> {
      long s = 0;
      for (long d : data) {
        s += d ^ (s >>> 3);
      }
      return s;
    });
  }

  private static Report run(Path store, Benchmark b, boolean update) {
    return Suite.newBuilder().options(OPTIONS).quiet().baselines(BaselineStores.directory(store))
        .updateBaselines(update).benchmark(b).build().run();
  }

  private static List<Verdict> comparisons(Report r, String metric) {
    return r.verdicts().stream().filter(v -> v.message().contains(metric + " ")).toList();
  }

  @Test
  void firstRun_recordsTheBaseline_laterRunsCompare_andARealSlowdownFails(@TempDir Path store) {
    IntFunction<Benchmark> work = BaselineSuiteTest::summing;
    Report first = run(store, work.apply(2_000), false);
    assertEquals(BaselineDecision.Action.RECORDED, first.benchmarks().get(0).baseline().orElseThrow().action());
    assertTrue(first.passed());

    Report same = run(store, work.apply(2_000), false);
    // the margin, for the test log: the same work against its baseline must stay clear of a FAIL
    // (no regression beyond the 20 % tolerance, after measuring more if the first look was undecided)
    comparisons(same, "time.wall").forEach(v -> System.err.println("MARGIN same " + v.message()));
    assertEquals(BaselineDecision.Action.KEPT, same.benchmarks().get(0).baseline().orElseThrow().action());
    assertFalse(comparisons(same, "time.wall").isEmpty(), same.verdicts().toString());
    assertTrue(same.verdicts().stream().noneMatch(v -> v.status() == Status.FAIL), same.verdicts().toString());

    // Three times the work: a regression far beyond the 20 % tolerance. Under heavy load (a load
    // average of 28 on 2 cores) a preemption of tens of milliseconds makes a 3 ms sample read up to
    // 10 times slow, and 6 against 6 trials could not decide (once, with the one-shot confirmation
    // this replaced, even eight times the work: +365.8 %, 95 % CI -15.4 .. +4371.0 %); the suite now
    // measures more trials until the comparison decides or its budget is spent. The mechanism
    // (record, keep, compare, measure more, fail) is what this test checks; how small a regression is
    // caught is perf-examples' RegressionDetection benchmark.
    Report slower = run(store, work.apply(6_000), false);
    Verdict time = comparisons(slower, "time.wall").get(0);
    System.err.println("MARGIN slower " + time.message());
    assertEquals(Status.FAIL, time.status(), time.message());
    // One verdict for the metric: where the short history disagrees, the line ends with who decided.
    assertTrue(time.message().matches("sum  time\\.wall \\+\\d+(\\.\\d)? % vs baseline \\(95 % CI .*  FAIL(: .*)?"),
        time.message());
    assertEquals(1, comparisons(slower, "time.wall").size(), slower.verdicts().toString());
    assertFalse(slower.passed());
    assertEquals(3, slower.benchmarks().get(0).baseline().orElseThrow().trends().get(Metric.WALL_TIME).runs());
  }

  @Test
  void update_replacesTheBaseline(@TempDir Path store) {
    run(store, summing(2_000), false);
    Report replaced = run(store, summing(16_000), true);
    assertEquals(BaselineDecision.Action.REPLACED, replaced.benchmarks().get(0).baseline().orElseThrow().action());
    Report after = run(store, summing(16_000), false);
    comparisons(after, "time.wall").forEach(v -> System.err.println("MARGIN after " + v.message()));
    // Compared with the replaced baseline: the old one (2 000 longs) would read about 8 times slower.
    // Not "no FAIL": two runs of the same code in one JVM met different JIT states and read +61.7 %
    // (95 % CI +55.6 .. +66.4 %) with a CI build beside this one, which is why a stored baseline of one
    // JVM is a lead (the forks are the cure); the update is what this test checks.
    Comparison time = after.benchmarks().get(0).baseline().orElseThrow().comparisons().stream()
        .filter(c -> c.metric().equals(Metric.WALL_TIME)).findFirst().orElseThrow();
    assertTrue(time.ratio() < 3, time.toString());
    assertEquals(BaselineDecision.Action.KEPT, after.benchmarks().get(0).baseline().orElseThrow().action());
  }
}
