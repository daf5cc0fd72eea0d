package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import java.util.OptionalInt;

/**
 * Identifies one variant of a benchmark: its name, its size parameter (if it has one) and the
 * number of threads running it. Baselines and history are kept per key.
 *
 * @param name the benchmark's name
 * @param size the size parameter, empty for a benchmark without sizes
 * @param threads the number of threads running the operation at once, at least 1
 */
public record BenchmarkKey(String name, OptionalInt size, int threads) {

  /**
   * Creates a key.
   *
   * @throws IllegalArgumentException if the name is blank or threads is below 1
   */
  public BenchmarkKey {
    Checks.name(name, "benchmark name");
    Checks.notNull(size, "size");
    Checks.argument(threads >= 1, "threads (%s) must be >= 1", threads);
  }

  /**
   * A key for a single-threaded benchmark without sizes.
   *
   * @param name the benchmark's name
   * @return the key
   */
  public static BenchmarkKey of(String name) {
    return new BenchmarkKey(name, OptionalInt.empty(), 1);
  }

  /**
   * A key for a sized, single-threaded variant.
   *
   * @param name the benchmark's name
   * @param size the size
   * @return the key
   */
  public static BenchmarkKey of(String name, int size) {
    return new BenchmarkKey(name, OptionalInt.of(size), 1);
  }

  /**
   * The same benchmark and size on another number of threads.
   *
   * @param threads the threads
   * @return the key
   */
  public BenchmarkKey withThreads(int threads) {
    return new BenchmarkKey(name, size, threads);
  }

  /** Prints {@code render}, {@code render[size=50]} or {@code render[size=50,threads=2]}. */
  @Override
  public String toString() {
    if (size.isEmpty() && threads == 1) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name).append('[');
    size.ifPresent(s -> sb.append("size=").append(s));
    if (threads != 1) {
      sb.append(size.isPresent() ? "," : "").append("threads=").append(threads);
    }
    return sb.append(']').toString();
  }
}
