package dev.perfgate.collectors;

import dev.perfgate.api.Probe;
import dev.perfgate.collectors.ProbeDriver;
import dev.perfgate.collectors.heap.LeakCheck;
import dev.perfgate.collectors.heap.LeakReport;
import dev.perfgate.collectors.heap.RetainedHeap;
import dev.perfgate.collectors.heap.RetentionCheck;
import dev.perfgate.collectors.heap.RetentionOutcome;
import dev.perfgate.collectors.jfr.JfrMemoryProbe;
import dev.perfgate.collectors.jfr.JfrProbes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of the memory probes, measured side by side in one JVM. Not a test: run it by hand,
 * {@code java -cp perf-collectors/target/test-classes:perf-collectors/target/classes:perf-api/target/classes
 * dev.perfgate.collectors.MemoryBenchmarks [overhead] [jfr] [leak] [retention]} (no argument: all).
 */
final class MemoryBenchmarks {
  private static volatile Object sink;
  private static final List<byte[]> LEAK = new ArrayList<>();
  private static Object kept;

  private MemoryBenchmarks() {}

  public static void main(String[] args) throws Exception {
    print("java %s, %s, max heap %d MB", Runtime.version(), System.getProperty("java.vm.name"),
        Runtime.getRuntime().maxMemory() >> 20);
    List<String> only = List.of(args);
    if (only.isEmpty() || only.contains("overhead")) {
      jfrOverhead();
    }
    if (only.isEmpty() || only.contains("jfr")) {
      jfrFigures();
    }
    if (only.isEmpty() || only.contains("leak")) {
      leakDetection();
      falseAlarms();
      smallestLeak();
    }
    if (only.isEmpty() || only.contains("retention")) {
      retention();
    }
  }

  /** Allocation-heavy work: about 24 MB of short strings, maps and arrays. */
  private static void allocationHeavy() {
    Map<Integer, String> map = new HashMap<>();
    long checksum = 0;
    for (int i = 0; i < 200_000; i++) {
      map.put(i & 1023, "v" + i);
      int[] a = new int[8];
      // A volatile write makes the array escape, so the JIT cannot remove the allocation.
      sink = a;
      checksum += a.length + map.size();
    }
    sink = checksum;
  }

  private static void jfrOverhead() throws Exception {
    int trials = 20;
    int samples = 50;
    for (int i = 0; i < 200; i++) {
      allocationHeavy();
    }
    double[] with = new double[trials];
    double[] without = new double[trials];
    double[] withCpu = new double[trials];
    double[] withoutCpu = new double[trials];
    for (int t = 0; t < trials; t++) {
      // Pairs, with the order swapped every other pair, so that drift on a shared machine and
      // whatever one trial leaves for the next fall on both sides alike.
      double[] a;
      double[] b;
      if (t % 2 == 0) {
        a = sampleNanos(null, samples);
        b = sampleNanos(JfrProbes.memory(), samples);
      } else {
        b = sampleNanos(JfrProbes.memory(), samples);
        a = sampleNanos(null, samples);
      }
      without[t] = a[0];
      withoutCpu[t] = a[1];
      with[t] = b[0];
      withCpu[t] = b[1];
    }
    double[] ratios = new double[trials];
    double[] cpuRatios = new double[trials];
    for (int t = 0; t < trials; t++) {
      ratios[t] = with[t] / without[t];
      cpuRatios[t] = withCpu[t] / withoutCpu[t];
    }
    Arrays.sort(ratios);
    Arrays.sort(cpuRatios);
    print("JFR probe overhead, thread CPU time inside samples: median ratio with/without %.3f (min %.3f, max %.3f); "
        + "total CPU ms without %.0f, with %.0f", cpuRatios[trials / 2], cpuRatios[0], cpuRatios[trials - 1],
        Arrays.stream(withoutCpu).sum() / 1e6, Arrays.stream(withCpu).sum() / 1e6);
    print("JFR probe overhead, allocation-heavy work (%d trials x %d samples, time inside samples): "
        + "median ratio with/without %.3f (min %.3f, max %.3f); median ms per sample without %.2f, with %.2f",
        trials, samples, ratios[trials / 2], ratios[0], ratios[trials - 1],
        median(without) / samples / 1e6, median(with) / samples / 1e6);
  }

  /**
   * Sum of the samples' own wall and thread CPU time, as a runner's time probe nested inside would
   * see it.
   */
  private static double[] sampleNanos(Probe probe, int samples) throws Exception {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    // Both sides start from a collected heap, as the probe's own open() leaves it.
    RetainedHeap.measure();
    ProbeDriver driver = probe == null ? null : new ProbeDriver(probe);
    long[] totals = new long[2];
    ProbeDriver.Work work = () -> {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      allocationHeavy();
      totals[0] += System.nanoTime() - t0;
      totals[1] += threads.getCurrentThreadCpuTime() - c0;
    };
    for (int s = 0; s < samples; s++) {
      if (driver != null) {
        driver.sample(1, work);
      } else {
        work.run();
      }
    }
    if (driver != null) {
      driver.close();
    }
    return new double[] {totals[0], totals[1]};
  }

  private static void jfrFigures() throws Exception {
    long mb = 1024 * 1024;
    StringBuilder peaks = new StringBuilder();
    StringBuilder garbage = new StringBuilder();
    StringBuilder half = new StringBuilder();
    for (int r = 0; r < 5; r++) {
      ProbeDriver.Trial hold = ProbeDriver.run(JfrProbes.memory(), 1, s -> {
        List<byte[]> held = new ArrayList<>();
        for (long b = 0; b < 50 * mb; b += 16 * 1024) {
          held.add(new byte[16 * 1024 - 16]);
        }
        sink = held;
      });
      sink = null;
      peaks.append(String.format(Locale.ROOT, " %.2f", hold.value(JfrProbes.HEAP_PEAK_ABOVE_START) / mb));
      ProbeDriver.Trial g = ProbeDriver.run(JfrProbes.memory(), 5, s -> {
        for (long b = 0; b < 200 * mb; b += 1024) {
          sink = new byte[1024 - 16];
        }
      });
      garbage.append(String.format(Locale.ROOT, " %.3f", g.value(JfrProbes.GC_EFFICIENCY)));
      List<byte[]> keep = new ArrayList<>();
      ProbeDriver.Trial h = ProbeDriver.run(JfrProbes.memory(), 4, s -> {
        for (long b = 0; b < 100 * mb; b += 32 * 1024) {
          keep.add(new byte[16 * 1024 - 16]);
          sink = new byte[16 * 1024 - 16];
        }
      });
      sink = keep.size();
      half.append(String.format(Locale.ROOT, " %.3f", h.value(JfrProbes.GC_EFFICIENCY)));
    }
    print("heap.peak.above.start holding 50 MB, 5 runs (MB):%s", peaks);
    print("gc.efficiency, garbage only, 5 runs:%s", garbage);
    print("gc.efficiency, keeping half, 5 runs:%s", half);
    JfrMemoryProbe probe = JfrProbes.memory();
    ProbeDriver.run(probe, 5, s -> allocationHeavy());
    print("%s", probe.allocationProfiles().get(0));
  }

  private static void leakDetection() throws Exception {
    for (int cycles : new int[] {5, 10, 20, 50, 100}) {
      LEAK.clear();
      long t0 = System.nanoTime();
      LeakReport report = LeakCheck.newBuilder().cycles(cycles).build().run(() -> LEAK.add(new byte[1024 - 16]));
      double seconds = (System.nanoTime() - t0) / 1e9;
      print("1 KB/cycle leak, %3d cycles (+5 warm-up): %-12s growth %.1f B/cycle [%.1f, %.1f] in %.2f s",
          cycles, report.finding(), report.growthPerCycle(), report.growthLow(), report.growthHigh(), seconds);
    }
    LEAK.clear();
  }

  private static void falseAlarms() throws Exception {
    int leaks = 0;
    int inconclusive = 0;
    double maxHigh = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < 20; r++) {
      LeakReport report = LeakCheck.newBuilder().cycles(100).build().run(MemoryBenchmarks::allocationHeavy);
      leaks += report.leaks() ? 1 : 0;
      inconclusive += report.finding() == LeakReport.Finding.INCONCLUSIVE ? 1 : 0;
      maxHigh = Math.max(maxHigh, report.growthHigh());
    }
    print("garbage-only workload (~24 MB per cycle), 20 runs x 100 cycles: %d LEAK, %d INCONCLUSIVE, "
        + "largest upper CI limit %.1f B/cycle", leaks, inconclusive, maxHigh);
  }

  private static void smallestLeak() throws Exception {
    for (int length : new int[] {0, 8, 16, 48, 112}) {
      int found = 0;
      double[] slopes = new double[10];
      for (int r = 0; r < 10; r++) {
        LEAK.clear();
        LeakReport report = LeakCheck.newBuilder().cycles(100).build().run(() -> {
          allocationHeavy();
          LEAK.add(new byte[length]);
        });
        found += report.leaks() ? 1 : 0;
        slopes[r] = report.growthPerCycle();
      }
      print("leak of byte[%d] per cycle beside 24 MB of garbage: found in %d/10 runs of 100 cycles, "
          + "median growth %.1f B/cycle", length, found, median(slopes));
    }
    LEAK.clear();
  }

  private static void retention() throws Exception {
    RetentionOutcome outcome = RetentionCheck.newBuilder().build().run(() -> {
      Holder h = new Holder();
      kept = h;
      return h;
    });
    print("retention check, object kept in a static field: %s", outcome.message());
    kept = null;
  }

  static final class Holder {
    final byte[] state = new byte[8 * 1024 * 1024];
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  @SuppressWarnings("java:S106")
  private static void print(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
