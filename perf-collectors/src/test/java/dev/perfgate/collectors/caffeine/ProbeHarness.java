package dev.perfgate.collectors.caffeine;

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
 * Drives a probe the way the runner will (open, beforeSample / work / afterSample, close) with a
 * recorder that keeps what it is given, so probes can be tested without the runner. Test code only;
 * public so that the Micrometer tests can use it too.
 */
public final class ProbeHarness {

  /** What one window (a sample or the trial) recorded. */
  public static final class Window {
    /** Values by metric name. */
    public final Map<String, Double> values = new LinkedHashMap<>();
    /** Reasons by metric name. */
    public final Map<String, String> notMeasured = new LinkedHashMap<>();
    /** Warnings. */
    public final List<String> warnings = new ArrayList<>();

    /**
     * A recorded value, failing if there is none.
     *
     * @param metric the metric name
     * @return the value
     */
    public double value(String metric) {
      Double v = values.get(metric);
      if (v == null) {
        throw new AssertionError("no value for " + metric + "; not measured: " + notMeasured.get(metric)
            + "; values: " + values);
      }
      return v;
    }

    /**
     * Fails unless every metric has a value or a reason in this window: none silently dropped.
     *
     * @param metrics the metrics the probe declares
     */
    public void assertCovers(List<Metric> metrics) {
      for (Metric m : metrics) {
        if (!values.containsKey(m.name()) && !notMeasured.containsKey(m.name())) {
          throw new AssertionError(m.name() + " has neither a value nor a reason: " + this);
        }
      }
    }

    @Override
    public String toString() {
      return "values " + values + ", not measured " + notMeasured + ", warnings " + warnings;
    }
  }

  private final Probe.Session session;
  /** Warnings given to the run context. */
  public final List<String> contextWarnings = new ArrayList<>();
  /** One window per sample taken. */
  public final List<Window> samples = new ArrayList<>();
  private long totalOperations;
  private long totalNanos;

  /**
   * Opens a measured trial 0 of benchmark {@code bench}.
   *
   * @param probe the probe
   * @throws Exception if the probe's open fails
   */
  public ProbeHarness(Probe probe) throws Exception {
    this(probe, BenchmarkKey.of("bench"), 0, false);
  }

  /**
   * Opens a trial.
   *
   * @param probe the probe
   * @param key the variant
   * @param trial the trial index
   * @param warmup whether this is warm-up
   * @throws Exception if the probe's open fails
   */
  public ProbeHarness(Probe probe, BenchmarkKey key, int trial, boolean warmup) throws Exception {
    session = probe.open(new RunContext() {
      @Override
      public BenchmarkKey key() {
        return key;
      }

      @Override
      public int trial() {
        return trial;
      }

      @Override
      public boolean warmup() {
        return warmup;
      }

      @Override
      public Counter counter(String metricName) {
        throw new UnsupportedOperationException("not needed by cache probes");
      }

      @Override
      public void warn(String message) {
        contextWarnings.add(message);
      }
    });
  }

  /**
   * Takes one sample.
   *
   * @param operations the operations the work counts as
   * @param work the work
   * @return what the probe recorded for it
   * @throws Exception if the probe fails
   */
  public Window sample(long operations, Runnable work) throws Exception {
    session.beforeSample();
    long start = System.nanoTime();
    work.run();
    long elapsed = System.nanoTime() - start;
    Window window = new Window();
    session.afterSample(recorder(window, operations, elapsed));
    totalOperations += operations;
    totalNanos += elapsed;
    samples.add(window);
    return window;
  }

  /**
   * Ends the trial.
   *
   * @return the trial's values
   * @throws Exception if the probe fails
   */
  public Window close() throws Exception {
    Window window = new Window();
    session.close(recorder(window, totalOperations, totalNanos));
    return window;
  }

  static Probe.Recorder recorder(Window window, long operations, long elapsed) {
    return new Probe.Recorder() {
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
          throw new IllegalArgumentException(metric.name() + " recorded as " + value);
        }
        if (window.values.put(metric.name(), value) != null || window.notMeasured.containsKey(metric.name())) {
          throw new AssertionError(metric.name() + " recorded twice in one window");
        }
      }

      @Override
      public void notMeasured(Metric metric, String reason) {
        if (window.notMeasured.put(metric.name(), reason) != null || window.values.containsKey(metric.name())) {
          throw new AssertionError(metric.name() + " recorded twice in one window");
        }
      }

      @Override
      public void warn(String message) {
        window.warnings.add(message);
      }
    };
  }
}
