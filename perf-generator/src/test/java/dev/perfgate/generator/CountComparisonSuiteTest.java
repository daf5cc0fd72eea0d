package dev.perfgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.BaselineDecision;
import dev.perfgate.baseline.BaselineStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Allocated bytes judged on the difference, on the real JVM: a zero-allocation operation that
 * starts allocating 24 B per call fails against its stored baseline.
 */
final class CountComparisonSuiteTest {
  private static final RunOptions OPTIONS = RunOptions.newBuilder().trials(6).samples(3)
      .sampleTime(Duration.ofMillis(3)).warmup(Duration.ofMillis(5)).firstWarmup(Duration.ofMillis(50))
      .maxWarmup(Duration.ofMillis(500)).build();

  private static final Object SHARED = new Object();
  /** Where the new array escapes to, so that escape analysis cannot remove the allocation. */
  static volatile long[] sink;

  private static Report run(Path store, Benchmark b) {
    return Suite.newBuilder().options(OPTIONS).quiet().baselines(BaselineStores.directory(store))
        .benchmark(b).build().run();
  }

  private static Verdict allocation(Report r) {
    List<Verdict> v = r.verdicts().stream().filter(x -> x.message().contains("alloc.bytes ")
        && x.message().contains("vs baseline")).toList();
    assertEquals(1, v.size(), r.verdicts().toString());
    return v.get(0);
  }

  @Test
  void zeroAllocationThatStartsAllocating24BytesPerCall_failsAgainstItsBaseline(@TempDir Path store) {
    Report first = run(store, Benchmark.of("lookup", () -> SHARED));
    assertEquals(BaselineDecision.Action.RECORDED, first.benchmarks().get(0).baseline().orElseThrow().action());

    Report allocating = run(store, Benchmark.of("lookup", () -> {
      long[] a = new long[1]; // 16 B header + 8 B = 24 B on a 64-bit HotSpot with compressed class pointers
      sink = a;
      return a;
    }));
    Verdict v = allocation(allocating);
    System.out.println(v.message());
    assertEquals(Status.FAIL, v.status(), v.message());
    assertTrue(v.message().matches("lookup  alloc\\.bytes \\+2\\d(\\.\\d)? B/op vs baseline \\(95 % CI .*"
        + "beyond 8 B tolerance.*FAIL"), v.message());
    assertFalse(allocating.passed());
  }
}
