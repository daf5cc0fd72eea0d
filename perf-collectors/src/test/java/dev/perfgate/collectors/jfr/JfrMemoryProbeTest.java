package dev.perfgate.collectors.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Annotation;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.collectors.ProbeContract;
import dev.perfgate.collectors.ProbeDriver;
import dev.perfgate.collectors.jfr.internal.RecordingAnalysis;
import dev.perfgate.collectors.jfr.internal.WindowOpened;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

final class JfrMemoryProbeTest {
  private static final long MB = 1024 * 1024;
  /** 16 KB chunks: far below G1's humongous threshold, so the heap holds exactly what was allocated. */
  private static final int CHUNK = 16 * 1024;
  private static volatile Object sink;

  @Nested
  final class Contract extends ProbeContract {
    @Override
    protected Probe newProbe() {
      return JfrProbes.memory();
    }

    @Override
    protected long work() {
      allocateStrings();
      return 1;
    }
  }

  @Test
  void unavailable_onFullJdk_isEmpty() {
    assertEquals(Optional.empty(), JfrProbes.memory().unavailable());
  }

  @Test
  void heapPeakAboveStart_holdingFiftyMegabytes_seesTheHeldBytes() throws Exception {
    long target = 50 * MB;
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] own = new long[1];
    ProbeDriver.Trial trial = ProbeDriver.run(JfrProbes.memory(), 1, sample -> {
      long before = threads.getCurrentThreadAllocatedBytes();
      List<byte[]> held = new ArrayList<>();
      // Each array is CHUNK bytes including its 16-byte header.
      for (long bytes = 0; bytes < target; bytes += CHUNK) {
        held.add(new byte[CHUNK - 16]);
      }
      sink = held;
      own[0] += threads.getCurrentThreadAllocatedBytes() - before;
    });
    sink = null;

    // The probe reads the whole heap, and the JVM's own threads allocate in the window too: nothing
    // in most runs, 2.7 MB when this is the JVM's first JFR recording (JFR's start-up), up to 2 MB
    // more when a load average of 23 stretches the window. The 50 MB are live at the peak; the
    // other threads' bytes may or may not be (they may be collected first). So the peak lies
    // within 5 % below the 50 MB and within 5 % above the 50 MB plus the others' bytes, measured
    // apart (all threads' minus this thread's). Without them it read 53.2 MB in 2 of 7 runs.
    //
    // This test checks the mechanism: the probe sees the held 50 MB, not a multiple of them or an
    // unrelated figure. Its accuracy (within 5 %) is a claim of the benchmark command
    // `MemoryBenchmarks jfr`, which prints the readings: the heap counts a thread's whole allocation
    // buffer as used, and after the allocation-heavy tests before this one the JVM sizes those
    // buffers in megabytes, so in a full module run the reading sat 1.1-1.5 MB above the 50 MB
    // (50.3-50.6 MB alone) and once, in a fresh clone's CI run, 2.96 MB above it.
    double others = Math.max(0, trial.value(JfrProbes.ALLOCATED_ALL_THREADS) - own[0]);
    double low = target * 0.95;
    double high = (target + others) * 1.25;
    double peakAboveStart = trial.value(JfrProbes.HEAP_PEAK_ABOVE_START);
    double room = Math.min(peakAboveStart - low, high - peakAboveStart);
    System.err.printf(Locale.ROOT, "MARGIN jfr.peakAboveStart %.2f MB, other threads %.2f MB, room %.2f MB to the "
        + "nearer bound%n", peakAboveStart / MB, others / MB, room / MB);
    assertTrue(peakAboveStart >= low && peakAboveStart <= high, () -> "peak above start "
        + peakAboveStart / MB + " MB, expected 50 MB (other threads allocated " + others / MB + " MB), at least"
        + " 95 % of it and at most 125 %; " + trial);
    assertTrue(trial.value(JfrProbes.HEAP_PEAK) >= peakAboveStart, trial::toString);
  }

  @Test
  void gcEfficiency_garbageOnly_isNearOne() throws Exception {
    ProbeDriver.Trial trial = ProbeDriver.run(JfrProbes.memory(), 5, sample -> {
      // Each array goes to a volatile field, so escape analysis cannot remove the allocation.
      for (long bytes = 0; bytes < 200 * MB; bytes += 1024) {
        sink = new byte[1024 - 16];
      }
    });

    System.err.printf(Locale.ROOT, "MARGIN jfr.gcEfficiency.garbage %.4f (>= 0.95), gc count %.0f%n",
        trial.value(JfrProbes.GC_EFFICIENCY), trial.value(JfrProbes.GC_COUNT));
    assertTrue(trial.value(JfrProbes.GC_COUNT) >= 1, trial::toString);
    assertTrue(trial.value(JfrProbes.GC_EFFICIENCY) >= 0.95, trial::toString);
    assertTrue(trial.value(JfrProbes.GC_PAUSE_TOTAL) >= trial.value(JfrProbes.GC_PAUSE_MAX), trial::toString);
    assertTrue(trial.value(JfrProbes.GC_PAUSE_MAX) > 0, trial::toString);
  }

  @Test
  void gcEfficiency_keepingHalf_isNearHalf() throws Exception {
    List<byte[]> kept = new ArrayList<>();
    ProbeDriver.Trial trial = ProbeDriver.run(JfrProbes.memory(), 4, sample -> {
      for (long bytes = 0; bytes < 100 * MB; bytes += 2 * CHUNK) {
        kept.add(new byte[CHUNK - 16]);
        sink = new byte[CHUNK - 16];
      }
    });
    sink = kept.size();

    double efficiency = trial.value(JfrProbes.GC_EFFICIENCY);
    System.err.printf(Locale.ROOT, "MARGIN jfr.gcEfficiency.half %.4f, |off| %.4f of 0.05%n", efficiency,
        Math.abs(efficiency - 0.5));
    assertEquals(0.5, efficiency, 0.05, trial::toString);
  }

  @Test
  void allocatedByAllThreads_workOnAWorkerAliveAcrossTheTrial_isCounted() throws Exception {
    long target = 64 * MB;
    CountDownLatch done = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread worker = new Thread(() -> {
      try {
        done.await();
        allocate(target);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        release.countDown();
      }
    }, "allocating-worker");
    CountDownLatch finished = new CountDownLatch(1);
    Thread pooled = new Thread(() -> {
      allocate(target);
      finished.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "pooled-worker");
    ProbeDriver.Trial trial;
    try {
      trial = ProbeDriver.run(JfrProbes.memory(), 1, sample -> {
        pooled.start();
        finished.await();
      });
    } finally {
      done.countDown();
      worker.start();
      worker.join();
      pooled.join();
    }

    double allocated = trial.value(JfrProbes.ALLOCATED_ALL_THREADS);
    System.err.printf(Locale.ROOT, "MARGIN jfr.allocatedAllThreads %.3f MB (64 .. 72)%n", allocated / MB);
    assertTrue(allocated >= target && allocated <= target + 8 * MB,
        () -> "allocated by all threads " + allocated / MB + " MB, expected 64 MB and a little; " + trial);
  }

  @Test
  void allocatedByAllThreads_workerThatEndsInTheTrial_isCountedOrWarnedAbout() throws Exception {
    long target = 64 * MB;
    ProbeDriver.Trial trial = ProbeDriver.run(JfrProbes.memory(), 1, sample -> {
      Thread worker = new Thread(() -> allocate(target), "short-lived-worker");
      worker.start();
      worker.join();
    });

    double allocated = trial.value(JfrProbes.ALLOCATED_ALL_THREADS);
    System.err.printf(Locale.ROOT, "MARGIN jfr.allocatedAllThreads %.3f MB (64 .. 72)%n", allocated / MB);
    boolean counted = allocated >= target && allocated <= target + 8 * MB;
    if (Runtime.version().feature() >= 21) {
      assertTrue(counted, () -> "allocated by all threads " + allocated / MB + " MB, expected 64 MB; " + trial);
    } else {
      // Before Java 21 JFR may or may not have seen the thread before it ended; either way the
      // figure must be right or the result must say it may be short.
      assertTrue(counted || trial.warnings.stream().anyMatch(w -> w.contains("ended during the trial")),
          trial::toString);
    }
  }

  private static void allocate(long bytes) {
    for (long b = 0; b < bytes; b += CHUNK) {
      sink = new byte[CHUNK - 16];
    }
  }

  @Test
  void allocationProfiles_allocatingWorkload_namesTheAllocatingFrame() throws Exception {
    JfrMemoryProbe probe = JfrProbes.memory();
    ProbeDriver.run(probe, 3, sample -> allocateStrings());

    assertEquals(1, probe.allocationProfiles().size());
    AllocationProfile profile = probe.allocationProfiles().get(0);
    assertFalse(profile.sites().isEmpty(), profile::toString);
    assertTrue(profile.sites().stream().anyMatch(s -> s.frame().contains("allocateStrings")), profile::toString);
    assertTrue(profile.toString().contains("sampled estimates"), profile::toString);
  }

  @Test
  void close_annotatesTheResultWithTheTopAllocationSites() throws Exception {
    ProbeDriver.Trial trial = ProbeDriver.run(JfrProbes.memory(), 3, sample -> allocateStrings());

    Annotation sites = trial.annotations.get(AllocationProfile.ANNOTATION_ID);
    assertTrue(sites != null, trial::toString);
    assertEquals(List.of("share", "bytes", "class", "allocated at"), sites.columns());
    assertTrue(sites.title().contains("not a gate"), sites.title());
    assertTrue(sites.rows().stream().anyMatch(row -> row.get(3).contains("allocateStrings")), sites::toString);
  }

  @Test
  void metrics_listsEveryRecordedMetric() throws Exception {
    JfrMemoryProbe probe = JfrProbes.memory();
    ProbeDriver.Trial trial = ProbeDriver.run(probe, 2, sample -> allocateStrings());
    for (Metric m : trial.trialValues.keySet()) {
      assertTrue(probe.metrics().contains(m), m + " is recorded but not declared");
    }
  }

  @Test
  void recordingAnalysis_windowOpensAtTheMarker_notAtAnInstantFromAnotherClock() throws Exception {
    Path file = Files.createTempFile("perfgate-window-", ".jfr");
    try (Recording r = new Recording()) {
      r.enable(WindowOpened.class);
      r.enable("jdk.GarbageCollection").withThreshold(Duration.ZERO);
      r.enable("jdk.GCHeapSummary");
      r.start();
      System.gc();
      new WindowOpened().commit();
      r.stop();
      r.dump(file);
      // from the beginning of time: only the marker can keep the collection before it out
      RecordingAnalysis analysis = RecordingAnalysis.read(file, Instant.EPOCH);
      assertEquals(0, analysis.gcCount(), "the collection before the marker is outside the window");
      assertEquals(0, analysis.peakAroundCollections());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void allocateStrings() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      sb.append(Integer.toString(i));
      if (sb.length() > 10_000) {
        sink = sb.toString();
        sb.setLength(0);
      }
    }
  }
}
