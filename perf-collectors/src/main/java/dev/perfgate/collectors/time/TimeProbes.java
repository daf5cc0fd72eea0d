package dev.perfgate.collectors.time;

import dev.perfgate.api.Probe;

/**
 * The built-in timing and allocation probes. Both are on by default in every suite (through their
 * {@link dev.perfgate.api.ProbeProvider}s, ids {@code time} and {@code alloc}).
 *
 * <ul>
 *   <li>{@code time.wall}: wall time per operation, from the runner's {@code System.nanoTime()}
 *       reads around each calibrated batch.
 *   <li>{@code time.cpu}: CPU time of the measuring thread per operation, recorded only for samples
 *       of at least 100 us, where the ~0.6 us cost of reading it is under 1 %.
 *   <li>{@code alloc.bytes}: bytes allocated per operation by the measuring thread, exact, from
 *       {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()}.
 * </ul>
 */
public final class TimeProbes {
  private TimeProbes() {}

  /**
   * The wall and CPU time probe.
   *
   * @return a new probe
   */
  public static Probe time() {
    return new TimeProbe();
  }

  /**
   * The thread allocation probe.
   *
   * @return a new probe; {@link Probe#unavailable()} says why where the JVM cannot count allocation
   */
  public static Probe allocation() {
    return new AllocationProbe();
  }
}
