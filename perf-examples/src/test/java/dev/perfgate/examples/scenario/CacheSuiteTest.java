package dev.perfgate.examples.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.perfgate.generator.Report;
import dev.perfgate.generator.junit.Perf;
import dev.perfgate.generator.junit.PerfTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The scenario's cache targets, measured on the real generator: {@code ./mvnw -pl perf-examples test -Dgroups=cache}. */
@Tag("cache")
final class CacheSuiteTest {
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
  void cacheTargets(Perf perf) {
    Report report = perf.run(ScenarioSuites.cache(perf.suite(), fixture).build());
    assertFalse(report.verdicts().isEmpty(), "the cache suite judged nothing");
  }
}
