package dev.perfgate.collectors.heap;

import dev.perfgate.collectors.heap.internal.JvmSettings;
import dev.perfgate.collectors.internal.HeapReadings;
import java.util.List;

/**
 * The heap that is still reachable: used heap right after a full collection.
 *
 * <pre>{@code
 * long before = RetainedHeap.measure();
 * Cache<String, Schema> cache = populate();
 * long retainedByCache = RetainedHeap.measure() - before;
 * }</pre>
 *
 * <p>The figure is the sum of {@code getCollectionUsage()} over the heap's memory pools (the
 * {@link MemoryPoolMXBean}s of type {@link MemoryType#HEAP}): what each pool held after the
 * collection that {@link System#gc()} triggers, so garbage made since is not counted. On G1,
 * Parallel and Serial that collection is a full, stop-the-world one and the figure is exact to the
 * byte; see {@link #warnings()} for settings under which it is not.
 */
public final class RetainedHeap {
  private RetainedHeap() {}

  /**
   * Collects the heap and returns the bytes still in use.
   *
   * <p>Cost: one full collection, from a few milliseconds for a small heap to seconds for a large
   * one. Allocation by other threads while it runs is counted too.
   *
   * @return the retained heap in bytes
   */
  public static long measure() {
    return HeapReadings.retained();
  }

  /**
   * The heap in use after the most recent collection of each heap pool, without collecting.
   *
   * @return the bytes, summed over the heap pools
   */
  public static long afterLastCollection() {
    return HeapReadings.afterLastCollection();
  }

  /**
   * The JVM settings under which {@link #measure()} is not exact, each in words that name the fix.
   *
   * @return the warnings, empty when the figures can be trusted
   */
  public static List<String> warnings() {
    return JvmSettings.warnings();
  }
}
