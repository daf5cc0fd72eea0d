package dev.perfgate.generator;

import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.Benchmark;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.ProbeProvider;
import dev.perfgate.api.Result;
import dev.perfgate.api.Target;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.BaselineStores;
import dev.perfgate.baseline.RegressionJudge;
import dev.perfgate.generator.internal.ProbeCatalog;
import dev.perfgate.generator.internal.RunPlan;
import dev.perfgate.generator.internal.Ticker;
import dev.perfgate.generator.internal.VariantRunner;
import dev.perfgate.generator.internal.fork.Forking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Benchmarks, their targets, the probes and the run options: a runnable performance suite.
 * Immutable; {@link #run()} may be called again.
 *
 * <pre>{@code
 * Report report = Suite.newBuilder()
 *     .benchmark(Benchmark.of("json.parse", () -> mapper.readTree(json)),
 *         Target.on(Metric.WALL_TIME).p95().atMost(Duration.ofMillis(1)))
 *     .build()
 *     .run();
 * report.assertPassed();
 * }</pre>
 */
public final class Suite {
  private static final System.Logger LOG = System.getLogger(Suite.class.getName());

  private final List<Benchmark> benchmarks;
  private final Map<String, List<Target>> targets;
  private final Map<String, Map<Integer, List<Target>>> sizeTargets;
  private final List<SuiteCheck> checks;
  private final Map<String, List<Integer>> threads;
  private final List<Consumer<Report>> afterRun;
  private final List<Probe> probes;
  private final List<String> probeIds;
  private final Settings settings;
  private final BaselineStep baselines;
  private final List<Metric> judgedMetrics;
  private final RunOptions options;
  private final ConsoleReporter console;
  private final Ticker ticker;
  private final int forks;
  private final List<String> jvmArgs;

  private Suite(Builder b) {
    this.benchmarks = List.copyOf(b.benchmarks);
    Map<String, List<Target>> t = new LinkedHashMap<>();
    b.targets.forEach((k, v) -> t.put(k, List.copyOf(v)));
    this.targets = Map.copyOf(t);
    Map<String, Map<Integer, List<Target>>> st = new LinkedHashMap<>();
    b.sizeTargets.forEach((k, v) -> {
      Map<Integer, List<Target>> m = new LinkedHashMap<>();
      v.forEach((size, list) -> m.put(size, List.copyOf(list)));
      st.put(k, Map.copyOf(m));
    });
    this.sizeTargets = Map.copyOf(st);
    this.checks = List.copyOf(b.checks);
    this.threads = Map.copyOf(b.threads);
    this.afterRun = List.copyOf(b.afterRun);
    this.probes = List.copyOf(b.probes);
    this.probeIds = List.copyOf(b.probeIds);
    this.settings = b.settings == null ? Settings.fromSystemProperties() : b.settings;
    this.options = b.options == null ? settings.runOptions() : b.options;
    BaselineStore store = b.baselineStore != null ? b.baselineStore
        : b.baselinesFromSettings ? BaselineStores.directory(settings.baselineDir()) : null;
    this.baselines = store == null ? null : new BaselineStep(store,
        b.judge == null ? RegressionJudge.defaults() : b.judge,
        b.updateBaselines == null ? settings.updateBaseline() : b.updateBaselines, b.confirmRegressions);
    this.judgedMetrics = b.judgedMetrics.isEmpty() ? List.of(Metric.WALL_TIME, Metric.ALLOCATED_BYTES)
        : List.copyOf(b.judgedMetrics);
    this.console = b.quiet ? null : (b.console == null ? ConsoleReporter.toStandardOutput() : b.console);
    this.ticker = b.ticker == null ? Ticker.system() : b.ticker;
    this.forks = b.forks == null ? settings.forks() : b.forks;
    this.jvmArgs = List.copyOf(b.jvmArgs);
  }

  /**
   * Starts a suite.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * The options this suite runs with.
   *
   * @return the options
   */
  public RunOptions options() {
    return options;
  }

  /**
   * Runs every benchmark variant (each size of each benchmark), evaluates the targets and the suite
   * checks, prints the summary unless the suite is quiet, and returns the report. A benchmark or a
   * probe that throws, or a benchmark that runs past the timeout, is reported by name with an
   * {@link dev.perfgate.api.Status#ERROR} verdict, which fails the report whether the benchmark has
   * targets or not, and the others go on.
   *
   * @return the report
   * @throws IllegalArgumentException if a probe id asked for is unknown
   */
  public Report run() {
    long start = ticker.read();
    Environment environment = Environment.current();
    List<String> warnings = new ArrayList<>();
    ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
        .orElse(Suite.class.getClassLoader());
    ProbeCatalog catalog = ProbeCatalog.load(loader);
    warnings.addAll(catalog.problems());
    List<Probe> active = new ArrayList<>();
    List<String> probeNames = new ArrayList<>();
    Map<Metric, String> unavailable = new LinkedHashMap<>();
    Set<String> wanted = new LinkedHashSet<>();
    catalog.entries().stream().filter(e -> e.provider().enabledByDefault()).forEach(e -> wanted.add(e.provider().id()));
    wanted.addAll(probeIds);
    List<Probe> candidates = new ArrayList<>();
    for (String id : wanted) {
      ProbeCatalog.Entry entry = catalog.find(id, loader);
      candidates.add(entry.provider().create());
      probeNames.add(entry.provider().id() + " (" + entry.source() + ")");
    }
    for (Probe p : probes) {
      candidates.add(p);
      probeNames.add(p.id() + " (given to the suite)");
    }
    for (Probe p : candidates) {
      Optional<String> why = p.unavailable();
      if (why.isPresent()) {
        String reason = "probe '" + p.id() + "' is unavailable: " + why.get();
        warnings.add(reason + "; its metrics were skipped");
        p.metrics().forEach(m -> unavailable.putIfAbsent(m, reason));
      } else {
        active.add(p);
      }
    }
    LOG.log(System.Logger.Level.DEBUG, "perfgate probes: {0}", probeNames);

    Optional<List<Integer>> sizeOverride = settings.sizes();
    Optional<List<Integer>> threadOverride = settings.threads();
    List<Variant> variants = new ArrayList<>();
    for (Benchmark b : benchmarks) {
      List<BenchmarkKey> keys = new ArrayList<>();
      if (b.sizes().isEmpty()) {
        keys.add(BenchmarkKey.of(b.name()));
      } else {
        sizeOverride.orElse(b.sizes()).forEach(size -> keys.add(BenchmarkKey.of(b.name(), size)));
      }
      List<Integer> threadCounts = threads.containsKey(b.name())
          ? threadOverride.orElse(threads.get(b.name())) : List.of(1);
      for (BenchmarkKey k : keys) {
        for (int t : threadCounts) {
          variants.add(new Variant(b, k.withThreads(t)));
        }
      }
    }
    Forking forking = Forking.begin(variants.stream().map(Variant::key).toList());
    if (forking.skip()) {
      // A forked JVM measures only the run call its parent asked for; earlier calls were the parent's.
      return new Report(List.of(), List.of(), environment, probeNames, warnings, Duration.ZERO);
    }
    List<Result> forked = forks > 0 && !forking.measuresForParent() ? forkedResults(forking, variants, environment,
        warnings) : null;
    List<BenchmarkReport> reports = new ArrayList<>();
    Executor executor = new Executor();
    try {
      java.util.function.Supplier<VariantRunner> newRunner = () -> new VariantRunner(plan(), active, unavailable,
          environment, ticker, new VariantRunner.Listener() {
            @Override
            public void phase(BenchmarkKey key, int trial, int trials, String phase) {
              if (console != null) {
                console.phase(key, trial, trials, phase);
              }
            }

            @Override
            public void trialDone(BenchmarkKey key, int trial, int trials, Duration elapsed) {
              if (console != null) {
                console.trialDone(key, trial, trials, elapsed);
              }
            }
          });
      java.util.function.Function<Variant, Result> runVariant = v -> {
        VariantRunner.Run run = newRunner.get().start(v.benchmark, v.key);
        for (int t = 0; t < options.trials(); t++) {
          if (!runTrial(executor, run, t)) {
            break;
          }
        }
        return run.finish();
      };
      int done = 0;
      for (List<Variant> group : byBenchmark(variants)) {
        if (console != null) {
          console.started(group.size() == 1 ? group.get(0).key.toString()
              : group.get(0).benchmark.name() + " (" + group.size() + " variants, trials interleaved)",
              done + 1, variants.size());
        }
        if (forked != null) {
          for (int i = 0; i < group.size(); i++) {
            Result result = forked.get(done + i);
            if (console != null) {
              console.finished(result, done + i + 1, variants.size());
            }
            reports.add(new BenchmarkReport(result, evaluate(group.get(i), result, List.of())));
          }
          done += group.size();
          continue;
        }
        // The trials of a benchmark's variants take turns, in an order that changes every round, so
        // that every size meets the same JIT state and the same disturbances of the machine.
        VariantRunner runner = newRunner.get();
        List<VariantRunner.Run> runs = group.stream().map(v -> runner.start(v.benchmark, v.key)).toList();
        for (int t = 0; t < options.trials(); t++) {
          for (int k = 0; k < runs.size(); k++) {
            int i = (t % 2 == 0) ? (t + k) % runs.size() : (runs.size() - 1 - ((t + k) % runs.size()));
            runTrial(executor, runs.get(i), t);
          }
        }
        for (int i = 0; i < group.size(); i++) {
          Result result = runs.get(i).finish();
          if (console != null) {
            console.finished(result, done + i + 1, variants.size());
          }
          reports.add(new BenchmarkReport(result, evaluate(group.get(i), result, runs.get(i).probeFailures())));
          forking.measured(result);
        }
        done += group.size();
      }
      forking.finish();
      if (baselines != null) {
        List<BaselineStep.Outcome> outcomes = baselines.apply(
            reports.stream().map(BenchmarkReport::result).toList(),
            key -> judged(key, variants),
            key -> variants.stream().filter(v -> v.key.equals(key)).findFirst().map(v -> {
              if (console != null) {
                console.started(v.key, 0, 0);
              }
              // A forked result is confirmed in forks too: a second look from this JVM would see other noise.
              return forked != null ? forkedResults(forking, variants, environment, warnings).get(variants.indexOf(v))
                  : runVariant.apply(v);
            }));
        for (int i = 0; i < reports.size(); i++) {
          BenchmarkReport r = reports.get(i);
          List<Verdict> all = new ArrayList<>(r.verdicts());
          all.addAll(outcomes.get(i).verdicts());
          reports.set(i, new BenchmarkReport(r.result(), all, Optional.ofNullable(outcomes.get(i).decision()),
              outcomes.get(i).timeHistory()));
        }
      }
    } finally {
      executor.shutdown();
    }
    List<Result> results = reports.stream().map(BenchmarkReport::result).toList();
    List<Verdict> suiteVerdicts = new ArrayList<>();
    for (SuiteCheck check : checks) {
      try {
        suiteVerdicts.addAll(check.check(results));
      } catch (RuntimeException e) {
        warnings.add("suite check " + check + " threw " + e);
        suiteVerdicts.add(new Verdict("suite", String.valueOf(check), dev.perfgate.api.Status.ERROR,
            "suite check " + check + " threw " + e, Map.of()));
      }
    }
    Report report = new Report(reports, suiteVerdicts, environment, probeNames, warnings,
        Duration.ofNanos(ticker.read() - start));
    if (console != null) {
      console.print(report);
    }
    for (Consumer<Report> hook : afterRun) {
      try {
        hook.accept(report);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "an after-run hook of the suite failed: " + e, e);
        if (console != null) {
          console.warn("an after-run hook failed: " + e.getMessage());
        }
      }
    }
    return report;
  }

  /**
   * The results of every variant measured in {@link #forks} fresh JVMs, or null to measure in this
   * one (when no entry point a child could rerun is known, with a warning).
   */
  private List<Result> forkedResults(Forking forking, List<Variant> variants, Environment environment,
      List<String> warnings) {
    Optional<String> cannot = forking.cannotFork();
    if (cannot.isPresent()) {
      warnings.add(Settings.FORKS + "=" + forks + ": " + cannot.get());
      if (console != null) {
        console.warn(Settings.FORKS + "=" + forks + ": " + cannot.get());
      }
      return null;
    }
    Map<String, String> properties = new LinkedHashMap<>(settings.values());
    properties.remove(Settings.FORKS);
    // A fork runs every variant; each has the timeout, and the JVM's start gets a minute on top.
    Duration timeout = options.timeout().multipliedBy(variants.size()).plus(FORK_START_ALLOWANCE);
    return forking.runForks(forks, variants.stream().map(Variant::key).toList(), properties, jvmArgs, timeout,
        environment, f -> {
          if (console != null) {
            console.started("fork " + (f + 1) + " of " + forks + " (a fresh JVM running all " + variants.size()
                + " variants)", f + 1, forks);
          }
        });
  }

  /** What a forked JVM's start and the rerun of its entry point may take beside its variants' timeouts. */
  private static final Duration FORK_START_ALLOWANCE = Duration.ofMinutes(1);

  /** The judged metrics of a variant: the configured ones and those its targets name. */
  private Set<Metric> judged(BenchmarkKey key, List<Variant> variants) {
    Set<Metric> metrics = new LinkedHashSet<>(judgedMetrics);
    variants.stream().filter(v -> v.key.equals(key)).findFirst().ifPresent(v -> {
      List<Target> all = new ArrayList<>(targets.getOrDefault(v.benchmark.name(), List.of()));
      sizeTargets.getOrDefault(v.benchmark.name(), Map.of()).values().forEach(all::addAll);
      for (Target t : all) {
        // Metrics are equal by name, so a placeholder unit and direction find the stored one.
        metrics.add(Metric.of(t.metric(), t.limit().unit(), dev.perfgate.api.Direction.NEUTRAL));
      }
    });
    return metrics;
  }

  private RunPlan plan() {
    return new RunPlan(options.trials(), options.samples(), options.sampleTime(), options.warmup(),
        options.firstWarmup(), options.maxWarmup());
  }

  /**
   * The verdicts of a variant. A variant that failed (threw, timed out) gets one ERROR verdict with
   * or without targets, whose figures cannot be judged; a probe that threw gets one ERROR verdict
   * each, beside the targets; a target that cannot be evaluated (a limit in the wrong unit) is an
   * ERROR rather than a crash of the whole run.
   */
  private List<Verdict> evaluate(Variant v, Result result, List<VariantRunner.ProbeFailure> probeFailures) {
    List<Target> applicable = new ArrayList<>(targets.getOrDefault(v.benchmark.name(), List.of()));
    OptionalInt size = v.key.size();
    if (size.isPresent()) {
      applicable.addAll(sizeTargets.getOrDefault(v.benchmark.name(), Map.of()).getOrDefault(size.getAsInt(), List.of()));
    }
    String subject = result.key().toString();
    List<Verdict> verdicts = new ArrayList<>();
    if (result.error().isPresent()) {
      String skipped = applicable.isEmpty() ? "" : "; its " + applicable.size() + " target(s) were not judged";
      verdicts.add(new Verdict(subject, RUNS_TO_THE_END, dev.perfgate.api.Status.ERROR,
          subject + "  " + RUNS_TO_THE_END + "  ERROR: " + result.error().get() + skipped, Map.of()));
      return verdicts;
    }
    for (VariantRunner.ProbeFailure f : probeFailures) {
      verdicts.add(new Verdict(subject, "probe '" + f.probe() + "'", dev.perfgate.api.Status.ERROR,
          subject + "  probe '" + f.probe() + "'  ERROR: " + f.message() + "; its metrics were not measured (a probe"
              + " that cannot measure on this JVM says so with unavailable() or Recorder.notMeasured instead of throwing)",
          Map.of()));
    }
    for (Target t : applicable) {
      try {
        verdicts.add(t.evaluate(result));
      } catch (IllegalArgumentException e) {
        verdicts.add(new Verdict(subject, t.toString(), dev.perfgate.api.Status.ERROR,
            subject + "  " + t + "  ERROR: " + e.getMessage(), Map.of()));
      }
    }
    return verdicts;
  }

  /** The check of an ERROR verdict for a variant that did not run to the end. */
  static final String RUNS_TO_THE_END = "runs to the end";

  /** Runs one trial of a variant within what is left of its timeout; false once the variant failed. */
  private boolean runTrial(Executor executor, VariantRunner.Run run, int trial) {
    long left = options.timeout().toNanos() - run.elapsed().toNanos();
    if (left <= 0) {
      TimeoutException spent = new TimeoutException("'" + run.key() + "' used up its timeout of "
          + dev.perfgate.api.Unit.NANOSECONDS.format(options.timeout().toNanos()) + " before its next trial");
      spent.setStackTrace(new StackTraceElement[0]);
      run.fail(timedOut(run.key()), spent);
      return false;
    }
    Future<Boolean> future = executor.service.submit(() -> run.runTrial(trial));
    try {
      return future.get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // Where the benchmark was when it was stopped is the stack trace the user needs.
      Thread stuck = executor.thread.get();
      TimeoutException where = new TimeoutException("'" + run.key() + "' was here when its timeout of "
          + dev.perfgate.api.Unit.NANOSECONDS.format(options.timeout().toNanos()) + " stopped it");
      if (stuck != null) {
        where.setStackTrace(stuck.getStackTrace());
      }
      future.cancel(true);
      // The stuck thread cannot be stopped safely; leave it (a daemon) and go on with a fresh one.
      executor.renew();
      run.fail(timedOut(run.key()), where);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      run.fail("interrupted while running '" + run.key() + "'", e);
      return false;
    } catch (ExecutionException e) {
      run.fail("benchmark '" + run.key() + "' failed in the runner: " + e.getCause(), e.getCause());
      return false;
    }
  }

  private String timedOut(BenchmarkKey key) {
    return "benchmark '" + key.name() + "' timed out after " + dev.perfgate.api.Unit.NANOSECONDS.format(
        options.timeout().toNanos()) + " and was stopped; the rest of the suite went on (raise the timeout with"
        + " -D" + Settings.TIMEOUT + "=... or RunOptions.timeout if it needs longer)";
  }

  /** Variants grouped by benchmark, in the order the benchmarks were added. */
  private static List<List<Variant>> byBenchmark(List<Variant> variants) {
    Map<String, List<Variant>> groups = new LinkedHashMap<>();
    variants.forEach(v -> groups.computeIfAbsent(v.benchmark.name(), k -> new ArrayList<>()).add(v));
    return List.copyOf(groups.values());
  }

  /** The thread that runs trials, replaced when a benchmark hangs in it. */
  private static final class Executor {
    private final AtomicReference<Thread> thread = new AtomicReference<>();
    private ExecutorService service = newService();

    private ExecutorService newService() {
      return Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "perfgate-runner");
        t.setDaemon(true);
        thread.set(t);
        return t;
      });
    }

    void renew() {
      service.shutdownNow();
      thread.set(null);
      service = newService();
    }

    void shutdown() {
      service.shutdownNow();
    }
  }

  private record Variant(Benchmark benchmark, BenchmarkKey key) {}

  /** Builds a {@link Suite}. */
  public static final class Builder {
    private final List<Benchmark> benchmarks = new ArrayList<>();
    private final Map<String, List<Target>> targets = new LinkedHashMap<>();
    private final Map<String, Map<Integer, List<Target>>> sizeTargets = new LinkedHashMap<>();
    private final List<SuiteCheck> checks = new ArrayList<>();
    private final Map<String, List<Integer>> threads = new LinkedHashMap<>();
    private final List<Consumer<Report>> afterRun = new ArrayList<>();
    private final List<Probe> probes = new ArrayList<>();
    private final List<String> probeIds = new ArrayList<>();
    private BaselineStore baselineStore;
    private boolean baselinesFromSettings;
    private Boolean updateBaselines;
    private RegressionJudge judge;
    private boolean confirmRegressions = true;
    private final List<Metric> judgedMetrics = new ArrayList<>();
    private RunOptions options;
    private Settings settings;
    private ConsoleReporter console;
    private boolean quiet;
    private Ticker ticker;
    private Integer forks;
    private final List<String> jvmArgs = new ArrayList<>();

    private Builder() {}

    /**
     * Runs the suite's variants in this many fresh JVMs, one after the other, each running all the
     * variants with their interleaving; the trials of all forks make one result per variant, each
     * trial knowing its fork. 0 runs in this JVM. By default {@code perfgate.forks}, else 0. A fork
     * reruns the entry point (the {@code @PerfTest} method, or the main class) to rebuild the
     * benchmarks, and measures only this run call.
     *
     * @param forks how many JVMs, 0 for none
     * @return this builder
     * @throws IllegalArgumentException if forks is negative
     */
    public Builder forks(int forks) {
      Checks.argument(forks >= 0, "forks (%s) must be >= 0 (0 runs in this JVM)", forks);
      this.forks = forks;
      return this;
    }

    /**
     * Adds JVM flags for the forks, after the ones they inherit from this JVM, such as
     * {@code "-Xmx512m"}. Without {@link #forks(int) forks} they do nothing.
     *
     * @param args the flags
     * @return this builder
     */
    public Builder jvmArgs(String... args) {
      for (String a : args) {
        jvmArgs.add(Checks.notNull(a, "jvm argument"));
      }
      return this;
    }

    /**
     * Adds a benchmark with targets that apply to every variant of it.
     *
     * @param benchmark the benchmark; its name must be unique in the suite
     * @param targets its targets
     * @return this builder
     * @throws IllegalArgumentException if a benchmark of that name was already added
     */
    public Builder benchmark(Benchmark benchmark, Target... targets) {
      Checks.notNull(benchmark, "benchmark");
      String name = benchmark.name();
      Checks.argument(benchmarks.stream().noneMatch(b -> b.name().equals(name)),
          "a benchmark named '%s' was already added; benchmark names must be unique in a suite", name);
      benchmarks.add(benchmark);
      this.targets.computeIfAbsent(name, k -> new ArrayList<>()).addAll(List.of(targets));
      return this;
    }

    /**
     * Adds targets for one size of a sized benchmark.
     *
     * @param benchmarkName the benchmark's name
     * @param size the size
     * @param targets the targets at that size
     * @return this builder
     */
    public Builder targetsAtSize(String benchmarkName, int size, Target... targets) {
      Checks.notNull(benchmarkName, "benchmarkName");
      sizeTargets.computeIfAbsent(benchmarkName, k -> new LinkedHashMap<>())
          .computeIfAbsent(size, k -> new ArrayList<>()).addAll(List.of(targets));
      return this;
    }

    /**
     * Runs a benchmark on several thread counts, one variant each: every thread repeats the
     * operation on the same instance, all starting together. Time per operation stays a per-thread
     * latency; {@code throughput} (operations per second of all threads) is recorded beside it.
     * Without this, a benchmark runs on one thread.
     *
     * @param benchmarkName the benchmark's name
     * @param counts the thread counts, each at least 1, for example {@code 1, 2}; none means 1 and
     *     the number of CPUs
     * @return this builder
     * @throws IllegalArgumentException if a count is below 1 or repeats
     */
    public Builder threads(String benchmarkName, int... counts) {
      Checks.notNull(benchmarkName, "benchmarkName");
      if (counts.length == 0) {
        int cpus = Runtime.getRuntime().availableProcessors();
        counts = cpus > 1 ? new int[] {1, cpus} : new int[] {1};
      }
      List<Integer> list = new ArrayList<>();
      for (int c : counts) {
        Checks.argument(c >= 1, "thread count (%s) of '%s' must be >= 1", c, benchmarkName);
        Checks.argument(!list.contains(c), "thread count %s of '%s' is given twice", c, benchmarkName);
        list.add(c);
      }
      threads.put(benchmarkName, List.copyOf(list));
      return this;
    }

    /**
     * Adds something to do with the report after each run, such as writing the files:
     * {@code .afterRun(Reports.writer(Reports.DEFAULT_DIRECTORY))}. A hook that throws is reported as
     * a warning.
     *
     * @param hook the hook
     * @return this builder
     */
    public Builder afterRun(Consumer<Report> hook) {
      afterRun.add(Checks.notNull(hook, "hook"));
      return this;
    }

    /**
     * Adds a check over several results, run after all benchmarks.
     *
     * @param check the check
     * @return this builder
     */
    public Builder check(SuiteCheck check) {
      checks.add(Checks.notNull(check, "check"));
      return this;
    }

    /**
     * Adds a probe object (for probes that observe user objects, such as caches).
     *
     * @param probe the probe
     * @return this builder
     */
    public Builder probe(Probe probe) {
      probes.add(Checks.notNull(probe, "probe"));
      return this;
    }

    /**
     * Turns on probes found through {@link java.util.ServiceLoader} by id (such as {@code jfr.memory})
     * or by the fully qualified name of their {@link ProbeProvider}. Probes enabled by default
     * (time, allocation) are always on.
     *
     * @param idsOrClassNames the probes
     * @return this builder
     */
    public Builder probes(String... idsOrClassNames) {
      for (String id : idsOrClassNames) {
        probeIds.add(Checks.notNull(id, "probe id"));
      }
      return this;
    }

    /**
     * Compares every result with its stored baseline and history in this store, and records the run.
     * The first run of a variant records its baseline; later runs replace it only when asked
     * ({@link #updateBaselines(boolean)} or {@code -Dperfgate.baseline.update=true}); every run is
     * appended to the history.
     *
     * @param store the store, for example {@code BaselineStores.directory(Path.of(".perfgate"))}
     * @return this builder
     */
    public Builder baselines(BaselineStore store) {
      Checks.state(baselineStore == null && !baselinesFromSettings, "baselines were already set");
      this.baselineStore = Checks.notNull(store, "store");
      return this;
    }

    /**
     * Compares with baselines in the directory the settings name ({@code perfgate.baseline.dir},
     * default {@code .perfgate} in the working directory).
     *
     * @return this builder
     */
    public Builder baselines() {
      Checks.state(baselineStore == null && !baselinesFromSettings, "baselines were already set");
      this.baselinesFromSettings = true;
      return this;
    }

    /**
     * Whether this run replaces the stored baselines; by default {@code perfgate.baseline.update}.
     *
     * @param update true to replace them
     * @return this builder
     */
    public Builder updateBaselines(boolean update) {
      this.updateBaselines = update;
      return this;
    }

    /**
     * Sets how comparisons are judged (noise floor, tolerance, confidence); by default
     * {@link RegressionJudge#defaults()}: 3 % noise floor, 20 % tolerance, 95 % confidence.
     *
     * @param judge the judge
     * @return this builder
     */
    public Builder regressionJudge(RegressionJudge judge) {
      this.judge = Checks.notNull(judge, "judge");
      return this;
    }

    /**
     * Sets the metrics compared with the baseline; by default {@code time.wall}, {@code alloc.bytes}
     * and every metric a target of the benchmark names. Other metrics are stored, not judged, so
     * that a suite does not raise alarms on figures nobody asked about.
     *
     * @param metrics the metrics
     * @return this builder
     */
    public Builder judgedMetrics(Metric... metrics) {
      judgedMetrics.addAll(List.of(metrics));
      return this;
    }

    /**
     * Whether a regression beyond the tolerance is measured once more before it fails (default
     * true): it fails only if the second measurement regresses too.
     *
     * @param confirm false to fail on the first measurement
     * @return this builder
     */
    public Builder confirmRegressions(boolean confirm) {
      this.confirmRegressions = confirm;
      return this;
    }

    /**
     * Sets where {@code perfgate.*} settings come from; by default system properties. The JUnit
     * integration passes its configuration parameters here.
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder settings(Settings settings) {
      Checks.state(this.settings == null, "settings were already set (perf.suite() sets the test run's); set them once");
      this.settings = Checks.notNull(settings, "settings");
      return this;
    }

    /**
     * Sets the run options; by default those of the {@link #settings(Settings) settings}.
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(RunOptions options) {
      Checks.state(this.options == null, "options were already set to %s; set them once (to change a few, start"
          + " from the ones you have: options.toBuilder()...build())", this.options);
      this.options = Checks.notNull(options, "options");
      return this;
    }

    /**
     * Sends progress and the summary to this reporter instead of standard output.
     *
     * @param console the reporter
     * @return this builder
     */
    public Builder console(ConsoleReporter console) {
      this.console = Checks.notNull(console, "console");
      return this;
    }

    /**
     * Prints nothing; the report is only returned.
     *
     * @return this builder
     */
    public Builder quiet() {
      this.quiet = true;
      return this;
    }

    Builder ticker(Ticker ticker) {
      this.ticker = ticker;
      return this;
    }

    /**
     * Builds the suite.
     *
     * @return an immutable suite
     * @throws IllegalStateException if there is no benchmark, or a size target names an unknown
     *     benchmark or size
     */
    public Suite build() {
      Checks.state(!benchmarks.isEmpty(), "the suite has no benchmark; add one with benchmark(...)");
      threads.keySet().forEach(name -> Checks.state(benchmarks.stream().anyMatch(b -> b.name().equals(name)),
          "threads(...) names benchmark '%s', which is not in the suite", name));
      sizeTargets.forEach((name, bySize) -> {
        Benchmark b = benchmarks.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() ->
            new IllegalStateException("targetsAtSize names benchmark '" + name + "', which is not in the suite"));
        bySize.keySet().forEach(size -> Checks.state(b.sizes().contains(size),
            "targetsAtSize gives size %s for benchmark '%s', whose sizes are %s", size, name, b.sizes()));
      });
      return new Suite(this);
    }
  }
}
