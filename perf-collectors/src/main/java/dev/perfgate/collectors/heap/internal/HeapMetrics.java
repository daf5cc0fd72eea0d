package dev.perfgate.collectors.heap.internal;

import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Unit;

/**
 * The metrics of the retained-heap probe, defined here so that the probe need not import the public
 * facade that hands it out ({@code HeapProbes} re-exports them, with their documentation).
 */
public final class HeapMetrics {
  private HeapMetrics() {}

  /** See {@code HeapProbes.RETAINED}. */
  public static final Metric RETAINED = Metric.of("heap.retained", Unit.BYTES, Direction.NEUTRAL);
  /** See {@code HeapProbes.RETAINED_START}. */
  public static final Metric RETAINED_START = Metric.of("heap.retained.start", Unit.BYTES, Direction.NEUTRAL);
  /** See {@code HeapProbes.GROWTH_PER_CYCLE}. */
  public static final Metric GROWTH_PER_CYCLE = Metric.of("heap.growth.per.cycle", Unit.BYTES, Direction.LOWER_IS_BETTER);
  /** See {@code HeapProbes.GROWTH_PER_CYCLE_LOW}. */
  public static final Metric GROWTH_PER_CYCLE_LOW = Metric.of("heap.growth.per.cycle.low", Unit.BYTES, Direction.LOWER_IS_BETTER);
  /** See {@code HeapProbes.GROWTH_PER_CYCLE_HIGH}. */
  public static final Metric GROWTH_PER_CYCLE_HIGH = Metric.of("heap.growth.per.cycle.high", Unit.BYTES, Direction.LOWER_IS_BETTER);
  /** See {@code HeapProbes.UNEXPLAINED_GROWTH}. */
  public static final Metric UNEXPLAINED_GROWTH = Metric.of("heap.growth.unexplained", Unit.BYTES, Direction.LOWER_IS_BETTER);
  /** See {@code HeapProbes.RESIDUAL}. */
  public static final Metric RESIDUAL = Metric.of("heap.residual", Unit.BYTES, Direction.LOWER_IS_BETTER);
}
