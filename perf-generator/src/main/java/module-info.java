/**
 * Perfgate's runner: suites, the one-call entry point, settings, reports, forked JVMs and the JUnit
 * Jupiter integration.
 *
 * <p>It finds probes with {@link java.util.ServiceLoader}: a module that ships a probe declares
 * {@code provides dev.perfgate.api.ProbeProvider with ...}. JUnit and Micrometer are optional
 * ({@code requires static}): {@code @PerfTest} needs JUnit Jupiter, the meter export Micrometer.
 */
module dev.perfgate.generator {
  requires transitive dev.perfgate.api;
  requires transitive dev.perfgate.collectors;
  requires transitive dev.perfgate.baseline;
  requires com.fasterxml.jackson.databind;
  requires java.management;
  requires static org.jspecify;
  requires static org.junit.jupiter.api;
  requires static org.junit.platform.launcher;
  requires static micrometer.core;

  exports dev.perfgate.generator;
  exports dev.perfgate.generator.junit;
  exports dev.perfgate.generator.micrometer;
  exports dev.perfgate.generator.report;

  // Jackson writes the JSON report's records reflectively.
  opens dev.perfgate.generator.report.internal to com.fasterxml.jackson.databind;

  uses dev.perfgate.api.ProbeProvider;
}
