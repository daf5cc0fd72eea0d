package dev.perfgate.examples.scenario;

import dev.perfgate.generator.junit.Perf;
import dev.perfgate.generator.junit.PerfTest;
import org.junit.jupiter.api.Tag;

/** The scenario's memory targets, measured on the real generator: {@code -Dgroups=memory}. */
@Tag("memory")
final class MemorySuiteTest extends ScenarioSuiteTest {

  @PerfTest
  void memoryTargets(Perf perf) {
    check(perf, "memory", ScenarioSuites::memory);
  }
}
