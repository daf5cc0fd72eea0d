/**
 * Perfgate's probes: time, CPU time and allocation, JFR memory figures, retained heap and leaks,
 * Caffeine caches and Micrometer meters.
 *
 * <p>Caffeine and Micrometer are optional ({@code requires static}): the probes that need them
 * report "not measured" with the missing artifact's name when the application does not have them.
 */
module dev.perfgate.collectors {
  requires transitive dev.perfgate.api;
  requires java.management;
  requires jdk.management;
  requires jdk.jfr;
  requires static org.jspecify;
  requires static com.github.benmanes.caffeine;
  requires static micrometer.core;

  exports dev.perfgate.collectors.caffeine;
  exports dev.perfgate.collectors.heap;
  exports dev.perfgate.collectors.jfr;
  exports dev.perfgate.collectors.micrometer;
  exports dev.perfgate.collectors.time;

  // Named modules ignore META-INF/services: the providers are declared here as well.
  provides dev.perfgate.api.ProbeProvider with
      dev.perfgate.collectors.time.TimeProbeProvider,
      dev.perfgate.collectors.time.AllocationProbeProvider,
      dev.perfgate.collectors.jfr.JfrMemoryProbeProvider,
      dev.perfgate.collectors.heap.RetainedHeapProbeProvider;
}
