package dev.perfgate.collectors.internal.jfr;

import java.util.Optional;

/**
 * Whether JFR can record here. The check looks for the {@code jdk.jfr} module before touching any
 * of its classes, so that a runtime image without it gets a reason instead of a
 * {@link NoClassDefFoundError}. Internal.
 */
public final class JfrSupport {
  private JfrSupport() {}

  /**
   * Why JFR cannot record in this JVM, if it cannot.
   *
   * @return the reason, empty when recordings can be made
   */
  public static Optional<String> unavailable() {
    if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) {
      return Optional.of("this Java runtime has no jdk.jfr module (a trimmed jlink image?); "
          + "run on a full JDK or add the module with --add-modules jdk.jfr");
    }
    try {
      return Recorder.check();
    } catch (LinkageError e) {
      return Optional.of("JFR classes could not be loaded (" + e + "); run on a full JDK");
    }
  }

  /** Kept apart so that jdk.jfr classes load only after the module was found. */
  private static final class Recorder {
    static Optional<String> check() {
      if (!jdk.jfr.FlightRecorder.isAvailable()) {
        return Optional.of("JFR is not available in this JVM (started with -XX:-FlightRecorder, or a "
            + "JVM built without JFR); run without that flag to measure GC and heap from JFR");
      }
      return Optional.empty();
    }
  }
}
