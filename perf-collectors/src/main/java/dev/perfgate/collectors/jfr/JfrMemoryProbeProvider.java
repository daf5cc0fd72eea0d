package dev.perfgate.collectors.jfr;

import dev.perfgate.api.Probe;
import dev.perfgate.api.ProbeProvider;

/**
 * Provides {@link JfrProbes#memory()} to {@link java.util.ServiceLoader} under the id
 * {@code jfr.memory}. Not enabled by default: it starts a JFR recording per trial.
 */
public final class JfrMemoryProbeProvider implements ProbeProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} needs this constructor. */
  public JfrMemoryProbeProvider() {}

  @Override
  public String id() {
    return "jfr.memory";
  }

  @Override
  public String description() {
    return "GC count and pauses, peak heap, GC efficiency, allocation by all threads and top "
        + "allocation sites, from a JFR recording per trial";
  }

  @Override
  public Probe create() {
    return JfrProbes.memory();
  }
}
