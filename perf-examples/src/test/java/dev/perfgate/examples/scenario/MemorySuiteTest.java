package dev.perfgate.examples.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.perfgate.generator.Report;
import dev.perfgate.generator.junit.Perf;
import dev.perfgate.generator.junit.PerfTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The scenario's memory targets, measured on the real generator: {@code ./mvnw -pl perf-examples test -Dgroups=memory}. */
@Tag("memory")
final class MemorySuiteTest {
  private static ScenarioFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new ScenarioFixture(System.getProperties());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @PerfTest
  void memoryTargets(Perf perf) {
    Report report = perf.run(ScenarioSuites.memory(perf.suite(), fixture).build());
    assertFalse(report.verdicts().isEmpty(), "the memory suite judged nothing");
  }
}
