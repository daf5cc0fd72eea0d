package dev.perfgate.collectors.jfr.internal;

import dev.perfgate.api.Metric;
import dev.perfgate.api.RunContext;
import dev.perfgate.collectors.internal.jfr.JfrSupport;
import dev.perfgate.collectors.jfr.AllocationProfile;
import dev.perfgate.collectors.jfr.JfrMemoryProbe;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The probe behind {@link JfrProbes#memory()}. */
public final class JfrMemoryProbeImpl implements JfrMemoryProbe {
  static final List<Metric> METRICS = List.of(JfrMetrics.GC_COUNT, JfrMetrics.GC_PAUSE_TOTAL, JfrMetrics.GC_PAUSE_MAX,
      JfrMetrics.HEAP_PEAK, JfrMetrics.HEAP_PEAK_ABOVE_START, JfrMetrics.GC_EFFICIENCY,
      JfrMetrics.ALLOCATED_ALL_THREADS);

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
    // Loaded only here, after unavailable() had its say, so that a JVM without jdk.jfr never links it.
    return new JfrMemorySession(context, profiles::add);
  }

  @Override
  public List<AllocationProfile> allocationProfiles() {
    return List.copyOf(profiles);
  }
}
