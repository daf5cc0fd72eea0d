package dev.perfgate.collectors.heap;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.collectors.heap.internal.HeapMetrics;
import dev.perfgate.collectors.heap.internal.RetainedHeapProbe;

/**
 * Probes for retained heap and leaks, and the metrics they record.
 *
 * <p>The {@linkplain #retainedHeap() retained-heap probe} (id {@code heap.retained}) reads
 * {@link RetainedHeap#measure()} when a trial opens and after every sample. A <em>cycle</em> is one
 * sample: one operation on fresh state in {@code SINGLE_SHOT} mode, one calibrated batch in
 * {@code REPEATED} mode. It records:
 * <table>
 *   <caption>Metrics of the retained-heap probe</caption>
 *   <tr><th>metric</th><th>unit</th><th>recorded</th><th>meaning</th></tr>
 *   <tr><td>{@code heap.retained}</td><td>bytes</td><td>per sample</td>
 *       <td>retained heap after the sample</td></tr>
 *   <tr><td>{@code heap.retained.start}</td><td>bytes</td><td>per trial</td>
 *       <td>retained heap when the trial opened</td></tr>
 *   <tr><td>{@code heap.growth.per.cycle}</td><td>bytes</td><td>per trial</td>
 *       <td>Sen's slope of retained heap over cycles</td></tr>
 *   <tr><td>{@code heap.growth.per.cycle.low} / {@code .high}</td><td>bytes</td><td>per trial</td>
 *       <td>its 95 % confidence interval; a target on {@code .low} fails only on a clear leak</td></tr>
 *   <tr><td>{@code heap.growth.unexplained}</td><td>bytes</td><td>per trial</td>
 *       <td>retained heap after the last sample minus at the start</td></tr>
 *   <tr><td>{@code heap.residual}</td><td>bytes</td><td>per trial</td>
 *       <td>retained heap when the trial closes minus at the start: whether memory returns to its
 *       starting level</td></tr>
 * </table>
 *
 * <p>Targets on them are plain {@link dev.perfgate.api.Target}s:
 * <pre>{@code
 * Target growth = Target.on(HeapProbes.GROWTH_PER_CYCLE_LOW).max().atMost(Quantity.megabytes(10));
 * Target unexplained = Target.on(HeapProbes.UNEXPLAINED_GROWTH).max().atMost(Quantity.megabytes(50));
 * Target returns = Target.on(HeapProbes.RESIDUAL).max().atMost(Quantity.megabytes(1));
 * }</pre>
 * "Collectable after close" is a {@link RetentionCheck}, and a leak test outside a suite is a
 * {@link LeakCheck}.
 *
 * <p>Cost: one full collection per sample, so use this probe on benchmarks meant to check memory,
 * not beside timing targets; and not together with the JFR memory probe, whose GC counts would
 * include these collections.
 */
public final class HeapProbes {
  /** Retained heap after each sample, in bytes. */
  public static final Metric RETAINED = HeapMetrics.RETAINED;
  /** Retained heap when the trial opened, in bytes. */
  public static final Metric RETAINED_START = HeapMetrics.RETAINED_START;
  /** Growth of the retained heap per cycle (Sen's slope), in bytes. */
  public static final Metric GROWTH_PER_CYCLE = HeapMetrics.GROWTH_PER_CYCLE;
  /** Lower limit of the 95 % confidence interval of the growth per cycle, in bytes. */
  public static final Metric GROWTH_PER_CYCLE_LOW = HeapMetrics.GROWTH_PER_CYCLE_LOW;
  /** Upper limit of the 95 % confidence interval of the growth per cycle, in bytes. */
  public static final Metric GROWTH_PER_CYCLE_HIGH = HeapMetrics.GROWTH_PER_CYCLE_HIGH;
  /** Retained heap after the last sample minus at the start of the trial, in bytes. */
  public static final Metric UNEXPLAINED_GROWTH = HeapMetrics.UNEXPLAINED_GROWTH;
  /** Retained heap when the trial closes minus at its start, in bytes. */
  public static final Metric RESIDUAL = HeapMetrics.RESIDUAL;

  private HeapProbes() {}

  /**
   * The retained-heap probe, id {@code heap.retained}. Its session must be driven from one thread.
   *
   * @return a new probe
   */
  public static Probe retainedHeap() {
    return new RetainedHeapProbe();
  }
}
