package dev.perfgate.collectors;

import dev.perfgate.api.Annotation;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives a probe the way the runner does, without the runner: open (in warm-up), then beforeSample /
 * work / afterSample per measured sample, then close, on a {@link TestRunContext}. The one driver of
 * probe tests and of the {@link ProbeContract}; shipped in the test-jar so that users can test their
 * own probes the same way.
 *
 * <pre>{@code
 * ProbeDriver d = new ProbeDriver(myProbe);
 * ProbeDriver.Window s = d.sample(100, () -> work());
 * ProbeDriver.Window trial = d.close();
 * double v = s.value("my.metric");
 * }</pre>
 *
 * <p>Each window made by {@link #sample} is kept; a probe that watches the heap would see them as
 * growth. {@link #run(Probe, int, IndexedWork)} drives a whole trial into arrays sized up front
 * instead, so the driver itself retains nothing per sample.
 */
public final class ProbeDriver {

  /** One sample's work, without a count. */
  @FunctionalInterface
  public interface Work {
    /**
     * Does the work.
     *
     * @throws Exception if it fails
     */
    void run() throws Exception;
  }

  /** One sample's work that says how many operations it did. */
  @FunctionalInterface
  public interface CountedWork {
    /**
     * Does the work.
     *
     * @return the operations done
     * @throws Exception if it fails
     */
    long run() throws Exception;
  }

  /** One sample's work that is told its number. */
  @FunctionalInterface
  public interface IndexedWork {
    /**
     * Does the work.
     *
     * @param sample the sample's number, from 0
     * @throws Exception if it fails
     */
    void run(int sample) throws Exception;
  }

  /** What one window (a sample or the trial) recorded, by metric name. */
  public static final class Window implements Probe.Recorder {
    /** Values by metric name. */
    public final Map<String, Double> values = new LinkedHashMap<>();
    /** Reasons by metric name. */
    public final Map<String, String> notMeasured = new LinkedHashMap<>();
    /** Warnings given to the recorder. */
    public final List<String> warnings = new ArrayList<>();
    /** Annotations given to the recorder, by id. */
    public final Map<String, Annotation> annotations = new LinkedHashMap<>();
    private long operations;
    private long elapsed;

    Window(long operations, long elapsed) {
      this.operations = operations;
      this.elapsed = elapsed;
    }

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
     * A recorded value, failing if there is none.
     *
     * @param metric the metric
     * @return the value
     */
    public double value(Metric metric) {
      return value(metric.name());
    }

    /**
     * Whether the metric has a value in this window.
     *
     * @param metric the metric
     * @return true if it was recorded
     */
    public boolean has(Metric metric) {
      return values.containsKey(metric.name());
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
      if (values.put(metric.name(), value) != null || notMeasured.containsKey(metric.name())) {
        throw new AssertionError(metric.name() + " recorded twice in one window");
      }
    }

    @Override
    public void notMeasured(Metric metric, String reason) {
      if (notMeasured.put(metric.name(), reason) != null || values.containsKey(metric.name())) {
        throw new AssertionError(metric.name() + " recorded twice in one window");
      }
    }

    @Override
    public void annotate(Annotation annotation) {
      annotations.put(annotation.id(), annotation);
    }

    @Override
    public void warn(String message) {
      warnings.add(message);
    }

    @Override
    public String toString() {
      return "values " + values + ", not measured " + notMeasured + ", warnings " + warnings;
    }
  }

  private final Probe.Session session;
  /** The context the session was opened with; its warnings are those the probe gave it. */
  public final TestRunContext context;
  /** Warnings given to the run context (the same list as the context's). */
  public final List<String> contextWarnings;
  /** One window per sample taken. */
  public final List<Window> samples = new ArrayList<>();
  private long totalOperations;
  private long totalNanos;

  /**
   * Opens trial 0 of benchmark {@code bench}.
   *
   * @param probe the probe
   * @throws Exception if the probe's open fails
   */
  public ProbeDriver(Probe probe) throws Exception {
    this(probe, BenchmarkKey.of("bench"), 0);
  }

  /**
   * Opens a trial.
   *
   * @param probe the probe
   * @param key the variant the probe is told it observes
   * @param trial the trial's number
   * @throws Exception if the probe's open fails
   */
  public ProbeDriver(Probe probe, BenchmarkKey key, int trial) throws Exception {
    this.context = new TestRunContext(key, trial);
    this.contextWarnings = context.warnings;
    this.session = probe.open(context);
    context.measuring();
  }

  /**
   * Takes one sample.
   *
   * @param operations the operations the work counts as
   * @param work the work
   * @return what the probe recorded for it
   * @throws Exception if the probe or the work fails
   */
  public Window sample(long operations, Work work) throws Exception {
    return sample(() -> {
      work.run();
      return operations;
    });
  }

  /**
   * Takes one sample of work that counts its own operations.
   *
   * @param work the work
   * @return what the probe recorded for it
   * @throws Exception if the probe or the work fails
   */
  public Window sample(CountedWork work) throws Exception {
    // Made before the sample, so that an allocation probe does not count the window as the work's.
    Window window = new Window(0, 0);
    session.beforeSample();
    long start = System.nanoTime();
    long operations = work.run();
    long elapsed = System.nanoTime() - start;
    window.operations = operations;
    window.elapsed = elapsed;
    session.afterSample(window);
    totalOperations += operations;
    totalNanos += elapsed;
    samples.add(window);
    return window;
  }

  /**
   * Takes {@code count} samples and ends the trial.
   *
   * @param count how many samples
   * @param work the work of each
   * @return the trial's values
   * @throws Exception if the probe or the work fails
   */
  public Window trial(int count, CountedWork work) throws Exception {
    for (int i = 0; i < count; i++) {
      sample(work);
    }
    return close();
  }

  /**
   * Ends the trial.
   *
   * @return the trial's values
   * @throws Exception if the probe fails
   */
  public Window close() throws Exception {
    Window window = new Window(totalOperations, totalNanos);
    session.close(window);
    return window;
  }

  /**
   * Runs one measured trial of {@code samples} samples of one operation each, keeping per-sample values
   * in arrays sized up front so that the driver retains nothing per sample.
   *
   * @param probe the probe
   * @param samples the number of samples
   * @param work the work of each sample
   * @return what the probe recorded
   * @throws Exception if the probe or the work fails
   */
  public static Trial run(Probe probe, int samples, IndexedWork work) throws Exception {
    Trial trial = new Trial(probe.metrics(), samples);
    TestRunContext context = new TestRunContext(BenchmarkKey.of("test"), 0);
    Probe.Session session = probe.open(context);
    context.measuring();
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
    trial.sampleValues.replaceAll((m, v) -> Arrays.copyOf(v, trial.sampleCounts.get(m)[0]));
    trial.sampleValues.values().removeIf(v -> v.length == 0);
    session.close(trial);
    trial.warnings.addAll(context.warnings);
    return trial;
  }

  /** What a probe recorded in a trial run by {@link #run(Probe, int, IndexedWork)}. */
  public static final class Trial implements Probe.Recorder {
    private long operations;
    private long elapsed;
    private boolean closing;
    /** Values recorded after samples, per metric, in order. */
    public final Map<Metric, double[]> sampleValues = new LinkedHashMap<>();
    private final Map<Metric, int[]> sampleCounts = new LinkedHashMap<>();
    /** Values recorded at close. */
    public final Map<Metric, Double> trialValues = new LinkedHashMap<>();
    /** Metrics marked not measured, with the reason. */
    public final Map<Metric, String> notMeasured = new LinkedHashMap<>();
    /** Warnings from the probe's recorder and, at the end, from the context. */
    public final List<String> warnings = new ArrayList<>();
    /** Annotations given to the recorder, by id. */
    public final Map<String, Annotation> annotations = new LinkedHashMap<>();

    Trial(List<Metric> metrics, int samples) {
      for (Metric m : metrics) {
        sampleValues.put(m, new double[samples]);
        sampleCounts.put(m, new int[1]);
      }
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
        if (values == null) {
          throw new IllegalStateException(metric + " is recorded per sample but not declared by the probe");
        }
        values[sampleCounts.get(metric)[0]++] = value;
      }
    }

    @Override
    public void notMeasured(Metric metric, String reason) {
      notMeasured.put(metric, reason);
    }

    @Override
    public void annotate(Annotation annotation) {
      annotations.put(annotation.id(), annotation);
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
}
