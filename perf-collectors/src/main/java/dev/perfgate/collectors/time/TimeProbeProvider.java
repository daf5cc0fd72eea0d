package dev.perfgate.collectors.time;

import dev.perfgate.api.Probe;
import dev.perfgate.api.ProbeProvider;

/** Provides the {@code time} probe; registered through {@code META-INF/services}. */
public final class TimeProbeProvider implements ProbeProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public TimeProbeProvider() {}

  @Override
  public String id() {
    return "time";
  }

  @Override
  public String description() {
    return "wall time per operation, and CPU time of the measuring thread for samples of 100 us or more";
  }

  @Override
  public boolean enabledByDefault() {
    return true;
  }

  @Override
  public Probe create() {
    return TimeProbes.time();
  }
}
