package dev.perfgate.examples.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.perfgate.generator.Report;
import dev.perfgate.generator.Suite;
import dev.perfgate.generator.junit.Perf;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Runs one of the scenario's suites on a fixture of its own; a subclass per category tag. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScenarioSuiteTest {
  private ScenarioFixture fixture;

  @BeforeAll
  void start() {
    fixture = new ScenarioFixture(System.getProperties());
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  /** The system under test of this class's suite. */
  ScenarioFixture fixture() {
    return fixture;
  }

  /** Runs the suite and fails the test if one of its checks fails. */
  void check(Perf perf, String name, BiFunction<Suite.Builder, ScenarioFixture, Suite.Builder> suite) {
    Report report = perf.run(suite.apply(perf.suite(), fixture).build());
    assertFalse(report.verdicts().isEmpty(), "the " + name + " suite judged nothing");
  }
}
