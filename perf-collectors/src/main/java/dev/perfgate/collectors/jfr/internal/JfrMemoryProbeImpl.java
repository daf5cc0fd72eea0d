package dev.perfgate.collectors.jfr.internal;

import dev.perfgate.api.Metric;
import dev.perfgate.api.RunContext;
import dev.perfgate.collectors.jfr.AllocationProfile;
import dev.perfgate.collectors.jfr.JfrMemoryProbe;
import dev.perfgate.collectors.jfr.JfrProbes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The probe behind {@link JfrProbes#memory()}. */
public final class JfrMemoryProbeImpl implements JfrMemoryProbe {
  static final List<Metric> METRICS = List.of(JfrProbes.GC_COUNT, JfrProbes.GC_PAUSE_TOTAL, JfrProbes.GC_PAUSE_MAX,
      JfrProbes.HEAP_PEAK, JfrProbes.HEAP_PEAK_ABOVE_START, JfrProbes.GC_EFFICIENCY,
      JfrProbes.ALLOCATED_ALL_THREADS);

  private final List<AllocationProfile> profiles = new CopyOnWriteArrayList<>();

  @Override
  public String id() {
    return "jfr.memory";
  }

  @Override
  public List<Metric> metrics() {
    return METRICS;
  }

  @Override
  public Optional<String> unavailable() {
    return JfrSupport.unavailable();
  }

  @Override
  public Session open(RunContext context) throws Exception {
    if (context.warmup()) {
      // Warm-up figures are thrown away; a recording would only cost time.
      return new Session() {};
    }
    // Loaded only here, after unavailable() had its say, so that a JVM without jdk.jfr never links it.
    return new JfrMemorySession(context, profiles::add);
  }

  @Override
  public List<AllocationProfile> allocationProfiles() {
    return List.copyOf(profiles);
  }
}
