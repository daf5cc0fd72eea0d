package dev.perfgate.collectors.time;

import dev.perfgate.api.Probe;
import dev.perfgate.api.ProbeProvider;

/** Provides the {@code alloc} probe; registered through {@code META-INF/services}. */
public final class AllocationProbeProvider implements ProbeProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public AllocationProbeProvider() {}

  @Override
  public String id() {
    return "alloc";
  }

  @Override
  public String description() {
    return "bytes allocated per operation by the measuring thread (exact, from ThreadMXBean)";
  }

  @Override
  public boolean enabledByDefault() {
    return true;
  }

  @Override
  public Probe create() {
    return TimeProbes.allocation();
  }
}
