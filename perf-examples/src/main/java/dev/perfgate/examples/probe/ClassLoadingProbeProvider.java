package dev.perfgate.examples.probe;

import dev.perfgate.api.Probe;
import dev.perfgate.api.ProbeProvider;

/**
 * Registers {@link ClassLoadingProbe} under the id {@code classes}, through
 * {@code META-INF/services/dev.perfgate.api.ProbeProvider}. A suite turns it on with
 * {@code .probes("classes")}.
 */
public final class ClassLoadingProbeProvider implements ProbeProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public ClassLoadingProbeProvider() {}

  @Override
  public String id() {
    return "classes";
  }

  @Override
  public String description() {
    return "classes loaded per operation";
  }

  @Override
  public Probe create() {
    return new ClassLoadingProbe();
  }
}
