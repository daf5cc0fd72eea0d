package dev.perfgate.generator.internal;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Result;
import dev.perfgate.generator.RunOptions;
import dev.perfgate.generator.Settings;
import dev.perfgate.generator.internal.fork.Forking;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the trials of a plan: the trials of a benchmark's variants take turns, each trial runs on the
 * measuring thread within what is left of its variant's timeout, and a variant stuck past it is
 * stopped and the thread replaced. Also measures more trials of a variant on request, while its
 * comparison with the baseline is undecided.
 * Close it to stop the measuring thread.
 */
public final class TrialScheduler implements AutoCloseable {

  /**
   * A variant's result and the probes that threw while it ran.
   *
   * @param variant the variant
   * @param result its result
   * @param probeFailures the probes that threw, each once
   */
  public record Measured(VariantPlan.Variant variant, Result result, List<VariantRunner.ProbeFailure> probeFailures) {}

  /**
   * Where the trials run: in this JVM ({@code count} 0), or in {@code count} fresh JVMs one after the
   * other, each running every variant of the plan.
   *
   * @param forking what this run call is in the fork protocol (in a child, it hands results back)
   * @param count how many forks, 0 for this JVM
   * @param properties the {@code perfgate.*} settings the forks get
   * @param jvmArgs the user's extra JVM flags for the forks
   */
  public record Forks(Forking forking, int count, Map<String, String> properties, List<String> jvmArgs) {
    /**
     * Trials in this JVM.
     *
     * @param forking the run call's part in the fork protocol
     * @return no forks
     */
    public static Forks none(Forking forking) {
      return new Forks(forking, 0, Map.of(), List.of());
    }
  }

  /** What a forked JVM's start and the rerun of its entry point may take beside its variants' timeouts. */
  private static final Duration FORK_START_ALLOWANCE = Duration.ofMinutes(1);

  private final RunOptions options;
  private final ProbeSelection probes;
  private final Environment environment;
  private final Ticker ticker;
  private final Progress progress;
  private final Forks forks;
  private final AtomicReference<Thread> thread = new AtomicReference<>();
  /**
   * Trials of forks run for one variant that the other variants have not used yet: a fork runs the
   * whole plan, so its trials of every variant are kept for when that variant measures more.
   */
  private final Map<BenchmarkKey, java.util.Deque<Result>> spareForks = new java.util.HashMap<>();
  private ExecutorService service = newService();
  /** The wall time of the forks run so far, JVM start and the whole plan included, and how many. */
  private long forkNanos;
  private int forksRun;

  /**
   * Creates a scheduler and its measuring thread.
   *
   * @param options trials, samples, warm-up and timeout
   * @param probes the probes of the run
   * @param environment the environment recorded in every result
   * @param ticker the clock
   * @param progress hears about progress
   * @param forks in this JVM or in forks
   */
  public TrialScheduler(RunOptions options, ProbeSelection probes, Environment environment, Ticker ticker,
      Progress progress, Forks forks) {
    this.options = options;
    this.probes = probes;
    this.environment = environment;
    this.ticker = ticker;
    this.progress = progress;
    this.forks = forks;
  }

  /**
   * Runs every variant of a plan, benchmark by benchmark.
   *
   * @param plan the plan
   * @return one entry per variant, in the plan's order
   */
  public List<Measured> runAll(VariantPlan plan) {
    if (forks.count() > 0) {
      return inForks(plan);
    }
    List<Measured> measured = new ArrayList<>();
    int done = 0;
    for (List<VariantPlan.Variant> group : plan.groups()) {
      progress.started(group.size() == 1 ? group.get(0).key().toString()
          : group.get(0).spec().benchmark().name() + " (" + group.size() + " variants, trials interleaved)",
          done + 1, plan.size());
      // The trials of a benchmark's variants take turns, in an order that changes every round, so
      // that every size meets the same JIT state and the same disturbances of the machine.
      VariantRunner runner = newRunner();
      List<VariantRunner.Run> runs = group.stream().map(v -> runner.start(v.spec().benchmark(), v.key())).toList();
      for (int t = 0; t < options.trials(); t++) {
        for (int k = 0; k < runs.size(); k++) {
          int i = (t % 2 == 0) ? (t + k) % runs.size() : (runs.size() - 1 - ((t + k) % runs.size()));
          runTrial(runs.get(i), t);
        }
      }
      for (int i = 0; i < group.size(); i++) {
        Result result = runs.get(i).finish();
        progress.finished(result, done + i + 1, plan.size());
        measured.add(new Measured(group.get(i), result, runs.get(i).probeFailures()));
        forks.forking().measured(result, runs.get(i).probeFailures().stream().collect(java.util.stream.Collectors.toMap(
            VariantRunner.ProbeFailure::probe, VariantRunner.ProbeFailure::message, (a, b) -> a,
            java.util.LinkedHashMap::new)));
      }
      done += group.size();
    }
    // In a forked JVM this ends the user's code: its results are with the parent.
    forks.forking().finish();
    return measured;
  }

  /** Every variant measured in fresh JVMs, its trials joined from all of them. */
  private List<Measured> inForks(VariantPlan plan) {
    List<Forking.Joined> results = forkedResults(plan);
    List<Measured> measured = new ArrayList<>();
    int i = 0;
    for (List<VariantPlan.Variant> group : plan.groups()) {
      for (VariantPlan.Variant v : group) {
        Forking.Joined joined = results.get(i++);
        progress.finished(joined.result(), i, plan.size());
        // A probe that threw in a child gets its error verdict here, as it would in this JVM.
        List<VariantRunner.ProbeFailure> failures = joined.probeFailures().entrySet().stream()
            .map(e -> new VariantRunner.ProbeFailure(e.getKey(), e.getValue(), null)).toList();
        measured.add(new Measured(v, joined.result(), failures));
      }
    }
    return measured;
  }

  private List<Forking.Joined> forkedResults(VariantPlan plan) {
    // A fork runs every variant; each has the timeout, and the JVM's start gets a minute on top.
    Duration timeout = options.timeout().multipliedBy(plan.size()).plus(FORK_START_ALLOWANCE);
    long start = ticker.read();
    List<Forking.Joined> joined = forks.forking().runForks(forks.count(), plan.keys(), forks.properties(),
        forks.jvmArgs(), timeout, environment, f -> progress.started("fork " + (f + 1) + " of " + forks.count()
            + " (a fresh JVM running all " + plan.size() + " variants)", f + 1, forks.count()));
    timedForks(start, forks.count());
    return joined;
  }

  private void timedForks(long start, int count) {
    forkNanos += ticker.read() - start;
    forksRun += count;
  }

  /**
   * More trials of a plan's variants, for {@link MeasureMore}: {@link #measureMore}, at the cost of
   * whole forks where the trials run in forks.
   *
   * @param plan the plan
   * @return the source
   */
  public MeasureMore.Source source(VariantPlan plan) {
    return new MeasureMore.Source() {
      @Override
      public Optional<Result> more(Result sofar, int trials) {
        return measureMore(plan, sofar, trials);
      }

      @Override
      public Optional<Duration> cost(Result sofar, int trials) {
        return forkCost(sofar.key(), trials);
      }
    };
  }

  /**
   * What {@code trials} more of a variant cost in forks: nothing while forks run for another variant
   * still hold trials of it, else the whole forks they need at the mean wall time of the forks so far.
   * Empty in this JVM, or before any fork ran.
   */
  Optional<Duration> forkCost(BenchmarkKey key, int trials) {
    if (forks.count() == 0 || forksRun == 0) {
      return Optional.empty();
    }
    java.util.Deque<Result> spare = spareForks.get(key);
    if (spare != null && !spare.isEmpty()) {
      return Optional.of(Duration.ZERO);
    }
    return Optional.of(Duration.ofNanos(forkNanos / forksRun).multipliedBy(forksFor(trials)));
  }

  private int forksFor(int trials) {
    return Math.max(1, (int) Math.ceil(trials / (double) options.trials()));
  }

  /**
   * Measures more trials of one variant of a plan, in a row, and joins them to what it has: in this
   * JVM without forks, else in as many fresh JVMs as the trials need (each runs the whole plan, as
   * the forks protocol asks, and gives back this variant's trials).
   *
   * @param plan the plan
   * @param sofar the variant's result so far
   * @param trials how many more trials, at least 1
   * @return the result with the new trials after the old ones (see {@link #merge}); empty if the
   *     plan has no such variant; a result with the error if measuring more failed
   */
  public Optional<Result> measureMore(VariantPlan plan, Result sofar, int trials) {
    BenchmarkKey key = sofar.key();
    if (forks.count() > 0) {
      // Another look from this JVM would see none of the noise between JVMs: more forks, each a whole fork's trials.
      int index = plan.keys().indexOf(key);
      if (index < 0) {
        return Optional.empty();
      }
      java.util.Deque<Result> spare = spareForks.computeIfAbsent(key, k -> new java.util.ArrayDeque<>());
      if (spare.isEmpty()) {
        int more = forksFor(trials);
        progress.started(key + ": measuring " + more + " more fork(s) of the whole plan for the comparison with the"
            + " baseline (a new baseline, or a comparison not decided yet)", 0, 0);
        Duration timeout = options.timeout().multipliedBy(plan.size()).plus(FORK_START_ALLOWANCE);
        long start = ticker.read();
        List<Forking.Joined> extra = forks.forking().runForks(more, plan.keys(), forks.properties(), forks.jvmArgs(),
            timeout, environment, f -> { });
        timedForks(start, more);
        for (int i = 0; i < extra.size(); i++) {
          spareForks.computeIfAbsent(plan.keys().get(i), k -> new java.util.ArrayDeque<>()).add(extra.get(i).result());
        }
      }
      return Optional.of(merge(sofar, spare.poll(), true));
    }
    return plan.find(key).map(v -> {
      progress.started(key + ": measuring " + trials + " more trial(s) for the comparison with the baseline (a new"
          + " baseline, or a comparison not decided yet)", 0, 0);
      VariantRunner.Run run = newRunner().start(v.spec().benchmark(), v.key());
      for (int t = 0; t < trials; t++) {
        if (!runTrial(run, t)) {
          break;
        }
      }
      return merge(sofar, run.finish(), false);
    });
  }

  /**
   * Joins more trials of a variant to its result: the new trials are numbered after the old, and,
   * when they ran in fresh JVMs, their forks after the old forks, so that trial numbers and fork tags
   * stay unique; trials measured more in the same JVM keep its fork tag. Warnings and not-measured
   * reasons of both are kept, the elapsed times add up; an error of the new measurement is the
   * result's error (its trials are then left out).
   *
   * @param sofar the result so far
   * @param more the new trials' result
   * @param newForks whether the new trials ran in fresh JVMs
   * @return the joined result
   */
  static Result merge(Result sofar, Result more, boolean newForks) {
    Duration elapsed = sofar.elapsed().plus(more.elapsed());
    if (!more.succeeded()) {
      return new Result(sofar.key(), sofar.trials(), sofar.notMeasured(), sofar.warnings(), more.error(),
          sofar.environment(), sofar.startedAt(), elapsed, more.cause(), sofar.annotations(), sofar.provenance());
    }
    List<dev.perfgate.api.Trial> trials = new ArrayList<>(sofar.trials());
    int forkOffset = newForks ? sofar.trials().stream().mapToInt(dev.perfgate.api.Trial::fork).max().orElse(-1) + 1 : 0;
    for (dev.perfgate.api.Trial t : more.trials()) {
      int fork = newForks ? forkOffset + t.fork() : (sofar.trials().isEmpty() ? t.fork() : sofar.trials().get(0).fork());
      trials.add(t.inFork(trials.size(), fork));
    }
    Map<dev.perfgate.api.Metric, String> notMeasured = new java.util.LinkedHashMap<>(sofar.notMeasured());
    more.notMeasured().forEach(notMeasured::putIfAbsent);
    java.util.Set<String> warnings = new java.util.LinkedHashSet<>(sofar.warnings());
    warnings.addAll(more.warnings());
    return new Result(sofar.key(), trials, notMeasured, List.copyOf(warnings), sofar.error(), sofar.environment(),
        sofar.startedAt(), elapsed, sofar.cause(), sofar.annotations(), sofar.provenance());
  }

  private VariantRunner newRunner() {
    return new VariantRunner(options, probes.active(), probes.unavailable(), environment, ticker, progress);
  }

  /** Runs one trial of a variant within what is left of its timeout; false once the variant failed. */
  private boolean runTrial(VariantRunner.Run run, int trial) {
    long left = options.timeout().toNanos() - run.elapsed().toNanos();
    if (left <= 0) {
      TimeoutException spent = new TimeoutException("'" + run.key() + "' used up its timeout of "
          + dev.perfgate.api.Unit.NANOSECONDS.format(options.timeout().toNanos()) + " before its next trial");
      spent.setStackTrace(new StackTraceElement[0]);
      run.fail(timedOut(run.key()), spent);
      return false;
    }
    Future<Boolean> future = service.submit(() -> run.runTrial(trial));
    try {
      return future.get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // Where the benchmark was when it was stopped is the stack trace the user needs.
      Thread stuck = thread.get();
      TimeoutException where = new TimeoutException("'" + run.key() + "' was here when its timeout of "
          + dev.perfgate.api.Unit.NANOSECONDS.format(options.timeout().toNanos()) + " stopped it");
      if (stuck != null) {
        where.setStackTrace(stuck.getStackTrace());
      }
      future.cancel(true);
      // The stuck thread cannot be stopped safely; leave it (a daemon) and go on with a fresh one.
      renew();
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

  private ExecutorService newService() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "perfgate-runner");
      t.setDaemon(true);
      thread.set(t);
      return t;
    });
  }

  private void renew() {
    service.shutdownNow();
    thread.set(null);
    service = newService();
  }

  /** Stops the measuring thread. */
  @Override
  public void close() {
    service.shutdownNow();
  }
}
