package dev.perfgate.baseline.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Workloads of known complexity timed on this JVM, then fitted. Timing is a plain median of
 * repeated batches timed by the thread's CPU time (see {@link #cpuNanos()}; the project's runner is
 * separate). Each trial value is the median of 15 short batches (200 us, or one operation where
 * that is longer): on a machine where other processes take the cores, a batch that spans a
 * preemption reads slow even in CPU time (the other process has emptied the caches), and short
 * batches keep those a minority that the median ignores. With 4 ms batches of wall time nearly
 * every batch spanned one under a load average of 12, and a linear sum read as n^1.16. Sizes are
 * shuffled within each trial so that a slow spell spreads over all sizes instead of bending the
 * curve. No assertion is on a duration, only on the verdicts the figures imply; a measurement that
 * breaks them is taken again, at most three in all (see {@link #holds}).
 */
final class RealWorkloadScalingTest {

  private static final int TRIALS = 5;
  private static final int MEASUREMENTS = 3;
  private static final int BATCHES = 15;
  private static final long MIN_BATCH_NANOS = 200_000;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Consumes results so the JIT cannot drop the work. */
  private static volatile long sink;

  /**
   * Where the operation index of the next batch starts: operations never see the same index twice,
   * so inputs derived from it never repeat (a repeated input lets the branch predictor learn it).
   */
  private static int nextIndex;

  interface Work {
    long run(int[] data, int[] scratch, int i);
  }

  @Test
  void arrayIndex_isConstant() {
    holds(() -> measure("index", sizes(1000, 7), (d, s, i) -> {
      // eight reads at fixed places: enough work that the harness's own cost does not dominate
      int base = (d.length >> 1) + (i & 15);
      long sum = 0;
      for (int k = 0; k < 8; k++) {
        sum += d[base + 16 * k];
      }
      return sum;
    }), fit -> {
      // Under a load average above 10 on this 2-core machine a burst at one size sometimes leaves a
      // growth class level with O(1) ("O(1) or O(n^2)"); what must hold is the gate's contract: O(1)
      // is never ruled out, the exponent is about 0, and the verdict against O(1) never fails.
      assertTrue(fit.plausible().contains(Complexity.CONSTANT), fit::toString);
      assertEquals(0, fit.exponent().value(), 0.1, fit::toString);
      Verdict v = verdict(Complexity.CONSTANT, fit, "index");
      assertFalse(v.failed(), v::message);
    });
  }

  @Test
  void arraySum_isLinear() {
    holds(() -> measure("sum", sizes(1000, 7), (d, s, i) -> {
      long sum = i;
      for (int v : d) {
        sum += v;
      }
      return sum;
    }), fit -> {
      // The gate's contract: the true class is plausible, the check against it never fails, the
      // check against the class below never passes. Naming O(n) alone held in all but one of a
      // dozen runs under a load average of 12 ("O(n) or O(n log n)" then).
      assertTrue(fit.plausible().contains(Complexity.LINEAR), fit::toString);
      Verdict v = verdict(Complexity.LINEAR, fit, "sum");
      assertFalse(v.failed(), v::message);
      Verdict below = verdict(Complexity.LOGARITHMIC, fit, "sum");
      assertEquals(Status.FAIL, below.status(), below::message);
    });
  }

  @Test
  void pairCount_isQuadratic() {
    holds(() -> measure("pairs", sizes(32, 7), (d, s, i) -> {
      long count = i;
      for (int a = 0; a < d.length; a++) {
        int x = d[a];
        for (int b = a + 1; b < d.length; b++) {
          count += (d[b] - x) >>> 31;
        }
      }
      return count;
    }), fit -> {
      assertEquals(List.of(Complexity.QUADRATIC), fit.plausible(), fit::toString);
      assertFalse(verdict(Complexity.QUADRATIC, fit, "pairs").failed(), fit::toString);
      Verdict below = verdict(Complexity.LINEARITHMIC, fit, "pairs");
      assertEquals(Status.FAIL, below.status(), below::message);
    });
  }

  @Test
  void sort_isLinearithmic_andFailsAgainstLinear() {
    // the grid, 1000 .. 256000: n log n shows 1.10 there, sorting read 1.22
    holds(() -> measure("sort", sizes(1000, 9), data -> {
      // twice the size of random ints: each sort copies a window of n from it
      int[] pool = new int[2 * data.length];
      Random r = new Random(data.length);
      for (int k = 0; k < pool.length; k++) {
        pool[k] = r.nextInt();
      }
      return pool;
    }, (pool, s, i) -> {
      // Fresh input for every sort, a window of the pool at a new offset: sorting one array again
      // and again lets the branch predictor learn its comparisons at small sizes. Copying costs
      // about 1 % of sorting; making the numbers (a xorshift per element) cost 5 %, a linear term
      // that flattens the exponent below what n log n shows.
      int n = pool.length / 2;
      System.arraycopy(pool, Math.floorMod(i * 7919, n), s, 0, n);
      Arrays.sort(s, 0, n);
      return s[Math.floorMod(i, n)];
    }), fit -> {
      assertTrue(fit.plausible().contains(Complexity.LINEARITHMIC), fit::toString);
      Verdict v = verdict(Complexity.LINEARITHMIC, fit, "sort");
      assertFalse(v.failed(), v::message);
      Verdict below = verdict(Complexity.LINEAR, fit, "sort");
      assertEquals(Status.FAIL, below.status(), below::message);
    });
  }

  /**
   * The case: a plain sum over arrays from 4 KB to 4 MB, through the first- and second-level
   * caches (48 KB and 2 MB a core here). The algorithm is linear; the memory hierarchy makes each
   * element dearer as the array grows, so the exponent reads above 1 (1.07 on 1000 .. 256000 in the
   * issue), where it cannot be told from n log n. It may be INCONCLUSIVE or PASS, never FAIL.
   */
  @Test
  void linearScanAcrossTheCaches_isNeverFailedAgainstLinear() {
    holds(() -> measure("scan", sizes(1000, 11), (d, s, i) -> {
      long sum = i;
      for (int v : d) {
        sum += v;
      }
      return sum;
    }), fit -> {
      Verdict v = verdict(Complexity.LINEAR, fit, "scan");
      assertNotEquals(Status.FAIL, v.status(), v::message);
      if (v.status() == Status.INCONCLUSIVE) {
        assertTrue(v.message().contains("cannot tell O(n) from O(n log n)"), v::message);
      }
      Verdict below = verdict(Complexity.LOGARITHMIC, fit, "scan");
      assertEquals(Status.FAIL, below.status(), below::message);
    });
  }

  /**
   * {@code n} binary searches into a sorted array of {@code n}: a true n log n, which the check must
   * never pass against O(n) on the grid where the scan above reads 1.07.
   */
  @Test
  void binarySearches_areNeverPassedAgainstLinear() {
    holds(() -> measure("search", sizes(1000, 9), data -> {
      int[] sorted = data.clone();
      Arrays.sort(sorted);
      return sorted;
    }, (d, s, i) -> {
      // keys from a generator seeded by the operation index: never the same sequence twice
      int x = i * 0x9E3779B9 | 1;
      long found = 0;
      for (int k = 0; k < d.length; k++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        found += Arrays.binarySearch(d, x);
      }
      return found;
    }), fit -> {
      Verdict v = verdict(Complexity.LINEAR, fit, "search");
      assertNotEquals(Status.PASS, v.status(), v::message);
      Verdict quadratic = verdict(Complexity.QUADRATIC, fit, "search");
      assertFalse(quadratic.failed(), quadratic::message);
    });
  }

  /**
   * Measures and checks the contract, and measures again (at most {@link #MEASUREMENTS} times in
   * all) where the contract did not hold. Beside a whole CI build on these 2 cores one measurement
   * of the linear sum once read an exponent of 0.71 (0.98 .. 1.01 in every other run, beside busy
   * loops and beside a build of two modules too): what another process does to the caches between
   * two reads of the thread's CPU time stays in it. A fault of the fit or of the check shows in
   * every measurement and still fails; a fit bent by the machine seldom twice in a row.
   */
  private static void holds(Supplier<ComplexityFit> measurement, Consumer<ComplexityFit> contract) {
    List<AssertionError> broken = new ArrayList<>();
    for (int m = 1; m <= MEASUREMENTS; m++) {
      ComplexityFit fit = measurement.get();
      try {
        contract.accept(fit);
        return;
      } catch (AssertionError e) {
        System.err.println("CONTRACT broken in measurement " + m + " of " + MEASUREMENTS + ": " + e.getMessage());
        broken.add(e);
      }
    }
    AssertionError failure = new AssertionError(
        "the contract failed in all " + MEASUREMENTS + " measurements; the first: " + broken.get(0).getMessage());
    broken.forEach(failure::addSuppressed);
    throw failure;
  }

  /** Checks and prints the verdict, for the test log. */
  private static Verdict verdict(Complexity limit, ComplexityFit fit, String name) {
    Verdict v = Scaling.checkNoWorseThan(limit, fit, name);
    System.err.println("VERDICT " + v.message());
    return v;
  }

  private static int[] sizes(int first, int count) {
    int[] sizes = new int[count];
    for (int k = 0; k < count; k++) {
      sizes[k] = first << k;
    }
    return sizes;
  }

  private static ComplexityFit measure(String name, int[] sizes, Work work) {
    return measure(name, sizes, UnaryOperator.identity(), work);
  }

  private static ComplexityFit measure(String name, int[] sizes, UnaryOperator<int[]> prepare, Work work) {
    Random random = new Random(42);
    Map<Integer, int[]> data = new LinkedHashMap<>();
    Map<Integer, Long> reps = new LinkedHashMap<>();
    for (int n : sizes) {
      data.put(n, prepare.apply(random.ints(n).toArray()));
    }
    // Calibrating twice also warms the code up at every size before anything counts.
    for (int round = 0; round < 2; round++) {
      for (int n : sizes) {
        reps.put(n, calibrate(work, data.get(n)));
      }
    }
    Map<Integer, double[]> values = new TreeMap<>();
    for (int n : sizes) {
      values.put(n, new double[TRIALS]);
    }
    // Untimed passes: the JIT recompiles the harness once it has seen every size, and on a busy
    // machine the compiler threads take a while to deliver.
    for (int pass = 0; pass < 3; pass++) {
      for (int n : sizes) {
        trial(work, data.get(n), reps.get(n));
      }
    }
    // sizes in a new random order in every trial, so that a drift of the machine or the JIT over
    // the run reads as noise rather than as growth
    List<Integer> order = new ArrayList<>();
    for (int n : sizes) {
      order.add(n);
    }
    for (int t = 0; t < TRIALS; t++) {
      Collections.shuffle(order, random);
      for (int n : order) {
        values.get(n)[t] = trial(work, data.get(n), reps.get(n));
      }
    }
    ComplexityFit fit = Scaling.fit(values);
    // the figures behind each assertion, for the test log
    StringBuilder sb = new StringBuilder(name).append(": ").append(fit).append(", best ").append(fit.best().complexity());
    values.forEach((n, v) -> sb.append(String.format(java.util.Locale.ROOT, "%n  n=%d %s", n, Arrays.toString(v))));
    fit.models().forEach(m -> sb.append("\n  ").append(m));
    System.err.println(sb);
    return fit;
  }

  /**
   * The CPU time of this thread. Wall time counts the time that other processes hold the core: a
   * sort of 256000 ints (about 20 ms) is preempted in nearly every operation under a load average
   * of 12 on 2 cores, while 200 us batches of the small sizes are not, and the curve then bends by
   * the load (sorting read an exponent of 1.39, 95 % CI 1.24 .. 1.48, in wall time). The thread's
   * CPU time leaves the other processes' turns out; what they do to the caches stays in.
   */
  private static long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  private static long calibrate(Work work, int[] data) {
    int[] scratch = new int[data.length];
    long reps = 1;
    while (true) {
      long start = cpuNanos();
      long s = 0;
      int base = nextIndex;
      for (int i = 0; i < reps; i++) {
        s += work.run(data, scratch, base + i);
      }
      nextIndex = base + (int) reps;
      long elapsed = cpuNanos() - start;
      sink += s;
      if (elapsed >= MIN_BATCH_NANOS) {
        return reps;
      }
      reps *= 2;
    }
  }

  private static double trial(Work work, int[] data, long reps) {
    int[] scratch = new int[data.length];
    double[] perOp = new double[BATCHES];
    for (int b = 0; b < BATCHES; b++) {
      long start = cpuNanos();
      long s = 0;
      int base = nextIndex;
      for (int i = 0; i < reps; i++) {
        s += work.run(data, scratch, base + i);
      }
      nextIndex = base + (int) reps;
      perOp[b] = (double) (cpuNanos() - start) / reps;
      sink += s;
    }
    Arrays.sort(perOp);
    return perOp[BATCHES / 2];
  }
}
