package dev.perfgate.baseline;

/** Which way a metric moves over the stored runs, read through the metric's direction. */
public enum TrendDirection {
  /** Getting better: a significant slope the good way. */
  IMPROVING,
  /** No significant slope. */
  STABLE,
  /** Getting worse: a significant slope the bad way. */
  DEGRADING,
  /** A neutral metric with a significant slope (never judged good or bad). */
  CHANGING,
  /**
   * Too few runs since the last change point to bound the trend's interval (fewer than five):
   * nothing can be said yet.
   */
  TOO_FEW_RUNS
}
