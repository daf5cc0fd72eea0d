package dev.perfgate.collectors.jfr;

import dev.perfgate.api.internal.Checks;
import java.util.Locale;

/**
 * Where allocation happened, as estimated from JFR's allocation samples: a class of object and the
 * frame that allocated it. A sampled estimate, good for finding where to look, never for a gate.
 *
 * @param className the class of the objects allocated, such as {@code byte[]}
 * @param frame the first frame outside the JDK that allocated them (the allocating frame itself if
 *     the whole stack is JDK code), such as {@code com.example.Renderer.render:42}
 * @param estimatedBytes the bytes these samples stand for (JFR's sample weights, summed)
 * @param share the part of all sampled bytes of the trial, 0 to 1
 */
public record AllocationSite(String className, String frame, long estimatedBytes, double share) {

  /**
   * Creates a site.
   *
   * @throws IllegalArgumentException if the bytes are negative or the share is outside 0..1
   * @throws NullPointerException if a name is null
   */
  public AllocationSite {
    Checks.notNull(className, "className");
    Checks.notNull(frame, "frame");
    Checks.argument(estimatedBytes >= 0, "estimated bytes (%s) must be >= 0", estimatedBytes);
    Checks.argument(share >= 0 && share <= 1.0 + 1e-9, "share (%s) must be between 0 and 1", share);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%5.1f %%  ~%s  %s at %s", share * 100, bytes(estimatedBytes), className, frame);
  }

  static String bytes(long bytes) {
    if (bytes >= 1024L * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
    if (bytes >= 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return bytes + " B";
  }
}
