package dev.perfgate.examples.scenario;

import dev.perfgate.generator.junit.Perf;
import dev.perfgate.generator.junit.PerfTest;
import org.junit.jupiter.api.Tag;

/** The scenario's performance targets, measured on the real generator: {@code -Dgroups=performance}. */
@Tag("performance")
final class PerformanceSuiteTest extends ScenarioSuiteTest {

  @PerfTest
  void performanceTargets(Perf perf) {
    check(perf, "performance", ScenarioSuites::performance);
  }
}
