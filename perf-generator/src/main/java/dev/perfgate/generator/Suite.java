package dev.perfgate.generator;

import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.Result;
import dev.perfgate.api.Ruler;
import dev.perfgate.api.Target;
import dev.perfgate.api.Verdict;
import dev.perfgate.api.internal.Checks;
import dev.perfgate.baseline.RegressionJudge;
import dev.perfgate.api.Provenance;
import dev.perfgate.generator.internal.ProvenanceDetector;
import java.nio.file.Path;
import dev.perfgate.generator.internal.BaselineStep;
import dev.perfgate.generator.internal.MeasureMore;
import dev.perfgate.generator.internal.BenchmarkSpec;
import dev.perfgate.generator.internal.ProbeSelection;
import dev.perfgate.generator.internal.Progress;
import dev.perfgate.generator.internal.SuiteJudge;
import dev.perfgate.generator.internal.TargetJudge;
import dev.perfgate.generator.internal.Ticker;
import dev.perfgate.generator.internal.TrialScheduler;
import dev.perfgate.generator.internal.VariantPlan;
import dev.perfgate.generator.internal.fork.Forking;
import dev.perfgate.generator.internal.ruler.RulerProbe;
import dev.perfgate.generator.internal.ruler.RulerWorkload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  private final List<BenchmarkSpec> benchmarks;
  private final List<SuiteCheck> checks;
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

  Suite(AbstractSuiteBuilder b) {
    this.benchmarks = List.copyOf(b.specs());
    this.checks = List.copyOf(b.checks);
    this.afterRun = List.copyOf(b.afterRun);
    this.probes = List.copyOf(b.probes);
    this.probeIds = List.copyOf(b.probeIds);
    this.settings = b.settings == null ? Settings.fromSystemProperties() : b.settings;
    this.options = b.options == null ? settings.runOptions() : b.options;
    BaselineStore store = b.baselineStore != null ? b.baselineStore
        : b.baselinesFromSettings ? settings.baselineStore() : null;
    this.baselines = store == null ? null : new BaselineStep(store,
        b.judge == null ? RegressionJudge.defaults() : b.judge,
        b.updateBaselines == null ? settings.updateBaseline() : b.updateBaselines,
        "-D" + Settings.BASELINE_UPDATE + "=true",
        b.baselineBudget != null ? MeasureMore.Budget.of(b.baselineBudget)
            : settings.baselineBudget().map(MeasureMore.Budget::of).orElse(MeasureMore.Budget.defaults()),
        b.ticker == null ? Ticker.system() : b.ticker, settings.baselineBranch());
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
    ProbeSelection probes = ProbeSelection.select(probeIds, this.probes);
    if (baselines != null && settings.ruler()) {
      // Every trial carries the machine's speed at its moment, so that a judge can take it out of the
      // spread between runs; where the trials run in forks, the pass runs there too.
      probes = probes.with(new RulerProbe(ticker), "built in: the ruler's CPU pass after every trial of a baseline-judged run");
    }
    VariantPlan plan = VariantPlan.of(benchmarks, settings.sizes(), settings.threads());
    Forking forking = Forking.begin(plan.keys());
    if (forking.skip()) {
      // In a forked JVM, a run call before the one it was started for was the parent's: nothing to measure.
      return new Report(List.of(), List.of(), environment, probes.names(), List.of(), Duration.ZERO);
    }
    List<String> warnings = new ArrayList<>(probes.warnings());
    List<BenchmarkReport> reports;
    try (TrialScheduler scheduler = new TrialScheduler(options, probes, environment, ticker, progress(),
        forks(forking, plan, environment, warnings))) {
      List<TrialScheduler.Measured> measured = scheduler.runAll(plan);
      // Every run records which commit, branch and CI run measured it, before it is judged and stored.
      Provenance provenance = ProvenanceDetector.detect(settings.provenance(), environment, System::getenv,
          ProvenanceDetector.git(Path.of("")), settings.baselineBranch());
      reports = measured.stream().map(m -> new BenchmarkReport(m.result().withProvenance(provenance),
          TargetJudge.verdicts(m))).toList();
      if (baselines != null) {
        Optional<Ruler> ruler = ruler(forking);
        if (ruler.isPresent()) {
          environment = environment.withRuler(ruler.get());
          reports = reports.stream().map(r -> withRuler(r, ruler.get())).toList();
        }
        reports = baselines.judge(reports, key -> judged(plan, key),
            scheduler.source(plan));
      }
    }
    List<Result> results = reports.stream().map(BenchmarkReport::result).toList();
    List<Verdict> suiteVerdicts = SuiteJudge.verdicts(checks, results, warnings);
    Report report = new Report(reports, suiteVerdicts, environment, probes.names(), warnings,
        Duration.ofNanos(ticker.read() - start));
    render(report);
    runHooks(report);
    return report;
  }

  /**
   * Where the trials run: in this JVM, or in {@link #forks} fresh ones. Forks need an entry point a
   * child can rerun; without one the suite runs here, with a warning where forks were asked for.
   *
   * <p>{@code auto} forks only where a comparison needs them: a run judged against stored baselines
   * whose history of runs in one JVM cannot yet give the noise between runs (forked runs are another
   * environment, see {@link Environment#fingerprint()}). Two
   * JVMs of the same code differ by more than the trials of one JVM show (a ~20 us JSON parse: run
   * medians 18 % apart, and a FAIL at +27 % among 20 comparisons of unchanged code, one JVM a side),
   * so such a comparison needs fork values; a history of 5 runs measured in this JVM gives that noise,
   * and this JVM suffices. A run without baselines has no JVM-to-JVM question to answer, and a call
   * that cannot fork (no entry point to rerun, or Perfgate on a module path) runs here as before, its
   * verdicts saying what their interval lacks.
   */
  private TrialScheduler.Forks forks(Forking forking, VariantPlan plan, Environment environment,
      List<String> warnings) {
    if (forking.measuresForParent()) {
      return TrialScheduler.Forks.none(forking);
    }
    int n = forks;
    if (n == Settings.AUTO) {
      boolean needed = baselines != null && forking.cannotFork().isEmpty()
          && !baselines.judgedInThisJvm(plan.keys(), environment);
      n = needed ? Settings.AUTO_FORKS : 0;
    }
    if (n == 0) {
      return TrialScheduler.Forks.none(forking);
    }
    Optional<String> cannot = forking.cannotFork();
    if (cannot.isPresent()) {
      String warning = Settings.FORKS + "=" + n + ": " + cannot.get();
      warnings.add(warning);
      if (console != null) {
        console.warn(warning);
      }
      return TrialScheduler.Forks.none(forking);
    }
    Map<String, String> properties = new LinkedHashMap<>(settings.values());
    properties.remove(Settings.FORKS);
    return new TrialScheduler.Forks(forking, n, properties, jvmArgs);
  }

  /**
   * The ruler, measured after the benchmarks so that its allocations cannot change the heap they
   * run in; not in a forked child, whose parent measures it.
   */
  private Optional<Ruler> ruler(Forking forking) {
    if (!settings.ruler() || forking.measuresForParent()) {
      return Optional.empty();
    }
    return new RulerWorkload(ticker).measure();
  }

  private static BenchmarkReport withRuler(BenchmarkReport r, Ruler ruler) {
    Result m = r.result();
    return new BenchmarkReport(m.withEnvironment(m.environment().withRuler(ruler)), r.verdicts());
  }

  /** The judged metrics of a variant: the configured ones and those its benchmark's targets name. */
  private Set<Metric> judged(VariantPlan plan, BenchmarkKey key) {
    Set<Metric> metrics = new LinkedHashSet<>(judgedMetrics);
    plan.find(key).ifPresent(v -> {
      for (Target t : v.spec().allTargets()) {
        // Metrics are equal by name, so a placeholder unit and direction find the stored one.
        metrics.add(Metric.of(t.metric(), t.limit().unit(), dev.perfgate.api.Direction.NEUTRAL));
      }
    });
    return metrics;
  }

  private void render(Report report) {
    if (console != null) {
      console.print(report);
    }
  }

  private void runHooks(Report report) {
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
  }

  /** Progress goes to the console, or nowhere for a quiet suite. */
  private Progress progress() {
    if (console == null) {
      return Progress.NONE;
    }
    return new Progress() {
      @Override
      public void started(String what, int index, int count) {
        console.started(what, index, count);
      }

      @Override
      public void finished(Result result, int index, int count) {
        console.finished(result, index, count);
      }

      @Override
      public void phase(BenchmarkKey key, int trial, int trials, String phase) {
        console.phase(key, trial, trials, phase);
      }

      @Override
      public void trialDone(BenchmarkKey key, int trial, int trials, Duration elapsed) {
        console.trialDone(key, trial, trials, elapsed);
      }
    };
  }

  /**
   * Builds a {@link Suite}: benchmarks with their targets, probes, baselines, checks and options;
   * {@link #build()} may be called again. The methods are declared in a package-private base class,
   * which keeps the builder's state out of this file; they are used and documented as this class's.
   */
  public static final class Builder extends AbstractSuiteBuilder {
    private Builder() {}
  }
}
