package dev.perfgate.examples.scenario;

import dev.perfgate.generator.junit.Perf;
import dev.perfgate.generator.junit.PerfTest;
import org.junit.jupiter.api.Tag;

/** The scenario's cache targets, measured on the real generator: {@code -Dgroups=cache}. */
@Tag("cache")
final class CacheSuiteTest extends ScenarioSuiteTest {

  @PerfTest
  void cacheTargets(Perf perf) {
    check(perf, "cache", ScenarioSuites::cache);
  }
}
