package dev.perfgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.Benchmark;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Quantity;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Status;
import dev.perfgate.api.Target;
import dev.perfgate.api.Trial;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.RegressionJudge;
import dev.perfgate.baseline.scaling.Complexity;
import dev.perfgate.collectors.caffeine.CaffeineChecks;
import dev.perfgate.generator.internal.BaselineStep;
import dev.perfgate.generator.internal.MeasureMore;
import dev.perfgate.generator.internal.TargetJudge;
import dev.perfgate.generator.internal.Ticker;
import dev.perfgate.generator.report.Reports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the console, Markdown, HTML and JSON output of one report, byte for byte, so that a change of
 * the judging code that is meant to keep the output (a refactor) can show that it does.
 *
 * <p>The report is built from seeded results (fixed trials, samples, environment, timestamps and
 * durations), but every verdict in it comes from the real judging code: {@link Target#evaluate},
 * {@link BaselineStep} with {@link RegressionJudge#defaults()} over a seeded in-memory baseline store,
 * {@link SuiteChecks}, {@link CaffeineChecks} on a real cache, and {@link Suite#run()} for the ERROR
 * verdict of a benchmark that throws. Nothing here measures a figure.
 *
 * <p>Run with {@code -Dgolden.update=true} to rewrite the files under
 * {@code src/test/resources/golden/} after an intended change of the output; review their diff.
 *
 * <p>Every source of run-to-run variation is fixed at the input: each seeded result has one metric
 * per sample, because a result's metric order follows its samples' {@code Map.copyOf} maps, whose
 * iteration order changes with every JVM start (and BaselinePolicy compares in that order).
 */
final class GoldenOutputTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  /** A made-up machine: Environment.current() would put this JVM's version and CPU into the files. */
  static final Environment ENV = new Environment("Golden Vendor", "17.0.99+9", "OpenJDK 64-Bit Server VM",
      List.of("G1 Young Generation", "G1 Old Generation"), 4L * 1024 * 1024 * 1024, List.of("-Xmx4g", "-Dgolden=1"),
      "Golden CPU @ 3.00GHz", 8, "Linux 6.1.0", "amd64",
      List.of("only the C1 compiler runs (-XX:TieredStopAtLevel=1): figures are slower than in production"),
      Map.of("git.revision", "0123abc"));

  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  private static final Metric TIME = Metric.WALL_TIME;
  private static final Metric ALLOC = Metric.ALLOCATED_BYTES;

  private static Report report;

  @BeforeAll
  static void build() throws IOException {
    report = seededReport();
  }

  @Test
  void console_matchesGolden() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ConsoleReporter.to(out).print(report);
    compare("console.txt", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void markdown_matchesGolden() throws IOException {
    compare("report.md", Reports.markdown(report));
  }

  @Test
  void html_matchesGolden() throws IOException {
    compare("report.html", Reports.html(report));
  }

  @Test
  void json_matchesGolden() throws IOException {
    compare("report.json", Reports.json(report));
  }

  /** The golden files are only worth their bytes if the report holds the kinds of verdicts they are meant to pin. */
  @Test
  void seededReport_coversTheVerdictKinds() {
    Set<Status> statuses = report.verdicts().stream().map(Verdict::status)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Status.class)));
    assertEquals(EnumSet.allOf(Status.class), statuses, report.verdicts().toString());
    assertTrue(report.verdicts().stream().anyMatch(v -> v.check().equals(TargetJudge.RUNS_TO_THE_END)), "benchmark threw");
    assertTrue(report.benchmarks().stream().anyMatch(b -> b.baseline().isPresent()
        && b.baseline().get().trends().containsKey(TIME)), "a trend");
    assertTrue(report.benchmarks().stream().anyMatch(b -> b.baseline().isPresent()
        && !b.baseline().get().historyChecks().isEmpty()), "a history check");
  }

  private static void compare(String file, String actual) throws IOException {
    Path path = GOLDEN.resolve(file);
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(path, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(path)) {
      fail(path.toAbsolutePath() + " is missing; record it with -Dgolden.update=true");
    }
    String expected = Files.readString(path, StandardCharsets.UTF_8);
    if (expected.equals(actual)) {
      return;
    }
    // split with -1 keeps trailing empty lines, so a missing final newline is a difference too.
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String el = i < e.length ? e[i] : "<end of file>";
      String al = i < a.length ? a[i] : "<end of file>";
      if (!el.equals(al)) {
        fail(file + " differs from " + path + " first at line " + (i + 1) + "\nexpected: " + el + "\nactual:   " + al
            + "\n(if the change is intended, rerun with -Dgolden.update=true and review the diff)");
      }
    }
    fail(file + " differs from " + path + " (same lines, different bytes)");
  }

  // --- the seeded report ----------------------------------------------------------------------

  static Report seededReport() throws IOException {
    List<Result> results = new ArrayList<>();
    Map<BenchmarkKey, List<Target>> targets = new LinkedHashMap<>();

    // Targets passing and failing, and one naming a metric that no probe recorded (ERROR with a hint).
    Result parse = timed(BenchmarkKey.of("parse"), 0, steady(1200, 5, 4, 3));
    add(results, targets, parse, Target.on(TIME).p95().atMost(Duration.ofMillis(2)),
        Target.on(TIME).median().atMost(Duration.ofNanos(1000)),
        Target.on("time.wal").median().atMost(Duration.ofSeconds(1)));
    // Regressed to twice its baseline: a FAIL comparison, and the history check and trend see it.
    Result render = timed(BenchmarkKey.of("render"), 1, steady(2000, 5, 4, 7));
    add(results, targets, render, Target.on(TIME).median().atLeast(Quantity.of(Duration.ofNanos(1500))));
    // Slower by a few per cent, less than the tolerance: WARN.
    Result encode = timed(BenchmarkKey.of("encode"), 2, steady(1060, 6, 4, 1));
    add(results, targets, encode);
    // Trials scattered across the baseline's: INCONCLUSIVE.
    Result lookup = timed(BenchmarkKey.of("lookup"), 3, trials(new double[][] {
        {80, 82}, {140, 141}, {95, 96}, {180, 181}, {110, 111}, {60, 61}}));
    add(results, targets, lookup);
    // A count metric: twice the bytes of the baseline.
    Result alloc = result(BenchmarkKey.of("alloc"), 4, ALLOC, steady(2048, 5, 3, 0), Map.of());
    add(results, targets, alloc, Target.on(ALLOC).median().atMost(Quantity.kilobytes(4)));
    // A probe that could not measure here: NOT MEASURED.
    Metric heapPeak = Metric.of("heap.peak", dev.perfgate.api.Unit.BYTES, dev.perfgate.api.Direction.LOWER_IS_BETTER);
    Result heap = result(BenchmarkKey.of("heap"), 5, TIME, steady(500, 5, 3, 2),
        Map.of(heapPeak, "probe 'heap.unavailable' is unavailable: this test runs without the JFR probe"));
    add(results, targets, heap, Target.on("heap.peak").statistic(Statistic.MAX).atMost(Quantity.megabytes(512)));
    // Sizes that grow as n log n, for the scaling checks.
    int i = 6;
    for (int n : new int[] {64, 512, 4096, 32768}) {
      double perOp = 3 * n * Math.log(n);
      add(results, targets, timed(BenchmarkKey.of("sort", n), i++, steady(perOp, 5, 3, perOp / 200)));
    }
    // One and four threads, the four 40 % slower: the degradation check fails (8 CPUs).
    add(results, targets, timed(BenchmarkKey.of("queue"), i++, steady(300, 5, 3, 2)));
    add(results, targets, timed(BenchmarkKey.of("queue").withThreads(4), i++, steady(420, 5, 3, 2)));
    // A cold and a warm cache, for the improvement check.
    add(results, targets, timed(BenchmarkKey.of("render.cold"), i++, steady(9000, 5, 3, 30)));
    add(results, targets, timed(BenchmarkKey.of("render.warm"), i++, steady(900, 5, 3, 3)));
    // Its store cannot be read: the baseline step's ERROR.
    add(results, targets, timed(BenchmarkKey.of("flaky"), i++, steady(700, 5, 3, 2)));
    // A benchmark that threw: its ERROR verdict comes from a real Suite.run, its result is seeded.
    Report thrown = throwingSuite().run();
    Result boomRun = thrown.results().get(0);
    Result boom = new Result(boomRun.key(), List.of(), Map.of(), List.of(), boomRun.error(), ENV, T0.plusSeconds(i++),
        Duration.ofMillis(3), boomRun.cause());

    InMemoryStore store = seededStore();
    // Measuring more is off: the seeded results have no more trials to give, and the output pinned
    // here is the single-look judgement (MeasureMoreTest covers the looks).
    BaselineStep step = new BaselineStep(store, RegressionJudge.defaults(), false, "-D" + Settings.BASELINE_UPDATE
        + "=true", MeasureMore.Budget.of(Duration.ZERO), Ticker.system());
    List<Result> all = new ArrayList<>(results);
    all.add(boom);
    List<BenchmarkReport> measured = new ArrayList<>();
    for (Result r : all) {
      List<Verdict> verdicts = new ArrayList<>();
      if (r == boom) {
        verdicts.addAll(thrown.benchmarks().get(0).verdicts());
      } else {
        targets.getOrDefault(r.key(), List.of()).forEach(t -> verdicts.add(t.evaluate(r)));
      }
      measured.add(new BenchmarkReport(r, verdicts));
    }
    List<BenchmarkReport> benchmarks = step.judge(measured, key -> judged(key, targets), (sofar, trials) -> Optional.empty());

    List<Verdict> suiteVerdicts = new ArrayList<>();
    for (SuiteCheck check : List.of(SuiteChecks.scalesNoWorseThan("sort", Complexity.LINEARITHMIC),
        SuiteChecks.scalesNoWorseThan("sort", Complexity.LINEAR),
        SuiteChecks.scalesNoWorseThan("missing", Complexity.LINEAR),
        SuiteChecks.degradationAtMost("queue", 4, 0.10),
        SuiteChecks.improvementAtLeast("render.cold", "render.warm", 0.80))) {
      suiteVerdicts.addAll(check.check(all));
    }
    suiteVerdicts.addAll(cacheVerdicts());

    return new Report(benchmarks, suiteVerdicts, ENV,
        List.of("time (built in)", "alloc (built in)", "heap.unavailable (given to the suite)"),
        List.of("probe 'heap.unavailable' is unavailable: this test runs without the JFR probe; its metrics were skipped"),
        Duration.ofMillis(12_345));
  }

  /** The metrics the suite would judge for a variant: time and allocation, and what its targets name. */
  private static Set<Metric> judged(BenchmarkKey key, Map<BenchmarkKey, List<Target>> targets) {
    Set<Metric> metrics = new java.util.LinkedHashSet<>(List.of(TIME, ALLOC));
    for (Target t : targets.getOrDefault(key, List.of())) {
      metrics.add(Metric.of(t.metric(), t.limit().unit(), dev.perfgate.api.Direction.NEUTRAL));
    }
    return metrics;
  }

  private static void add(List<Result> results, Map<BenchmarkKey, List<Target>> targets, Result r, Target... ts) {
    results.add(r);
    targets.put(r.key(), List.of(ts));
  }

  /** A suite whose one benchmark throws an exception with a fixed stack, so its message is the same on every JVM. */
  private static Suite throwingSuite() {
    RunOptions fast = RunOptions.newBuilder().trials(2).samples(3).sampleTime(Duration.ofMillis(2))
        .warmup(Duration.ofMillis(1)).firstWarmup(Duration.ofMillis(5)).maxWarmup(Duration.ofMillis(50)).build();
    return Suite.newBuilder().options(fast).quiet()
        .benchmark(Benchmark.of("boom", () -> {
          IllegalStateException e = new IllegalStateException("broken on purpose",
              new java.io.UncheckedIOException("disk full", new IOException("disk full")));
          e.setStackTrace(new StackTraceElement[] {
              new StackTraceElement("com.example.render.Template", "render", "Template.java", 42),
              new StackTraceElement("com.example.render.Page", "write", "Page.java", 17)});
          e.getCause().setStackTrace(new StackTraceElement[] {
              new StackTraceElement("com.example.io.Files", "write", "Files.java", 7)});
          e.getCause().getCause().setStackTrace(new StackTraceElement[0]);
          throw e;
        }), Target.on(TIME).median().atMost(Duration.ofSeconds(1)))
        .build();
  }

  /**
   * Baselines and eight runs of history per variant, all in {@link #ENV}; "flaky" cannot be read;
   * the scaling, thread and cache variants have none, so this run is recorded as their baseline.
   */
  private static InMemoryStore seededStore() {
    InMemoryStore store = new InMemoryStore();
    store.broken.add(BenchmarkKey.of("flaky"));
    seed(store, BenchmarkKey.of("parse"), TIME, 1200, 5, 3);
    seed(store, BenchmarkKey.of("render"), TIME, 1000, 5, 4);
    seed(store, BenchmarkKey.of("encode"), TIME, 1000, 6, 1);
    seed(store, BenchmarkKey.of("alloc"), ALLOC, 1024, 5, 0);
    seed(store, BenchmarkKey.of("heap"), TIME, 500, 5, 2);
    store.baselines.put(BenchmarkKey.of("lookup"), timed(BenchmarkKey.of("lookup"), -1, trials(new double[][] {
        {90, 91}, {130, 131}, {70, 71}, {170, 171}, {100, 101}, {120, 121}})));
    return store;
  }

  private static void seed(InMemoryStore store, BenchmarkKey key, Metric metric, double level, int trials, double spread) {
    List<Result> history = new ArrayList<>();
    for (int h = 0; h < 8; h++) {
      // A little run-to-run wobble, so that the history's noise floor is a figure rather than zero.
      double run = level * (1 + ((h % 3) - 1) * 0.004);
      history.add(result(key, -100 + h, metric, steady(metric == ALLOC ? level : run, trials, 3, spread), Map.of()));
    }
    store.history.put(key, history);
    store.baselines.put(key, history.get(history.size() - 1));
  }

  /** Samples around {@code perOp}: sample s of trial t is perOp + spread * ((t + s) % 3 - 1). */
  private static double[][] steady(double perOp, int trials, int samples, double spread) {
    double[][] v = new double[trials][samples];
    for (int t = 0; t < trials; t++) {
      for (int s = 0; s < samples; s++) {
        v[t][s] = perOp + spread * (((t + s) % 3) - 1);
      }
    }
    return v;
  }

  private static double[][] trials(double[][] v) {
    return v;
  }

  private static Result timed(BenchmarkKey key, int index, double[][] values) {
    return result(key, index, TIME, values, Map.of());
  }

  /**
   * A result with one metric (see the class comment), started {@code index} seconds after T0,
   * 1000 operations per sample.
   */
  private static Result result(BenchmarkKey key, int index, Metric metric, double[][] values,
      Map<Metric, String> notMeasured) {
    List<Trial> trials = new ArrayList<>();
    for (int t = 0; t < values.length; t++) {
      List<Sample> samples = new ArrayList<>();
      for (double v : values[t]) {
        long nanos = metric == TIME ? Math.round(v * 1000) : 2_000_000;
        samples.add(new Sample(1000, nanos, Map.of(metric, v)));
      }
      trials.add(new Trial(t, samples, Map.of()));
    }
    return new Result(key, trials, notMeasured, List.of(), Optional.empty(), ENV, T0.plusSeconds(index),
        Duration.ofMillis(250 + 10L * Math.abs(index)));
  }

  /** Cache checks on a real, unbounded Caffeine cache: its counts are exact, with no timing in them. */
  private static List<Verdict> cacheVerdicts() {
    Cache<String, String> cache = Caffeine.newBuilder().recordStats().build();
    List<String> tables = List.of("orders", "customers", "items", "prices");
    tables.forEach(t -> cache.put(t, "schema of " + t));
    Verdict invalidation = CaffeineChecks.invalidation("schema", cache).affects(List.of("orders"))
        .keeps(List.of("customers", "items")).check(() -> cache.invalidate("orders"));
    Verdict missed = CaffeineChecks.invalidation("schema", cache).affects(List.of("prices"))
        .check(() -> { });
    int[] round = {0};
    Verdict stability = CaffeineChecks.stability("schema", cache).rounds(4).hitRatioAtLeast(0.75).sizeAtMost(10)
        .check(() -> {
          round[0]++;
          // Round 3 asks for keys it never loaded: its hit ratio drops to a half.
          for (String t : round[0] == 3 ? List.of("customers", "items", "x1", "x2") : tables.subList(1, 4)) {
            cache.get(t, k -> "schema of " + k);
          }
        });
    return List.of(invalidation, missed, stability);
  }

  /** A baseline store in memory, so no path of this machine gets into the messages. */
  private static final class InMemoryStore implements BaselineStore {
    final Map<BenchmarkKey, Result> baselines = new LinkedHashMap<>();
    final Map<BenchmarkKey, List<Result>> history = new LinkedHashMap<>();
    final Set<BenchmarkKey> broken = new java.util.HashSet<>();

    private void check(BenchmarkKey key) throws IOException {
      if (broken.contains(key)) {
        throw new IOException("baseline of " + key + " is not valid JSON at line 3; fix or delete it");
      }
    }

    @Override
    public Optional<Result> baseline(BenchmarkKey key) throws IOException {
      check(key);
      return Optional.ofNullable(baselines.get(key));
    }

    @Override
    public void saveBaseline(Result result) throws IOException {
      check(result.key());
      baselines.put(result.key(), result);
    }

    @Override
    public void append(Result result) throws IOException {
      check(result.key());
      history.computeIfAbsent(result.key(), k -> new ArrayList<>()).add(result);
    }

    @Override
    public List<Result> history(BenchmarkKey key) throws IOException {
      check(key);
      return List.copyOf(history.getOrDefault(key, List.of()));
    }
  }
}
