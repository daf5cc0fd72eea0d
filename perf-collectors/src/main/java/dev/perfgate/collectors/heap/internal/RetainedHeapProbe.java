package dev.perfgate.collectors.heap.internal;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.RunContext;
import dev.perfgate.collectors.heap.LeakReport;
import dev.perfgate.collectors.internal.HeapReadings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The retained-heap probe behind {@link HeapProbes#retainedHeap()}. */
public final class RetainedHeapProbe implements Probe {
  private static final List<Metric> METRICS = List.of(HeapMetrics.RETAINED, HeapMetrics.RETAINED_START,
      HeapMetrics.GROWTH_PER_CYCLE, HeapMetrics.GROWTH_PER_CYCLE_LOW, HeapMetrics.GROWTH_PER_CYCLE_HIGH,
      HeapMetrics.UNEXPLAINED_GROWTH, HeapMetrics.RESIDUAL);
  private static final List<Metric> TREND = METRICS.subList(2, 6);

  @Override
  public String id() {
    return "heap.retained";
  }

  @Override
  public List<Metric> metrics() {
    return METRICS;
  }

  @Override
  public Optional<String> unavailable() {
    return JvmSettings.explicitGcUnusable();
  }

  @Override
  public Session open(RunContext context) {
    return new RetainedSession();
  }

  private static final class RetainedSession implements Session {
    // A primitive array that grows rarely: boxed readings in a list would themselves retain about
    // 20 bytes per sample and show up as growth.
    private long[] readings = new long[256];
    private int count;
    private final OtherThreads others = OtherThreads.start();
    // Measured last, so that what the session itself keeps is already in the starting figure.
    private final long start = HeapReadings.retained();

    @Override
    public void afterSample(Recorder recorder) {
      long retained = HeapReadings.retained();
      if (count == readings.length) {
        readings = Arrays.copyOf(readings, count * 2);
      }
      readings[count++] = retained;
      recorder.record(HeapMetrics.RETAINED, retained);
    }

    @Override
    public void close(Recorder recorder) {
      long end = HeapReadings.retained();
      recorder.record(HeapMetrics.RETAINED_START, start);
      recorder.record(HeapMetrics.RESIDUAL, end - start);
      JvmSettings.warnings().forEach(recorder::warn);
      LeakAnalysis.otherThreadsWarning(others).ifPresent(recorder::warn);
      if (count < 3) {
        for (Metric m : TREND) {
          recorder.notMeasured(m, "the trial took " + count
              + " samples; growth per cycle needs at least 3, so run more samples per trial");
        }
        return;
      }
      long[] values = Arrays.copyOf(readings, count);
      LeakReport report = LeakAnalysis.analyse(start, values, 0, 0, List.of(), false, Duration.ZERO);
      recorder.record(HeapMetrics.GROWTH_PER_CYCLE, report.growthPerCycle());
      if (Double.isFinite(report.growthLow()) && Double.isFinite(report.growthHigh())) {
        recorder.record(HeapMetrics.GROWTH_PER_CYCLE_LOW, report.growthLow());
        recorder.record(HeapMetrics.GROWTH_PER_CYCLE_HIGH, report.growthHigh());
      } else {
        // Below 5 samples no order of the readings is rare enough for a 95 % interval (Kendall's S).
        for (Metric m : List.of(HeapMetrics.GROWTH_PER_CYCLE_LOW, HeapMetrics.GROWTH_PER_CYCLE_HIGH)) {
          recorder.notMeasured(m, "the trial took " + count
              + " samples; a 95 % interval of the growth per cycle needs at least 5, so run more samples per trial");
        }
      }
      recorder.record(HeapMetrics.UNEXPLAINED_GROWTH, report.unexplainedGrowth());
    }
  }
}
