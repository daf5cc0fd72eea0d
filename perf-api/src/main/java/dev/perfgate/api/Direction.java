package dev.perfgate.api;

/** Which way a {@link Metric} gets better; comparisons with a baseline read it to tell worse from better. */
public enum Direction {
  /** Smaller is better: time, allocation, pauses. */
  LOWER_IS_BETTER,
  /** Larger is better: throughput, hit ratio, GC efficiency. */
  HIGHER_IS_BETTER,
  /** Informational: counts such as files written; never judged as a regression. */
  NEUTRAL
}
