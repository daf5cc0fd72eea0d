package dev.perfgate.examples.scenario;

import dev.perfgate.generator.junit.Perf;
import dev.perfgate.generator.junit.PerfTest;
import org.junit.jupiter.api.Tag;

/** The scenario's regression targets, measured on the real generator: {@code -Dgroups=regression}. */
@Tag("regression")
final class RegressionSuiteTest extends ScenarioSuiteTest {

  @PerfTest
  void regressionTargets(Perf perf) {
    check(perf, "regression", ScenarioSuites::regression);
  }
}
