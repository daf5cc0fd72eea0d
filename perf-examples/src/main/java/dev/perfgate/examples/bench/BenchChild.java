package dev.perfgate.examples.bench;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.BaselineDecision;
import dev.perfgate.baseline.BaselineStores;
import dev.perfgate.baseline.Comparison;
import dev.perfgate.examples.scenario.ScenarioFixture;
import dev.perfgate.examples.scenario.ScenarioSuites;
import dev.perfgate.generator.BenchmarkReport;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.Settings;
import dev.perfgate.generator.Suite;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One CI run in a child JVM: a suite of one workload at the settings the JVM was given
 * ({@code perfgate.*}), against the directory store {@code -Dbench.store} if set, with
 * {@code -Dwork.extra=0.10} making the workload do 10 % more real work. It prints one
 * {@link RunLine} per benchmark.
 *
 * <pre>
 * java -cp ... -Dbench.store=/tmp/s -Dwork.extra=0.05 dev.perfgate.examples.bench.BenchChild cpu
 * </pre>
 */
public final class BenchChild {
  /** The directory store the run shares with the other runs of its case; unset for none. */
  static final String STORE = "bench.store";
  /** The fraction of extra work, e.g. 0.27; real passes or elements, never a pause. */
  static final String EXTRA = "work.extra";

  /** Longs the ~10 us operation folds: about 1.2 ns each, one dependent chain. */
  static final int CPU_ELEMENTS = 8_000;
  /** The scenario's project size for the cold generation (its regression suite's). */
  static final int SCENARIO_TABLES = 50;

  private BenchChild() {}

  /**
   * Runs the workload and prints its run line.
   *
   * @param args the workload: {@code cpu}, {@code cold} or {@code warm}
   */
  public static void main(String[] args) {
    String workload = args.length > 0 ? args[0].trim() : "cpu";
    double extra = Double.parseDouble(System.getProperty(EXTRA, "0"));
    String store = System.getProperty(STORE, "");
    Suite.Builder suite = Suite.newBuilder().settings(Settings.fromSystemProperties()).quiet();
    if (!store.isEmpty()) {
      suite.baselines(BaselineStores.directory(Path.of(store)));
    }
    Report report;
    switch (workload) {
      case "cpu":
        report = suite.benchmark(cpu(extra)).build().run();
        break;
      case "cold":
      case "warm":
        try (ScenarioFixture fx = new ScenarioFixture(System.getProperties())) {
          int tables = (int) Math.round(SCENARIO_TABLES * (1 + extra));
          suite.benchmark(workload.equals("cold") ? ScenarioSuites.regressionCold(fx, tables)
              : ScenarioSuites.regressionWarm(fx, tables));
          report = suite.build().run();
        }
        break;
      default:
        throw new IllegalArgumentException("workload '" + workload + "' is unknown; choose cpu, cold or warm");
    }
    for (BenchmarkReport b : report.benchmarks()) {
      System.out.println(line(b, report.passed(), !store.isEmpty()).format());
    }
    // The fixture's database servers and Perfgate's threads are done; a lingering non-daemon thread
    // must not keep a finished run alive.
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }

  /**
   * The ~10 us CPU-bound operation: one dependent chain over {@link #CPU_ELEMENTS} x (1 + extra) longs.
   *
   * @param extra the extra fraction of elements
   * @return the benchmark, named {@code cpu.10us} whatever the extra work
   */
  static Benchmark cpu(double extra) {
    int n = (int) Math.round(CPU_ELEMENTS * (1 + extra));
    long[] data = new long[n];
    for (int i = 0; i < n; i++) {
      data[i] = i * 2654435761L;
    }
    return Benchmark.of("cpu.10us", () -> {
      long s = 0;
      for (long d : data) {
        s += (d ^ (s >>> 7)) * 31;
      }
      return s;
    });
  }

  /**
   * The run line of a benchmark: its time comparison's outcome, read from the typed baseline decision,
   * and the status of the one verdict on its time (the comparison, the history check and the trend).
   */
  static RunLine line(BenchmarkReport b, boolean passed, boolean withStore) {
    Result r = b.result();
    List<RunLine.TrialValue> trials = RunLine.trials(r);
    List<String> failed = b.verdicts().stream().filter(Verdict::failed).map(Verdict::check).toList();
    Optional<Comparison> time = b.baseline().stream().map(BaselineDecision::comparisons).flatMap(List::stream)
        .filter(c -> c.metric().equals(Metric.WALL_TIME)).findFirst();
    if (time.isPresent()) {
      Comparison c = time.get();
      // The status a user sees: the one verdict on time.wall (baseline, history and trend together).
      String status = b.baseline().stream().map(BaselineDecision::judgements).flatMap(List::stream)
          .filter(j -> j.metric().equals(Metric.WALL_TIME)).findFirst().map(j -> j.status().name())
          .orElse(c.status().name());
      return new RunLine(r.key().toString(), c.outcome().name(), status, passed, c.ratio(), c.ciLow(), c.ciHigh(),
          trials, failed);
    }
    String outcome = !withStore ? "NONE"
        : b.baseline().map(d -> d.action().name()).orElse("NONE");
    return new RunLine(r.key().toString(), outcome, "-", passed, Double.NaN, Double.NaN, Double.NaN, trials, failed);
  }
}
