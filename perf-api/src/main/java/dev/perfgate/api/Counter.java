package dev.perfgate.api;

/**
 * A count that a benchmark keeps of its own work, obtained from {@link RunContext#counter(String)}.
 * Thread-safe; adding costs a few nanoseconds.
 */
public interface Counter {

  /**
   * Adds to the count.
   *
   * @param amount the amount, may be any value
   */
  void add(long amount);

  /** Adds one. */
  default void increment() {
    add(1);
  }
}
