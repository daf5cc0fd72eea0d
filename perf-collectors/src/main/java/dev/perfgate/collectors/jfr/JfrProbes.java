package dev.perfgate.collectors.jfr;

import dev.perfgate.api.Metric;
import dev.perfgate.collectors.internal.jfr.JfrSupport;
import dev.perfgate.collectors.jfr.internal.JfrMemoryProbeImpl;
import dev.perfgate.collectors.jfr.internal.JfrMetrics;
import java.util.Optional;

/**
 * Probes that read the JDK Flight Recorder, and the metrics they record.
 *
 * <p>The {@linkplain #memory() JFR memory probe} (id {@code jfr.memory}) runs an in-process
 * recording per measured trial with only the events it needs ({@code jdk.GarbageCollection},
 * {@code jdk.GCHeapSummary}, {@code jdk.ThreadAllocationStatistics} at the start and end of the
 * recording, and {@code jdk.ObjectAllocationSample} with stack traces, throttled), and reads it when
 * the trial closes. Each trial starts with one full collection (outside the samples), so that
 * "above the start" means above what was retained when the trial began. It records, once per trial:
 * <table>
 *   <caption>Metrics of the JFR memory probe</caption>
 *   <tr><th>metric</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>{@code gc.count}</td><td>count</td><td>collections during the trial</td></tr>
 *   <tr><td>{@code gc.pause.total}</td><td>ns</td><td>the sum of their pauses</td></tr>
 *   <tr><td>{@code gc.pause.max}</td><td>ns</td><td>the longest pause</td></tr>
 *   <tr><td>{@code heap.peak}</td><td>bytes</td><td>the peak of used heap, garbage included: the
 *       largest of heap used before each collection and at the end of each sample (between
 *       stop-the-world collections used heap only grows, so nothing higher is missed)</td></tr>
 *   <tr><td>{@code heap.peak.above.start}</td><td>bytes</td><td>{@code heap.peak} minus the heap
 *       retained when the trial began</td></tr>
 *   <tr><td>{@code gc.efficiency}</td><td>ratio</td><td>the share of the bytes allocated before the
 *       trial's last collection that the collections reclaimed: {@code (S + A - E) / (A - (E - L))}
 *       with S and E the heap used at the start and end, L right after the last collection and A
 *       the bytes allocated by all threads</td></tr>
 *   <tr><td>{@code alloc.all.threads}</td><td>bytes</td><td>bytes allocated by all threads during
 *       the trial, per operation (JFR's own threads excepted)</td></tr>
 * </table>
 * The top allocation sites are sampled estimates and so not metrics: read them from
 * {@link JfrMemoryProbe#allocationProfiles()}.
 *
 * <p>Why not {@code sum(before - after) / sum(before)} over the {@code GCHeapSummary} pairs: that
 * counts the application's long-lived data again at every collection, so it falls with the size of
 * everything else in the JVM instead of describing the work measured; and G1's "before" figure
 * leaves out the allocation regions in use (up to a region, 4 MB or more, per collection). The
 * formula above uses only exact figures. A workload that keeps nothing scores about 1 and one that
 * keeps half of what it allocates about 0.5.
 *
 * <pre>{@code
 * Target peak = Target.on(JfrProbes.HEAP_PEAK_ABOVE_START).max().atMost(Quantity.megabytes(200));
 * Target efficient = Target.on(JfrProbes.GC_EFFICIENCY).min().atLeast(Quantity.percent(80));
 * }</pre>
 *
 * <p>Cost: the first recording in a JVM takes a few hundred milliseconds to start (in the trial's
 * set-up, outside the samples); reading the recording takes a few milliseconds per trial; during
 * the samples, JFR's throttled allocation sampling and one heap-usage read per sample.
 */
public final class JfrProbes {
  /** Collections during the trial. */
  public static final Metric GC_COUNT = JfrMetrics.GC_COUNT;
  /** Sum of collection pauses during the trial, in ns. */
  public static final Metric GC_PAUSE_TOTAL = JfrMetrics.GC_PAUSE_TOTAL;
  /** Longest collection pause during the trial, in ns. */
  public static final Metric GC_PAUSE_MAX = JfrMetrics.GC_PAUSE_MAX;
  /** Peak used heap during the trial, in bytes. */
  public static final Metric HEAP_PEAK = JfrMetrics.HEAP_PEAK;
  /** Peak used heap above the heap retained at the start of the trial, in bytes. */
  public static final Metric HEAP_PEAK_ABOVE_START = JfrMetrics.HEAP_PEAK_ABOVE_START;
  /** Share of the bytes allocated before the last collection that the collections reclaimed, 0 to 1. */
  public static final Metric GC_EFFICIENCY = JfrMetrics.GC_EFFICIENCY;
  /** Bytes allocated per operation by all threads. */
  public static final Metric ALLOCATED_ALL_THREADS = JfrMetrics.ALLOCATED_ALL_THREADS;

  private JfrProbes() {}

  /**
   * The JFR memory probe, id {@code jfr.memory}.
   *
   * @return a new probe; its {@link JfrMemoryProbe#unavailable()} says why when JFR cannot run here
   */
  public static JfrMemoryProbe memory() {
    return new JfrMemoryProbeImpl();
  }

  /**
   * Why JFR cannot record in this JVM, if it cannot.
   *
   * @return the reason, empty when recordings can be made
   */
  public static Optional<String> unavailable() {
    return JfrSupport.unavailable();
  }
}
