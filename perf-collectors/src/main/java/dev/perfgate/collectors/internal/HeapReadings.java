package dev.perfgate.collectors.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Heap readings shared by the heap and JFR probes; the public entry point is
 * {@code dev.perfgate.collectors.heap.RetainedHeap}. Internal; not part of the API.
 */
public final class HeapReadings {
  private HeapReadings() {}

  /**
   * Used heap after {@code System.gc()}, summed over the heap pools' collection usage.
   *
   * @return bytes
   */
  public static long retained() {
    System.gc();
    return afterLastCollection();
  }

  /**
   * Used heap after the last collection, summed over the heap pools.
   *
   * @return bytes
   */
  public static long afterLastCollection() {
    long total = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() != MemoryType.HEAP || !pool.isValid()) {
        continue;
      }
      MemoryUsage usage = pool.getCollectionUsage();
      // A pool that no collector manages has no collection usage; its current use is all there is.
      total += usage != null ? usage.getUsed() : pool.getUsage().getUsed();
    }
    return total;
  }
}
