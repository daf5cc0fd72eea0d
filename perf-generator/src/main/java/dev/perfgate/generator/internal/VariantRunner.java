package dev.perfgate.generator.internal;

import dev.perfgate.api.Annotation;
import dev.perfgate.api.Benchmark;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Mode;
import dev.perfgate.api.Probe;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import dev.perfgate.generator.RunOptions;
import dev.perfgate.api.internal.stats.Percentile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one benchmark variant: for each trial, set-up, warm-up to a steady state, batch calibration,
 * samples with the probes around each, tear-down. Set-up, tear-down and single-shot preparation are
 * never inside a timed batch.
 */
public final class VariantRunner {

  /** Hears about progress; called on the measuring thread. */
  public interface Listener {
    /**
     * A phase of a trial began: {@code "warm-up and calibration"} or {@code "measuring"}.
     *
     * @param key the variant
     * @param trial the trial's index
     * @param trials the number of trials
     * @param phase the phase, in words
     */
    default void phase(BenchmarkKey key, int trial, int trials, String phase) {}

    /**
     * A trial ended.
     *
     * @param key the variant
     * @param trial the trial's index
     * @param trials the number of trials
     * @param elapsed how long the variant's trials took so far
     */
    default void trialDone(BenchmarkKey key, int trial, int trials, Duration elapsed) {}
  }

  /**
   * A probe that threw, with where and what: the probe is dropped for the rest of the trial, the
   * others go on, and the variant gets an error verdict.
   *
   * @param probe the probe's id
   * @param message what failed, in one line
   * @param cause the exception; null where the probe threw in a forked JVM, whose exception stays there
   */
  public record ProbeFailure(String probe, String message, Throwable cause) {}

  /** Batches during warm-up last at least this share of a sample, so warm-up also calibrates. */
  private static final int WARMUP_BATCHES_PER_SAMPLE = 4;

  private static final Metric THROUGHPUT = Metric.THROUGHPUT;
  private static final Metric LATENCY_P50 = Metric.LATENCY_P50;
  private static final Metric LATENCY_P99 = Metric.LATENCY_P99;
  private static final Metric LATENCY_MAX = Metric.LATENCY_MAX;
  /** Below this an operation's own timing (two clock reads, ~50 ns) would distort it by over 5 %. */
  static final long MIN_TIMED_OPERATION_NANOS = 1_000;
  /** Caps the per-thread buffer of timed operations (8 MB). */
  static final long MAX_TIMED_INVOCATIONS = 1 << 20;

  private final RunOptions options;
  private final List<Probe> probes;
  private final Map<Metric, String> unavailable;
  private final Environment environment;
  private final Ticker ticker;
  private final Listener listener;
  private final JitClock jit;

  /**
   * Creates a runner.
   *
   * @param options trials, samples, warm-up
   * @param probes the available probes; precise ones are nested innermost
   * @param unavailable metrics of unavailable probes, with the reasons, copied into every result
   * @param environment the environment recorded in every result
   * @param ticker the clock
   * @param listener hears about progress
   */
  public VariantRunner(RunOptions options, List<Probe> probes, Map<Metric, String> unavailable,
      Environment environment, Ticker ticker, Listener listener) {
    this(options, probes, unavailable, environment, ticker, listener, JitClock.system());
  }

  VariantRunner(RunOptions options, List<Probe> probes, Map<Metric, String> unavailable,
      Environment environment, Ticker ticker, Listener listener, JitClock jit) {
    this.jit = jit;
    this.options = options;
    List<Probe> ordered = new ArrayList<>();
    probes.stream().filter(p -> !p.precise()).forEach(ordered::add);
    probes.stream().filter(Probe::precise).forEach(ordered::add);
    this.probes = List.copyOf(ordered);
    this.unavailable = Map.copyOf(unavailable);
    this.environment = environment;
    this.ticker = ticker;
    this.listener = listener;
  }

  /**
   * Starts a variant whose trials the caller runs one at a time, so that the trials of several
   * variants can be interleaved (all sizes of a benchmark see the same JIT state and the same
   * disturbances of the machine, instead of the first size running colder than the last).
   *
   * @param benchmark the benchmark
   * @param key the variant
   * @return the run
   */
  public Run start(Benchmark benchmark, BenchmarkKey key) {
    return new Run(benchmark, key);
  }

  /** The trials of one variant, run one at a time. */
  public final class Run {
    private final Benchmark benchmark;
    private final BenchmarkKey key;
    private final Instant startedAt = Instant.now();
    private final List<Trial> trials = new ArrayList<>();
    private final Map<Metric, String> notMeasured = new LinkedHashMap<>(unavailable);
    private final List<String> warnings = new ArrayList<>();
    /** What probes reported for no one to judge, by id; a later trial's replaces an earlier one's. */
    private final Map<String, Annotation> annotations = new LinkedHashMap<>();
    private final Loops loop = Loops.fresh();
    private final Sink sink = new Sink();
    private final long[] batch = {1};
    private final List<ProbeFailure> probeFailures = new ArrayList<>();
    /** The measuring thread's page faults during each trial's samples, by trial index, where counted. */
    private final Map<Integer, Long> pageFaults = new ConcurrentHashMap<>();
    private Optional<String> error = Optional.empty();
    private Optional<Throwable> cause = Optional.empty();
    private long elapsedNanos;

    private Run(Benchmark benchmark, BenchmarkKey key) {
      this.benchmark = benchmark;
      this.key = key;
    }

    /**
     * The variant.
     *
     * @return its key
     */
    public BenchmarkKey key() {
      return key;
    }

    /**
     * Runs one trial. Never throws for a failure of the benchmark or a probe: the run records it.
     *
     * @param index the trial's index
     * @return whether the variant can go on (false once it failed)
     */
    public boolean runTrial(int index) {
      synchronized (this) {
        if (error.isPresent()) {
          return false;
        }
      }
      long start = ticker.read();
      try {
        if (Thread.currentThread().isInterrupted()) {
          fail("interrupted after " + trials.size() + " trials", new InterruptedException("interrupted"));
          return false;
        }
        Trial done = trial(benchmark, key, index, loop, sink, batch, notMeasured, warnings, annotations,
            probeFailures, pageFaults);
        synchronized (this) {
          // A trial that ends after its timeout stopped the variant (on the thread left behind) is
          // dropped: the result was already reported, and nothing more may be printed for it.
          if (error.isPresent()) {
            return false;
          }
          trials.add(done);
        }
        listener.trialDone(key, index, options.trials(), Duration.ofNanos(elapsedNanos + ticker.read() - start));
      } catch (Exception | LinkageError | AssertionError | StackOverflowError | OutOfMemoryError e) {
        synchronized (this) {
          if (error.isEmpty()) {
            error = Optional.of(describe(benchmark.name(), e));
            cause = Optional.of(e);
          }
        }
      } finally {
        elapsedNanos += ticker.read() - start;
      }
      return error.isEmpty();
    }

    /**
     * Marks the variant failed, for example when the caller stopped it after a timeout.
     *
     * @param why the reason, in words
     * @param exception the exception behind it, with the stack trace to show
     */
    public synchronized void fail(String why, Throwable exception) {
      if (error.isEmpty()) {
        error = Optional.of(why);
        cause = Optional.of(exception);
      }
    }

    /**
     * The probes that threw, each once, in the order they first failed.
     *
     * @return the failures, possibly empty
     */
    public List<ProbeFailure> probeFailures() {
      synchronized (probeFailures) {
        return List.copyOf(probeFailures);
      }
    }

    /**
     * How long this variant's trials took so far.
     *
     * @return the time
     */
    public Duration elapsed() {
      return Duration.ofNanos(elapsedNanos);
    }

    /**
     * The result of the trials run so far.
     *
     * @return the result
     */
    public synchronized Result finish() {
      // A run that failed is judged by its error alone; what its partial trials could not measure is
      // beside the point. Probes that cannot measure on this JVM at all are still named.
      Map<Metric, String> missing = new LinkedHashMap<>(error.isPresent() ? unavailable : notMeasured);
      for (Metric m : List.copyOf(missing.keySet())) {
        if (trials.stream().anyMatch(tr -> !Double.isNaN(tr.value(m)))) {
          missing.remove(m);
        }
      }
      List<String> all = new ArrayList<>(warnings);
      all.addAll(OffTrials.warnings(trials, Map.copyOf(pageFaults)));
      List<Annotation> annotated;
      synchronized (annotations) {
        annotated = List.copyOf(annotations.values());
      }
      return new Result(key, trials, missing, all, error, environment, startedAt, Duration.ofNanos(elapsedNanos),
          cause, annotated);
    }
  }

  private Trial trial(Benchmark benchmark, BenchmarkKey key, int index, Loops loop, Sink sink, long[] batch,
      Map<Metric, String> notMeasured, List<String> warnings, Map<String, Annotation> annotations,
      List<ProbeFailure> probeFailures, Map<Integer, Long> pageFaults) throws Exception {
    Map<Metric, LongAdder> counters = TrialContext.newCounters();
    TrialContext context = new TrialContext(key, index, counters, warnings);
    long opsPerInvocation = benchmark.operationsPerInvocation();
    if (key.threads() > 1 && benchmark.mode() == Mode.SINGLE_SHOT) {
      throw new IllegalStateException("single-shot benchmarks run on one thread; " + key + " asks for "
          + key.threads() + " (run it in REPEATED mode to measure it under concurrency)");
    }
    if (opsPerInvocation < 1) {
      throw new IllegalStateException("operationsPerInvocation (" + opsPerInvocation + ") must be >= 1");
    }
    List<Sample> samples = new ArrayList<>();
    Map<Metric, Double> trialValues = new LinkedHashMap<>();
    Benchmark.Instance instance = benchmark.open(context);
    ProbeSessions sessions = ProbeSessions.open(probes, context, notMeasured, warnings, probeFailures);
    try {
      listener.phase(key, index, options.trials(), "warm-up and calibration");
      if (benchmark.mode() == Mode.SINGLE_SHOT) {
        warmUpSingleShot(instance, index, loop, sink);
        context.measuring();
        listener.phase(key, index, options.trials(), "measuring");
        for (int s = 0; s < options.samples(); s++) {
          instance.beforeInvocation();
          samples.add(sample(instance, 1, opsPerInvocation, loop, sink, sessions, counters));
        }
      } else if (key.threads() == 1) {
        batch[0] = warmUpRepeated(instance, index, loop, sink, batch[0], warnings);
        context.measuring();
        listener.phase(key, index, options.trials(), "measuring");
        long faultsBefore = jit.threadPageFaults();
        for (int s = 0; s < options.samples(); s++) {
          samples.add(sample(instance, batch[0], opsPerInvocation, loop, sink, sessions, counters));
        }
        long faultsAfter = jit.threadPageFaults();
        if (faultsBefore >= 0 && faultsAfter >= faultsBefore) {
          pageFaults.put(index, faultsAfter - faultsBefore);
        }
      } else {
        // Warm up and calibrate on one thread, then measure all threads at once.
        batch[0] = warmUpRepeated(instance, index, loop, sink, batch[0], warnings);
        context.measuring();
        listener.phase(key, index, options.trials(), "measuring");
        try (ParallelBatch parallel = new ParallelBatch(key.threads(), key.name())) {
          for (int s = 0; s < options.samples(); s++) {
            samples.add(parallelSample(instance, batch[0], opsPerInvocation, loop, parallel, sessions, counters));
          }
        }
      }
    } finally {
      // Tear down before the probes close, so that their per-trial figures (the heap left behind,
      // for one) describe the trial after its state was released.
      try {
        instance.close();
      } finally {
        long total = samples.stream().mapToLong(Sample::elapsedNanos).sum();
        long ops = samples.stream().mapToLong(Sample::operations).sum();
        sessions.close(new ValueRecorder(ops, total, trialValues, notMeasured, warnings).annotatingInto(annotations));
      }
    }
    return new Trial(index, samples, trialValues);
  }

  private Sample sample(Benchmark.Instance instance, long invocations, long opsPerInvocation, Loops loop, Sink sink,
      ProbeSessions sessions, Map<Metric, LongAdder> counters) throws Exception {
    TrialContext.Snapshot before = counters.isEmpty() ? null : TrialContext.snapshot(counters);
    Map<Metric, Double> values = new LinkedHashMap<>();
    ValueRecorder recorder = new ValueRecorder(0, 0, values, sessions.notMeasured(), sessions.warnings());
    long operations = invocations * opsPerInvocation;
    sessions.beforeSample();
    long elapsed = loop.run(instance, invocations, sink, ticker);
    recorder.sampleTaken(operations, elapsed);
    sessions.afterSample(recorder);
    for (Map.Entry<Metric, LongAdder> c : counters.entrySet()) {
      long now = c.getValue().sum();
      long delta = before == null ? now : before.delta(c.getKey(), now);
      values.put(c.getKey(), (double) delta / operations);
    }
    return new Sample(operations, elapsed, values);
  }

  /**
   * A sample on several threads. Probes see it per thread: {@code operations()} and
   * {@code elapsedNanos()} are one thread's (the elapsed time averaged over the threads), so time per
   * operation stays a latency; the throughput of all threads together is recorded beside it.
   */
  private Sample parallelSample(Benchmark.Instance instance, long invocations, long opsPerInvocation, Loops loop,
      ParallelBatch parallel, ProbeSessions sessions, Map<Metric, LongAdder> counters) throws Exception {
    TrialContext.Snapshot before = counters.isEmpty() ? null : TrialContext.snapshot(counters);
    Map<Metric, Double> values = new LinkedHashMap<>();
    ValueRecorder recorder = new ValueRecorder(0, 0, values, sessions.notMeasured(), sessions.warnings());
    long operations = invocations * opsPerInvocation;
    sessions.beforeSample();
    // Operations of a microsecond or more are also timed one by one, for latency percentiles.
    long perInvocation = options.sampleTime().toNanos() / Math.max(1, invocations);
    boolean timed = perInvocation >= MIN_TIMED_OPERATION_NANOS && invocations <= MAX_TIMED_INVOCATIONS;
    long[][] durations = timed ? new long[parallel.threads()][(int) invocations] : null;
    long[] elapsed = parallel.run(loop, instance, invocations, ticker, durations);
    int threads = elapsed.length - 1;
    long sum = 0;
    for (int i = 0; i < threads; i++) {
      sum += elapsed[i];
    }
    long meanElapsed = sum / threads;
    recorder.sampleTaken(operations, meanElapsed);
    sessions.afterSample(recorder);
    long wall = Math.max(1, elapsed[threads]);
    values.put(THROUGHPUT, operations * (double) threads / wall * 1e9);
    if (timed) {
      long[] all = new long[threads * (int) invocations];
      for (int i = 0; i < threads; i++) {
        System.arraycopy(durations[i], 0, all, i * (int) invocations, (int) invocations);
      }
      java.util.Arrays.sort(all);
      values.put(LATENCY_P50, Percentile.ofSorted(all, 0.50) / opsPerInvocation);
      values.put(LATENCY_P99, Percentile.ofSorted(all, 0.99) / opsPerInvocation);
      values.put(LATENCY_MAX, (double) all[all.length - 1] / opsPerInvocation);
    } else {
      for (Metric m : List.of(LATENCY_P50, LATENCY_P99, LATENCY_MAX)) {
        sessions.notMeasured().putIfAbsent(m, "operations of about " + perInvocation + " ns are too short to time"
            + " one by one (latency percentiles need " + MIN_TIMED_OPERATION_NANOS + " ns or more per operation)");
      }
    }
    for (Map.Entry<Metric, LongAdder> c : counters.entrySet()) {
      long now = c.getValue().sum();
      long delta = before == null ? now : before.delta(c.getKey(), now);
      values.put(c.getKey(), (double) delta / (operations * threads));
    }
    return new Sample(operations, meanElapsed, values);
  }

  private void warmUpSingleShot(Benchmark.Instance instance, int trial, Loops loop, Sink sink) throws Exception {
    long min = (trial == 0 ? options.firstWarmup() : options.warmup()).toNanos();
    long max = options.maxWarmup().toNanos();
    long start = ticker.read();
    long spent = 0;
    while (spent < min && spent < max) {
      instance.beforeInvocation();
      loop.run(instance, 1, sink, ticker);
      spent = ticker.read() - start;
    }
  }

  /** Batches of at least a quarter of a sample that size the samples when warm-up ends at its maximum. */
  private static final int CALIBRATION_BATCHES = 3;

  /**
   * Warms up while growing the batch, until the operation is steady (see {@link SteadyState}) and
   * the minimum warm-up has passed, and returns the batch size for samples of the configured length.
   */
  private long warmUpRepeated(Benchmark.Instance instance, int trial, Loops loop, Sink sink, long initialBatch,
      List<String> warnings) throws Exception {
    long min = (trial == 0 ? options.firstWarmup() : options.warmup()).toNanos();
    long max = options.maxWarmup().toNanos();
    long sampleNanos = options.sampleTime().toNanos();
    long batch = Math.max(1, initialBatch / WARMUP_BATCHES_PER_SAMPLE);
    SteadyState state = new SteadyState();
    long start = ticker.read();
    while (true) {
      long cpuBefore = jit.threadCpuNanos();
      long elapsed = loop.run(instance, batch, sink, ticker);
      long cpuAfter = jit.threadCpuNanos();
      long spent = ticker.read() - start;
      if (elapsed < sampleNanos / WARMUP_BATCHES_PER_SAMPLE && batch < (1L << 40)) {
        // Too short to tell anything: grow towards a quarter of a sample, at most 16x at a time.
        long wanted = elapsed <= 0 ? batch * 16
            : (long) Math.ceil((double) batch * sampleNanos / WARMUP_BATCHES_PER_SAMPLE / elapsed);
        batch = Math.max(batch + 1, Math.min(batch * 16, wanted));
        state.reset();
      } else {
        double cpu = cpuBefore < 0 || cpuAfter < 0 ? Double.NaN : (double) (cpuAfter - cpuBefore) / batch;
        state.add((double) elapsed / batch, cpu, jit.compileMillis(), jit.threadPageFaults());
      }
      // The maximum bounds the wait for a steady operation, not the calibration. A warm-up that ended
      // just after a batch proved too short had nothing to size the samples by, and sized them at
      // sampleTime / 1 ns: five million calls of a 50 us operation. So it ends at the maximum only
      // once a few batches long enough to judge were timed (at most about a sample's time more).
      if (spent >= max && state.size() >= CALIBRATION_BATCHES) {
        String unsteady = state.unsteady();
        if (!unsteady.isEmpty()) {
          warnings.add("trial " + trial + ": the operation was not steady after the maximum warm-up of "
              + options.maxWarmup().toMillis() + " ms (" + unsteady + "); figures may include warm-up (raise maxWarmup"
              + (unsteady.contains("page faults") ? "; where the memory is a young heap, -Xms with -XX:+AlwaysPreTouch"
                  + " pages it in at the JVM's start" : "")
              + ")");
        }
        break;
      }
      if (spent >= min && state.steady()) {
        break;
      }
    }
    double recent = state.recentWallPerOp();
    return Math.max(1, Math.round(sampleNanos / Math.max(Double.isNaN(recent) ? 1 : recent, 1e-3)));
  }

  static String describe(String name, Throwable e) {
    StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
    return "benchmark '" + name + "' threw " + e.getClass().getName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage())
        + (where == null ? "" : " (at " + where + ")");
  }
}
