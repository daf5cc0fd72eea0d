package dev.perfgate.examples.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.BaselineStores;
import dev.perfgate.baseline.MetricJudgement;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.junit.Perf;
import dev.perfgate.generator.junit.PerfTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario's regression targets on the real generator ({@code -Dgroups=regression}), within one
 * run: the baselines are recorded into a fresh store, the same code is compared with them (its
 * allocation unchanged), and then the generator with its template cache turned off (the README's
 * regression demo) must raise the alert.
 *
 * <p>Why not against the {@code .perfgate} an earlier build left behind: that compares two JVMs at
 * two moments of a shared machine, which today's intervals do not model (cold generation over TCP
 * read +199 % once between two loaded test runs of unchanged code). The main job keeps that
 * comparison, where a person reads it; the test command checks the mechanism, and judges the
 * regression on allocation, which the machine's load does not move (+44 % and more with the cache
 * off, against a noise of 0.1 %). For the same reason it runs in this JVM ({@code forks(0)}): the
 * default, {@code auto}, would fork the scenario four times for a fresh store, to judge time across
 * JVMs, which is not what this test checks.
 */
@Tag("regression")
final class RegressionSuiteTest extends ScenarioSuiteTest {

  /** What a comparison here may spend measuring more, per benchmark: enough for several looks at allocation. */
  private static final Duration CHECK_BUDGET = Duration.ofSeconds(15);

  @PerfTest
  void regressionTargets(Perf perf, @TempDir Path store) {
    Report recorded = perf.run(ScenarioSuites.regression(perf.suite().forks(0), fixture(),
        BaselineStores.directory(store)).build());
    assertFalse(recorded.verdicts().isEmpty(), "the regression suite judged nothing");
    // Not perf.run: wall time of the same code measured twice in one loaded JVM moved by up to +49 %
    // (95 % CI -0.4 .. +80 %) for the cold generation over TCP; the verdict on it is the main job's.
    // Measuring more is bounded: it stops when time and allocation are decided, and time, in one
    // loaded JVM, often is not (the cold generation spent its whole 43 s default budget in a CI run,
    // while its allocation was decided within 16 trials, 9.5 s).
    Report compared = ScenarioSuites.regression(perf.suite().forks(0).baselineBudget(CHECK_BUDGET), fixture(),
        BaselineStores.directory(store)).build().run();
    List<Verdict> comparisons = compared.verdicts().stream()
        .filter(v -> v.detail() instanceof MetricJudgement j && j.comparison().isPresent()).toList();
    for (String benchmark : List.of("regression.generation.cold", "regression.generation.warm")) {
      assertTrue(comparison(comparisons, benchmark, Metric.WALL_TIME).isPresent(), comparisons.toString());
      Verdict alloc = comparison(comparisons, benchmark, Metric.ALLOCATED_BYTES)
          .orElseThrow(() -> new AssertionError("no allocation comparison for " + benchmark + " in " + comparisons));
      // The same code allocates the same bytes: unchanged (measured +0.0 %, 95 % CI -0.0 .. +0.0 %).
      assertEquals(Status.PASS, alloc.status(), alloc.message());
    }
  }

  @PerfTest
  void regressionWithoutTheTemplateCache_raisesTheAlert(Perf perf, @TempDir Path store) {
    // The warm generation alone: the alert is judged on its allocation, and the cold generation
    // added about a minute of measuring to the test command without adding a check.
    perf.run(perf.suite().forks(0).baselines(BaselineStores.directory(store))
        .benchmark(ScenarioSuites.regressionWarm(fixture(), ScenarioSuites.MEDIUM)).build());
    Properties noCache = new Properties();
    noCache.putAll(System.getProperties());
    noCache.setProperty("generator.templateCache", "false");
    try (ScenarioFixture slower = new ScenarioFixture(noCache)) {
      Report report = perf.suite().forks(0).baselineBudget(CHECK_BUDGET).baselines(BaselineStores.directory(store))
          .benchmark(ScenarioSuites.regressionWarm(slower, ScenarioSuites.MEDIUM)).build().run();
      Verdict alloc = comparison(report.verdicts(), "regression.generation.warm", Metric.ALLOCATED_BYTES)
          .orElseThrow(() -> new AssertionError("no allocation comparison in " + report.verdicts()));
      assertEquals(Status.FAIL, alloc.status(), alloc.message());
      assertFalse(report.passed(), "a regression beyond the tolerance must fail the run");
    }
  }

  /** The one verdict on a metric of a benchmark against its baseline and history, read from its typed detail. */
  private static Optional<Verdict> comparison(List<Verdict> verdicts, String benchmark, Metric metric) {
    return verdicts.stream().filter(v -> v.detail() instanceof MetricJudgement j && j.key().name().equals(benchmark)
        && j.metric().equals(metric)).findFirst();
  }
}
