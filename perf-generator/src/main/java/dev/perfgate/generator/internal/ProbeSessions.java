package dev.perfgate.generator.internal;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The probe sessions of one trial, nested in order: the first opened is the outermost. A session
 * that throws is dropped for the rest of the trial; its metrics are reported as not measured with
 * the probe's id and the exception, and the other probes go on.
 */
final class ProbeSessions {
  private final Probe[] probes;
  private final Probe.Session[] sessions;
  private final Map<Metric, String> notMeasured;
  private final List<String> warnings;
  private final List<VariantRunner.ProbeFailure> failures;

  private ProbeSessions(List<Probe> probes, List<Probe.Session> sessions, Map<Metric, String> notMeasured,
      List<String> warnings, List<VariantRunner.ProbeFailure> failures) {
    this.probes = probes.toArray(new Probe[0]);
    this.sessions = sessions.toArray(new Probe.Session[0]);
    this.notMeasured = notMeasured;
    this.warnings = warnings;
    this.failures = failures;
  }

  static ProbeSessions open(List<Probe> probes, RunContext context, Map<Metric, String> notMeasured,
      List<String> warnings, List<VariantRunner.ProbeFailure> failures) {
    List<Probe> opened = new ArrayList<>();
    List<Probe.Session> sessions = new ArrayList<>();
    for (Probe probe : probes) {
      try {
        Probe.Session session = probe.open(context);
        if (session == null) {
          throw new IllegalStateException("open(...) returned null");
        }
        opened.add(probe);
        sessions.add(session);
      } catch (Exception | LinkageError e) {
        fail(probe, "open", e, notMeasured, warnings, failures);
      }
    }
    return new ProbeSessions(opened, sessions, notMeasured, warnings, failures);
  }

  Map<Metric, String> notMeasured() {
    return notMeasured;
  }

  List<String> warnings() {
    return warnings;
  }

  void beforeSample() {
    for (int i = 0; i < sessions.length; i++) {
      Probe.Session s = sessions[i];
      if (s != null) {
        try {
          s.beforeSample();
        } catch (Exception | LinkageError e) {
          drop(i, "beforeSample", e);
        }
      }
    }
  }

  void afterSample(Probe.Recorder recorder) {
    for (int i = sessions.length - 1; i >= 0; i--) {
      Probe.Session s = sessions[i];
      if (s != null) {
        try {
          s.afterSample(recorder);
        } catch (Exception | LinkageError e) {
          drop(i, "afterSample", e);
        }
      }
    }
  }

  void close(Probe.Recorder recorder) {
    for (int i = sessions.length - 1; i >= 0; i--) {
      Probe.Session s = sessions[i];
      if (s != null) {
        try {
          s.close(recorder);
        } catch (Exception | LinkageError e) {
          drop(i, "close", e);
        }
      }
    }
  }

  private void drop(int i, String phase, Throwable e) {
    sessions[i] = null;
    fail(probes[i], phase, e, notMeasured, warnings, failures);
  }

  private static void fail(Probe probe, String phase, Throwable e, Map<Metric, String> notMeasured,
      List<String> warnings, List<VariantRunner.ProbeFailure> failures) {
    String why = "probe '" + probe.id() + "' failed in " + phase + ": " + e.getClass().getName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage());
    synchronized (warnings) {
      warnings.add(why);
    }
    synchronized (failures) {
      if (failures.stream().noneMatch(f -> f.probe().equals(probe.id()))) {
        failures.add(new VariantRunner.ProbeFailure(probe.id(), why, e));
      }
    }
    for (Metric m : probe.metrics()) {
      notMeasured.putIfAbsent(m, why);
    }
  }
}
