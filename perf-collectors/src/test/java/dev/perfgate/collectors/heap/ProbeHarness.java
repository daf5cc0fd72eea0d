package dev.perfgate.collectors.heap;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Counter;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.RunContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives a probe the way the runner does (open, beforeSample / work / afterSample per sample,
 * close) without the runner, one operation per sample, and keeps what it records.
 */
public final class ProbeHarness {
  private ProbeHarness() {}

  /** One sample of work. */
  @FunctionalInterface
  public interface Work {
    /**
     * Runs the sample's work.
     *
     * @param sample its number, from 0
     * @throws Exception if it fails
     */
    void run(int sample) throws Exception;
  }

  /** What a probe recorded in one trial. */
  public static final class Trial implements Probe.Recorder {
    private long operations;
    private long elapsed;
    /**
     * Values recorded after samples, per metric, in order. Arrays sized up front, so that the
     * harness itself retains nothing per sample (a retained-heap probe would see it as growth).
     */
    public final Map<Metric, double[]> sampleValues = new LinkedHashMap<>();
    private final Map<Metric, int[]> sampleCounts = new LinkedHashMap<>();
    /** Values recorded at close. */
    public final Map<Metric, Double> trialValues = new LinkedHashMap<>();
    /** Metrics marked not measured, with the reason. */
    public final Map<Metric, String> notMeasured = new LinkedHashMap<>();
    /** Warnings from the probe or the context. */
    public final List<String> warnings = new ArrayList<>();
    private boolean closing;

    /** From now on, values recorded are trial values (the runner is in {@code close}). */
    public void closing() {
      closing = true;
    }

    @Override
    public long operations() {
      return operations;
    }

    @Override
    public long elapsedNanos() {
      return elapsed;
    }

    @Override
    public void record(Metric metric, double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(metric.name() + " value " + value + " is not finite");
      }
      if (closing) {
        trialValues.put(metric, value);
      } else {
        double[] values = sampleValues.get(metric);
        int[] count = sampleCounts.get(metric);
        if (values == null) {
          throw new IllegalStateException(metric + " is recorded per sample but not declared by the probe");
        }
        values[count[0]++] = value;
      }
    }

    @Override
    public void notMeasured(Metric metric, String reason) {
      notMeasured.put(metric, reason);
    }

    @Override
    public void warn(String message) {
      warnings.add(message);
    }

    /**
     * The value recorded at close.
     *
     * @param metric the metric
     * @return the value
     * @throws AssertionError if there is none
     */
    public double value(Metric metric) {
      Double v = trialValues.get(metric);
      if (v == null) {
        throw new AssertionError("no trial value for " + metric + "; not measured: " + notMeasured
            + "; recorded: " + trialValues);
      }
      return v;
    }

    @Override
    public String toString() {
      return "trial values " + trialValues + ", not measured " + notMeasured + ", warnings " + warnings;
    }
  }

  /**
   * Runs one measured trial.
   *
   * @param probe the probe
   * @param samples the number of samples
   * @param work the work of each sample
   * @return what the probe recorded
   * @throws Exception if the probe or the work fails
   */
  public static Trial run(Probe probe, int samples, Work work) throws Exception {
    Trial trial = new Trial();
    for (Metric m : probe.metrics()) {
      trial.sampleValues.put(m, new double[samples]);
      trial.sampleCounts.put(m, new int[1]);
    }
    Probe.Session session = probe.open(context(trial, false));
    for (int i = 0; i < samples; i++) {
      session.beforeSample();
      long t0 = System.nanoTime();
      work.run(i);
      trial.elapsed = System.nanoTime() - t0;
      trial.operations = 1;
      session.afterSample(trial);
    }
    trial.operations = samples;
    trial.closing = true;
    trial.sampleValues.replaceAll((m, v) -> java.util.Arrays.copyOf(v, trial.sampleCounts.get(m)[0]));
    trial.sampleValues.values().removeIf(v -> v.length == 0);
    session.close(trial);
    return trial;
  }

  /**
   * A context for trial 0 of a benchmark named {@code test}.
   *
   * @param trial where warnings go
   * @param warmup whether it is warm-up
   * @return the context
   */
  public static RunContext context(Trial trial, boolean warmup) {
    return new RunContext() {
      @Override
      public BenchmarkKey key() {
        return BenchmarkKey.of("test");
      }

      @Override
      public int trial() {
        return 0;
      }

      @Override
      public boolean warmup() {
        return warmup;
      }

      @Override
      public Counter counter(String metricName) {
        return amount -> { };
      }

      @Override
      public void warn(String message) {
        trial.warn(message);
      }
    };
  }
}
