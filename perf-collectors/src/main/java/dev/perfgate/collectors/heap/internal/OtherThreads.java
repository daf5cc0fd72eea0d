package dev.perfgate.collectors.heap.internal;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Bytes allocated by threads other than the measuring one since a starting point, from the
 * per-thread counters of {@code com.sun.management.ThreadMXBean}. Allocation by threads that end
 * before the reading is not seen. Internal.
 */
public final class OtherThreads {
  private final com.sun.management.ThreadMXBean threads;
  private final long self;
  private final Map<Long, Long> start;

  private OtherThreads(com.sun.management.ThreadMXBean threads, long self, Map<Long, Long> start) {
    this.threads = threads;
    this.self = self;
    this.start = start;
  }

  /**
   * Takes the starting point, for the calling thread as the measuring thread.
   *
   * @return the tracker
   */
  public static OtherThreads start() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    if (!(bean instanceof com.sun.management.ThreadMXBean)) {
      return new OtherThreads(null, 0, Map.of());
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
      return new OtherThreads(null, 0, Map.of());
    }
    return new OtherThreads(threads, Thread.currentThread().getId(), snapshot(threads));
  }

  /**
   * Bytes the other threads allocated since {@link #start()}.
   *
   * @return the bytes, empty if this JVM does not count allocation per thread
   */
  public OptionalLong allocatedSinceStart() {
    if (threads == null) {
      return OptionalLong.empty();
    }
    long total = 0;
    for (Map.Entry<Long, Long> e : snapshot(threads).entrySet()) {
      if (e.getKey() != self) {
        total += Math.max(0, e.getValue() - start.getOrDefault(e.getKey(), 0L));
      }
    }
    return OptionalLong.of(total);
  }

  private static Map<Long, Long> snapshot(com.sun.management.ThreadMXBean threads) {
    long[] ids = threads.getAllThreadIds();
    long[] bytes = threads.getThreadAllocatedBytes(ids);
    Map<Long, Long> map = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        map.put(ids[i], bytes[i]);
      }
    }
    return map;
  }
}
