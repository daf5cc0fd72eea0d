package dev.perfgate.collectors.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Probe;
import dev.perfgate.api.ProbeProvider;
import dev.perfgate.collectors.ProbeContract;
import dev.perfgate.collectors.ProbeDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

final class RetainedHeapProbeTest {
  private static final List<byte[]> LEAKED = new ArrayList<>();

  @Nested
  final class Contract extends ProbeContract {
    @Override
    protected Probe newProbe() {
      return HeapProbes.retainedHeap();
    }

    @Override
    protected long work() {
      LeakCheckTest.makeGarbage();
      return 1;
    }
  }

  @AfterEach
  void forgetLeak() {
    LEAKED.clear();
  }

  @Test
  void probe_leakOfOneKilobytePerSample_recordsGrowthWithinFivePercent() throws Exception {
    ProbeDriver.Trial trial = ProbeDriver.run(HeapProbes.retainedHeap(), 60,
        sample -> LEAKED.add(new byte[1024 - 16]));
    System.err.printf(Locale.ROOT, "MARGIN retained.growth %.1f (|off| of 51.2), low %.1f (> 512), unexplained %.0f "
        + "(|off| of 6144 from 61440), residual %.0f (>= 55296)%n", trial.value(HeapProbes.GROWTH_PER_CYCLE),
        trial.value(HeapProbes.GROWTH_PER_CYCLE_LOW), trial.value(HeapProbes.UNEXPLAINED_GROWTH),
        trial.value(HeapProbes.RESIDUAL));

    assertEquals(1024, trial.value(HeapProbes.GROWTH_PER_CYCLE), 1024 * 0.05, trial::toString);
    assertTrue(trial.value(HeapProbes.GROWTH_PER_CYCLE_LOW) > 512, trial::toString);
    assertEquals(60 * 1024, trial.value(HeapProbes.UNEXPLAINED_GROWTH), 60 * 1024 * 0.1, trial::toString);
    assertTrue(trial.value(HeapProbes.RESIDUAL) >= 60 * 1024 * 0.9, trial::toString);
    assertEquals(60, trial.sampleValues.get(HeapProbes.RETAINED).length);
  }

  @Test
  void probe_garbageOnly_returnsToStart() throws Exception {
    ProbeDriver.Trial trial = ProbeDriver.run(HeapProbes.retainedHeap(), 20, sample -> LeakCheckTest.makeGarbage());
    System.err.printf(Locale.ROOT, "MARGIN retained.garbage low %.1f (<= 64), |residual| %.0f (< 65536)%n",
        trial.value(HeapProbes.GROWTH_PER_CYCLE_LOW), Math.abs(trial.value(HeapProbes.RESIDUAL)));

    assertTrue(trial.value(HeapProbes.GROWTH_PER_CYCLE_LOW) <= 64, trial::toString);
    assertTrue(Math.abs(trial.value(HeapProbes.RESIDUAL)) < 64 * 1024, trial::toString);
  }

  @Test
  void probe_twoSamples_marksGrowthNotMeasuredWithReason() throws Exception {
    ProbeDriver.Trial trial = ProbeDriver.run(HeapProbes.retainedHeap(), 2, sample -> { });

    assertTrue(trial.notMeasured.get(HeapProbes.GROWTH_PER_CYCLE).contains("needs at least 3"), trial::toString);
    assertTrue(trial.trialValues.containsKey(HeapProbes.RESIDUAL), trial::toString);
  }

  @Test
  void probe_fourSamples_recordsGrowthButMarksItsIntervalNotMeasured() throws Exception {
    ProbeDriver.Trial trial = ProbeDriver.run(HeapProbes.retainedHeap(), 4, sample -> LEAKED.add(new byte[1024 - 16]));

    assertTrue(trial.trialValues.containsKey(HeapProbes.GROWTH_PER_CYCLE), trial::toString);
    assertTrue(trial.notMeasured.get(HeapProbes.GROWTH_PER_CYCLE_LOW).contains("needs at least 5"), trial::toString);
    assertTrue(trial.notMeasured.get(HeapProbes.GROWTH_PER_CYCLE_HIGH).contains("needs at least 5"), trial::toString);
  }

  @Test
  void unavailable_withExplicitGcEnabled_isEmpty() {
    assertEquals(Optional.empty(), HeapProbes.retainedHeap().unavailable());
    assertEquals(List.of(), RetainedHeap.warnings());
  }

  @Test
  void serviceLoader_findsBothMemoryProbes() {
    List<String> ids = ServiceLoader.load(ProbeProvider.class).stream().map(p -> p.get().id())
        .collect(Collectors.toList());
    assertTrue(ids.contains("heap.retained") && ids.contains("jfr.memory"), ids::toString);
    for (ProbeProvider provider : ServiceLoader.load(ProbeProvider.class)) {
      Probe probe = provider.create();
      assertEquals(provider.id(), probe.id());
    }
  }

  @Test
  void retainedHeap_holdingAnArray_growsByItsSize() {
    long before = RetainedHeap.measure();
    // 1 MB stays below G1's humongous threshold (half a region), where an array is charged whole regions.
    byte[] held = new byte[1024 * 1024];
    long during = RetainedHeap.measure();
    System.err.printf(Locale.ROOT, "MARGIN retained.array growth %d, |off| %d of 16384%n", during - before,
        Math.abs(during - before - held.length - 16));
    assertEquals(held.length + 16, during - before, 16 * 1024);
    assertTrue(held.length > 0);
  }
}
