package dev.perfgate.generator.internal;

/** A source of nanosecond time, injected so the runner's logic can be tested with a fake ticker. */
@FunctionalInterface
public interface Ticker {
  /**
   * The current time in nanoseconds from an arbitrary origin.
   *
   * @return nanoseconds
   */
  long read();

  /**
   * The system ticker: the only caller of {@link System#nanoTime()} in perf-generator (an ArchUnit
   * rule holds it), so every time the runner measures can be faked in a test. Other modules cannot
   * see this type and read the clock themselves where they time their own work, not a benchmark's:
   * {@code LeakCheck} for the duration it reports, the baseline store for its lock timeout.
   *
   * @return the system ticker
   */
  static Ticker system() {
    return SystemTicker.INSTANCE;
  }
}

/** {@link System#nanoTime()}; an enum so the JIT sees one final class. */
enum SystemTicker implements Ticker {
  INSTANCE;

  @Override
  public long read() {
    return System.nanoTime();
  }
}
