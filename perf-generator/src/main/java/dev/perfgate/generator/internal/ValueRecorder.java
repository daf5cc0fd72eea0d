package dev.perfgate.generator.internal;

import dev.perfgate.api.Annotation;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import java.util.List;
import java.util.Map;

/** Collects what probes record for one sample or one trial. */
final class ValueRecorder implements Probe.Recorder {
  private long operations;
  private long elapsedNanos;
  private final Map<Metric, Double> values;
  private final Map<Metric, String> notMeasured;
  private final List<String> warnings;
  /** Where annotations go; null for a sample's recorder, which drops them (they belong to a trial). */
  private Map<String, Annotation> annotations;

  ValueRecorder(long operations, long elapsedNanos, Map<Metric, Double> values, Map<Metric, String> notMeasured,
      List<String> warnings) {
    this.operations = operations;
    this.elapsedNanos = elapsedNanos;
    this.values = values;
    this.notMeasured = notMeasured;
    this.warnings = warnings;
  }

  /** Keeps the annotations probes give this recorder in {@code into}, by id, the latest winning. */
  ValueRecorder annotatingInto(Map<String, Annotation> into) {
    this.annotations = into;
    return this;
  }

  /**
   * Sets the sample's figures once it is taken. The recorder is made before the sample starts, so
   * that making it is not counted by the allocation probe.
   */
  void sampleTaken(long operations, long elapsedNanos) {
    this.operations = operations;
    this.elapsedNanos = elapsedNanos;
  }

  @Override
  public long operations() {
    return operations;
  }

  @Override
  public long elapsedNanos() {
    return elapsedNanos;
  }

  @Override
  public void record(Metric metric, double value) {
    if (metric == null) {
      throw new NullPointerException("metric must not be null");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value of " + metric.name() + " (" + value
          + ") must be finite; use notMeasured(metric, reason) when it cannot be measured");
    }
    values.put(metric, value);
  }

  @Override
  public void notMeasured(Metric metric, String reason) {
    notMeasured.putIfAbsent(metric, reason);
  }

  @Override
  public void annotate(Annotation annotation) {
    if (annotation == null) {
      throw new NullPointerException("annotation must not be null");
    }
    if (annotations != null) {
      synchronized (annotations) {
        annotations.put(annotation.id(), annotation);
      }
    }
  }

  @Override
  public void warn(String message) {
    synchronized (warnings) {
      if (!warnings.contains(message)) {
        warnings.add(message);
      }
    }
  }
}
