package dev.perfgate.collectors.jfr.internal;

import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Unit;

/**
 * The metrics of the JFR memory probe, defined here so that the probe's classes need not import the
 * public facade that hands them out ({@code JfrProbes} re-exports them, with their documentation).
 */
public final class JfrMetrics {
  private JfrMetrics() {}

  /** See {@code JfrProbes.GC_COUNT}. */
  public static final Metric GC_COUNT = Metric.of("gc.count", Unit.COUNT, Direction.LOWER_IS_BETTER);
  /** See {@code JfrProbes.GC_PAUSE_TOTAL}. */
  public static final Metric GC_PAUSE_TOTAL = Metric.of("gc.pause.total", Unit.NANOSECONDS, Direction.LOWER_IS_BETTER);
  /** See {@code JfrProbes.GC_PAUSE_MAX}. */
  public static final Metric GC_PAUSE_MAX = Metric.of("gc.pause.max", Unit.NANOSECONDS, Direction.LOWER_IS_BETTER);
  /** See {@code JfrProbes.HEAP_PEAK}. */
  public static final Metric HEAP_PEAK = Metric.of("heap.peak", Unit.BYTES, Direction.LOWER_IS_BETTER);
  /** See {@code JfrProbes.HEAP_PEAK_ABOVE_START}. */
  public static final Metric HEAP_PEAK_ABOVE_START = Metric.of("heap.peak.above.start", Unit.BYTES, Direction.LOWER_IS_BETTER);
  /** See {@code JfrProbes.GC_EFFICIENCY}. */
  public static final Metric GC_EFFICIENCY = Metric.of("gc.efficiency", Unit.RATIO, Direction.HIGHER_IS_BETTER);
  /** See {@code JfrProbes.ALLOCATED_ALL_THREADS}. */
  public static final Metric ALLOCATED_ALL_THREADS = Metric.of("alloc.all.threads", Unit.BYTES, Direction.LOWER_IS_BETTER);
}
