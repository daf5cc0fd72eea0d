package dev.perfgate.generator;

import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.Benchmark;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.ProbeProvider;
import dev.perfgate.api.Target;
import dev.perfgate.api.internal.Checks;
import dev.perfgate.baseline.RegressionJudge;
import dev.perfgate.generator.internal.BenchmarkSpec;
import dev.perfgate.generator.internal.Ticker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The options of {@link Suite.Builder}, kept apart from {@link Suite} so that the suite's file shows
 * how a run goes. Benchmarks are keyed by their {@link BenchmarkKey} (their name, without size or
 * threads), never by a bare string; names given to {@code targetsAtSize} and {@code threads} are
 * checked against the benchmarks in {@link #build()}.
 */
abstract class AbstractSuiteBuilder {
  private final Map<BenchmarkKey, Benchmark> benchmarks = new LinkedHashMap<>();
  private final Map<BenchmarkKey, List<Target>> targets = new LinkedHashMap<>();
  private final Map<BenchmarkKey, Map<Integer, List<Target>>> sizeTargets = new LinkedHashMap<>();
  private final Map<BenchmarkKey, List<Integer>> threads = new LinkedHashMap<>();
  final List<SuiteCheck> checks = new ArrayList<>();
  final List<Consumer<Report>> afterRun = new ArrayList<>();
  final List<Probe> probes = new ArrayList<>();
  final List<String> probeIds = new ArrayList<>();
  BaselineStore baselineStore;
  boolean baselinesFromSettings;
  Boolean updateBaselines;
  RegressionJudge judge;
  java.time.Duration baselineBudget;
  final List<Metric> judgedMetrics = new ArrayList<>();
  RunOptions options;
  Settings settings;
  ConsoleReporter console;
  boolean quiet;
  Ticker ticker;
  Integer forks;
  final List<String> jvmArgs = new ArrayList<>();


  /**
   * Adds a benchmark with targets that apply to every variant of it.
   *
   * @param benchmark the benchmark; its name must be unique in the suite
   * @param targets its targets
   * @return this builder
   * @throws IllegalArgumentException if a benchmark of that name was already added
   */
  public Suite.Builder benchmark(Benchmark benchmark, Target... targets) {
    Checks.notNull(benchmark, "benchmark");
    BenchmarkKey key = BenchmarkKey.of(benchmark.name());
    Checks.argument(!benchmarks.containsKey(key),
        "a benchmark named '%s' was already added; benchmark names must be unique in a suite", key.name());
    benchmarks.put(key, benchmark);
    this.targets.computeIfAbsent(key, k -> new ArrayList<>()).addAll(List.of(targets));
    return self();
  }

  /**
   * Adds targets for one size of a sized benchmark.
   *
   * @param benchmarkName the benchmark's name
   * @param size the size
   * @param targets the targets at that size
   * @return this builder
   */
  public Suite.Builder targetsAtSize(String benchmarkName, int size, Target... targets) {
    Checks.notNull(benchmarkName, "benchmarkName");
    sizeTargets.computeIfAbsent(BenchmarkKey.of(benchmarkName), k -> new LinkedHashMap<>())
        .computeIfAbsent(size, k -> new ArrayList<>()).addAll(List.of(targets));
    return self();
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
  public Suite.Builder threads(String benchmarkName, int... counts) {
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
    threads.put(BenchmarkKey.of(benchmarkName), List.copyOf(list));
    return self();
  }

  /**
   * Adds something to do with the report after each run, such as writing the files:
   * {@code .afterRun(Reports.writer(Reports.DEFAULT_DIRECTORY))}. A hook that throws is reported as
   * a warning.
   *
   * @param hook the hook
   * @return this builder
   */
  public Suite.Builder afterRun(Consumer<Report> hook) {
    afterRun.add(Checks.notNull(hook, "hook"));
    return self();
  }

  /**
   * Adds a check over several results, run after all benchmarks.
   *
   * @param check the check
   * @return this builder
   */
  public Suite.Builder check(SuiteCheck check) {
    checks.add(Checks.notNull(check, "check"));
    return self();
  }

  /**
   * Adds a probe object (for probes that observe user objects, such as caches).
   *
   * @param probe the probe
   * @return this builder
   */
  public Suite.Builder probe(Probe probe) {
    probes.add(Checks.notNull(probe, "probe"));
    return self();
  }

  /**
   * Turns on probes found through {@link java.util.ServiceLoader} by id (such as {@code jfr.memory})
   * or by the fully qualified name of their {@link ProbeProvider}. Probes enabled by default
   * (time, allocation) are always on.
   *
   * @param idsOrClassNames the probes
   * @return this builder
   */
  public Suite.Builder probes(String... idsOrClassNames) {
    for (String id : idsOrClassNames) {
      probeIds.add(Checks.notNull(id, "probe id"));
    }
    return self();
  }

  /**
   * Compares every result with its stored baseline and history in this store, and records the run.
   * The first run of a variant records its baseline; later runs replace it only when asked
   * ({@link #updateBaselines(boolean)} or {@code -D}{@value Settings#BASELINE_UPDATE}{@code =true}); every run is
   * appended to the history. Such a run also measures the ruler after its benchmarks (about 0.3 s;
   * {@code -D}{@value Settings#RULER}{@code =false} turns it off), so that a time regression a slower
   * machine explains is reported as "machine slower by X %" instead of failing.
   *
   * @param store the store, for example {@code BaselineStores.directory(Path.of(".perfgate"))}
   * @return this builder
   */
  public Suite.Builder baselines(BaselineStore store) {
    Checks.state(baselineStore == null && !baselinesFromSettings, "baselines were already set");
    this.baselineStore = Checks.notNull(store, "store");
    return self();
  }

  /**
   * Compares with baselines in the store the settings name ({@link Settings#baselineStore()}): the
   * database of {@code perfgate.baseline.jdbcUrl} if set, else the directory {@code perfgate.baseline.dir},
   * default {@code .perfgate} in the working directory.
   *
   * @return this builder
   */
  public Suite.Builder baselines() {
    Checks.state(baselineStore == null && !baselinesFromSettings, "baselines were already set");
    this.baselinesFromSettings = true;
    return self();
  }

  /**
   * Whether this run replaces the stored baselines; by default {@value Settings#BASELINE_UPDATE}.
   *
   * @param update true to replace them
   * @return this builder
   */
  public Suite.Builder updateBaselines(boolean update) {
    this.updateBaselines = update;
    return self();
  }

  /**
   * Sets how comparisons are judged (noise floor, tolerance, confidence); by default
   * {@link RegressionJudge#defaults()}: 3 % noise floor, 20 % tolerance, 95 % confidence.
   *
   * @param judge the judge
   * @return this builder
   */
  public Suite.Builder regressionJudge(RegressionJudge judge) {
    this.judge = Checks.notNull(judge, "judge");
    return self();
  }

  /**
   * Sets the metrics compared with the baseline; by default {@code time.wall}, {@code alloc.bytes}
   * and every metric a target of the benchmark names. Other metrics are stored, not judged, so
   * that a suite does not raise alarms on figures nobody asked about.
   *
   * @param metrics the metrics
   * @return this builder
   */
  public Suite.Builder judgedMetrics(Metric... metrics) {
    judgedMetrics.addAll(List.of(metrics));
    return self();
  }

  /**
   * Runs the suite's variants in this many fresh JVMs, one after the other, each running all the
   * variants with their interleaving; the trials of all forks make one result per variant, each
   * trial knowing its fork. 0 runs in this JVM. By default {@code perfgate.forks}, else {@code auto}: 4 forks
   * where the suite is judged against stored baselines whose history cannot yet give the noise between
   * runs (fewer than 5 runs of a variant stored from one JVM of this environment; forked runs are
   * stored as an environment of their own), and none otherwise. A fork
   * reruns the entry point (the {@code @PerfTest} method, or the main class) to rebuild the
   * benchmarks, and measures only this run call.
   *
   * @param forks how many JVMs, 0 for none
   * @return this builder
   * @throws IllegalArgumentException if forks is negative
   */
  public Suite.Builder forks(int forks) {
    Checks.argument(forks >= 0, "forks (%s) must be >= 0 (0 runs in this JVM)", forks);
    this.forks = forks;
    return self();
  }

  /**
   * Adds JVM flags for the forks, after the ones they inherit from this JVM, such as
   * {@code "-Xmx512m"}. Without {@link #forks(int) forks} they do nothing.
   *
   * @param args the flags
   * @return this builder
   */
  public Suite.Builder jvmArgs(String... args) {
    for (String a : args) {
      jvmArgs.add(Checks.notNull(a, "jvm argument"));
    }
    return self();
  }

  /**
   * How long each benchmark variant may spend measuring more trials (more forks when forked) while
   * its comparison with the baseline is inconclusive, or regressed with an interval that spans the
   * tolerance; wins over {@code perfgate.baseline.budget}. By default 3 x the time the variant's first
   * measurement took, at most 60 s. The comparison spends its error rate over the looks, so that it
   * holds whenever measuring stops; {@link java.time.Duration#ZERO} measures no more and judges the
   * first measurement alone.
   *
   * <pre>{@code
   * Suite.newBuilder().baselineBudget(Duration.ofSeconds(30))
   * }</pre>
   *
   * @param budget the time per variant, zero or more
   * @return this builder
   * @throws IllegalArgumentException if negative
   * @throws IllegalStateException if already set
   */
  public Suite.Builder baselineBudget(java.time.Duration budget) {
    Checks.notNull(budget, "budget");
    Checks.argument(!budget.isNegative(), "baseline budget (%s) must be >= 0; 0 measures no more", budget);
    if (baselineBudget != null) {
      throw new IllegalStateException("baseline budget was already set on this builder; set it once");
    }
    this.baselineBudget = budget;
    return self();
  }

  /**
   * Sets where {@code perfgate.*} settings come from; by default system properties. The JUnit
   * integration passes its configuration parameters here.
   *
   * @param settings the settings
   * @return this builder
   */
  public Suite.Builder settings(Settings settings) {
    Checks.state(this.settings == null, "settings were already set (perf.suite() sets the test run's); set them once");
    this.settings = Checks.notNull(settings, "settings");
    return self();
  }

  /**
   * Sets the run options; by default those of the {@link #settings(Settings) settings}.
   *
   * @param options the options
   * @return this builder
   */
  public Suite.Builder options(RunOptions options) {
    Checks.state(this.options == null, "options were already set to %s; set them once (to change a few, start"
        + " from the ones you have: options.toBuilder()...build())", this.options);
    this.options = Checks.notNull(options, "options");
    return self();
  }

  /**
   * Sends progress and the summary to this reporter instead of standard output.
   *
   * @param console the reporter
   * @return this builder
   */
  public Suite.Builder console(ConsoleReporter console) {
    this.console = Checks.notNull(console, "console");
    return self();
  }

  /**
   * Prints nothing; the report is only returned.
   *
   * @return this builder
   */
  public Suite.Builder quiet() {
    this.quiet = true;
    return self();
  }

  Suite.Builder ticker(Ticker ticker) {
    this.ticker = ticker;
    return self();
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
    threads.keySet().forEach(key -> Checks.state(benchmarks.containsKey(key),
        "threads(...) names benchmark '%s', which is not in the suite", key.name()));
    sizeTargets.forEach((key, bySize) -> {
      Benchmark b = Optional.ofNullable(benchmarks.get(key)).orElseThrow(() ->
          new IllegalStateException("targetsAtSize names benchmark '" + key.name() + "', which is not in the suite"));
      bySize.keySet().forEach(size -> Checks.state(b.sizes().contains(size),
          "targetsAtSize gives size %s for benchmark '%s', whose sizes are %s", size, key.name(), b.sizes()));
    });
    return new Suite(this);
  }

  private Suite.Builder self() {
    return (Suite.Builder) this;
  }

  /** Every benchmark with its targets and thread counts, in the order they were added. */
  List<BenchmarkSpec> specs() {
    List<BenchmarkSpec> specs = new ArrayList<>();
    benchmarks.forEach((key, b) -> specs.add(new BenchmarkSpec(b, targets.getOrDefault(key, List.of()),
        sizeTargets.getOrDefault(key, Map.of()), threads.getOrDefault(key, List.of()))));
    return specs;
  }
}
