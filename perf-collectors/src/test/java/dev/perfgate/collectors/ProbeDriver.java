package dev.perfgate.collectors;

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
 * Drives a probe the way the runner does, without the runner: open, then beforeSample / work /
 * afterSample per sample, then close. For probe tests and the {@link ProbeContract}.
 */
public final class ProbeDriver {
  /** What the probe recorded. */
  public final List<Map<Metric, Double>> samples = new ArrayList<>();
  /** What the probe recorded for the trial as a whole. */
  public final Map<Metric, Double> trial = new LinkedHashMap<>();
  /** Metrics the probe said it could not measure, with the reasons. */
  public final Map<Metric, String> notMeasured = new LinkedHashMap<>();
  /** Warnings the probe gave. */
  public final List<String> warnings = new ArrayList<>();

  private final Probe probe;
  private final BenchmarkKey key;

  /**
   * Creates a driver.
   *
   * @param probe the probe
   * @param key the variant the probe is told it observes
   */
  public ProbeDriver(Probe probe, BenchmarkKey key) {
    this.probe = probe;
    this.key = key;
  }

  /** One sample's work; returns how many operations it did. */
  @FunctionalInterface
  public interface Work {
    /**
     * Does the work.
     *
     * @return the operations done
     * @throws Exception if it fails
     */
    long run() throws Exception;
  }

  /**
   * Runs one trial of {@code samples} samples.
   *
   * @param samples how many samples
   * @param work the work of one sample
   * @return this driver, with what was recorded
   * @throws Exception what the probe or the work threw
   */
  public ProbeDriver trial(int samples, Work work) throws Exception {
    Probe.Session session = probe.open(context());
    long totalOps = 0;
    long totalNanos = 0;
    for (int i = 0; i < samples; i++) {
      Map<Metric, Double> values = new LinkedHashMap<>();
      // Made before the sample so that making it is not counted by allocation probes.
      SampleRecorder recorder = new SampleRecorder(values);
      session.beforeSample();
      long start = System.nanoTime();
      long ops = work.run();
      long elapsed = System.nanoTime() - start;
      recorder.ops = ops;
      recorder.nanos = elapsed;
      session.afterSample(recorder);
      this.samples.add(values);
      totalOps += ops;
      totalNanos += elapsed;
    }
    SampleRecorder whole = new SampleRecorder(trial);
    whole.ops = totalOps;
    whole.nanos = totalNanos;
    session.close(whole);
    return this;
  }

  private RunContext context() {
    return new RunContext() {
      @Override
      public BenchmarkKey key() {
        return key;
      }

      @Override
      public int trial() {
        return 0;
      }

      @Override
      public boolean warmup() {
        return false;
      }

      @Override
      public Counter counter(String metricName) {
        return amount -> {};
      }

      @Override
      public void warn(String message) {
        warnings.add(message);
      }
    };
  }

  private final class SampleRecorder implements Probe.Recorder {
    private final Map<Metric, Double> into;
    long ops;
    long nanos;

    SampleRecorder(Map<Metric, Double> into) {
      this.into = into;
    }

    @Override
    public long operations() {
      return ops;
    }

    @Override
    public long elapsedNanos() {
      return nanos;
    }

    @Override
    public void record(Metric metric, double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(metric.name() + " recorded as " + value);
      }
      into.put(metric, value);
    }

    @Override
    public void notMeasured(Metric metric, String reason) {
      notMeasured.put(metric, reason);
    }

    @Override
    public void warn(String message) {
      warnings.add(message);
    }
  }
}
