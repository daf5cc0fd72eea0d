package dev.perfgate.collectors.jfr.internal;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Bytes allocated by all threads since the JVM started, ended threads included:
 * {@code com.sun.management.ThreadMXBean.getTotalThreadAllocatedBytes()}, which Java 21 added.
 * Looked up reflectively because the library is compiled for Java 17. Internal.
 */
final class TotalAllocation {
  private static final @Nullable Method TOTAL = find();

  private TotalAllocation() {}

  private static @Nullable Method find() {
    try {
      return com.sun.management.ThreadMXBean.class.getMethod("getTotalThreadAllocatedBytes");
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /**
   * The bytes allocated so far by all threads.
   *
   * @return the bytes, empty before Java 21 or where the JVM does not count them
   */
  static OptionalLong bytes() {
    if (TOTAL == null) {
      return OptionalLong.empty();
    }
    try {
      long bytes = (long) TOTAL.invoke(ManagementFactory.getThreadMXBean());
      return bytes < 0 ? OptionalLong.empty() : OptionalLong.of(bytes);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }
}
