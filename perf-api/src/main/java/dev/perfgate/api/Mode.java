package dev.perfgate.api;

/** How a benchmark's operation is run. */
public enum Mode {
  /**
   * The operation is repeated in batches whose size the runner calibrates, so that the timer's own
   * cost disappears; the state is reused between operations. For operations from nanoseconds to
   * milliseconds.
   */
  REPEATED,
  /**
   * Each sample is one operation on fresh state ({@link Benchmark.Instance#beforeInvocation()} runs
   * before it, outside the timing). For work that cannot be repeated on the same state: a start-up,
   * a full generation, a cold cache.
   */
  SINGLE_SHOT
}
