package dev.perfgate.collectors.heap.internal;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the JVM flags that make retained-heap readings unreliable. Internal. */
public final class JvmSettings {
  private JvmSettings() {}

  /**
   * Why {@code System.gc()} cannot give retained-heap figures on this JVM at all.
   *
   * @return the reason, empty if explicit collections work
   */
  public static Optional<String> explicitGcUnusable() {
    if (flag("DisableExplicitGC")) {
      return Optional.of("the JVM runs with -XX:+DisableExplicitGC, so System.gc() does nothing and "
          + "retained-heap readings would include garbage; run the check without that flag");
    }
    if (flag("UseEpsilonGC")) {
      return Optional.of("the JVM runs with the Epsilon collector, which never frees memory; "
          + "retained-heap readings need a collecting GC such as G1");
    }
    return Optional.empty();
  }

  /**
   * Warnings about settings that make retained-heap figures less exact, in words that name the fix.
   *
   * @return the warnings, possibly empty
   */
  public static List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    explicitGcUnusable().ifPresent(warnings::add);
    if (flag("UseZGC") || flag("UseShenandoahGC")) {
      warnings.add("the JVM runs a concurrent, region-based collector (ZGC or Shenandoah) whose pools "
          + "report used heap in whole pages or regions (2 MB and more), so small growth cannot be "
          + "seen; run leak checks on G1, Parallel or Serial");
    }
    if (flag("ExplicitGCInvokesConcurrent")) {
      warnings.add("the JVM runs with -XX:+ExplicitGCInvokesConcurrent, so System.gc() starts a "
          + "concurrent cycle and retained-heap readings may include garbage it has not yet freed; "
          + "run the check without that flag");
    }
    return warnings;
  }

  private static boolean flag(String name) {
    try {
      HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (hotSpot == null) {
        return false;
      }
      VMOption option = hotSpot.getVMOption(name);
      return "true".equals(option.getValue());
    } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
      // A JVM that does not know the flag cannot have it set.
      return false;
    }
  }
}
