package dev.perfgate.generator.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Quantity;
import dev.perfgate.api.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs real test classes through the Jupiter engine and checks what the extension made of them. */
final class PerfgateExtensionTest {

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("perfgate.quick", "true")
        .selectors(selectClass(testClass))
        .execute()
        .testEvents();
  }

  @Test
  void passingTarget_passesTheTest_andPublishesFigures() {
    Events events = run(Passing.class);
    events.assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    List<String> entries = events.reportingEntryPublished().stream()
        .flatMap(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).stream())
        .flatMap(r -> r.getKeyValuePairs().entrySet().stream())
        .map(e -> e.getKey() + "=" + e.getValue()).toList();
    assertTrue(entries.stream().anyMatch(e -> e.startsWith("perfgate.alloc.alloc.bytes=1016 B median")), entries.toString());
    assertTrue(entries.stream().anyMatch(e -> e.contains("median alloc/op 1016 B  <= 2 KB  PASS")), entries.toString());
  }

  @Test
  void failedTarget_failsTheTest_withTheMeasurementInTheMessage() {
    run(Failing.class).assertThatEvents().haveExactly(1, event(test("tooMuch"),
        finishedWithFailure(instanceOf(AssertionError.class),
            message(m -> m.contains("alloc  median alloc/op 1016 B  <= 100 B  FAIL")))));
  }

  @Test
  void perfTests_carryTheTag() {
    Events events = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("perfgate.quick", "true")
        .configurationParameter("junit.jupiter.tags", "")
        .selectors(selectClass(Passing.class))
        .filters(org.junit.platform.launcher.TagFilter.excludeTags("perfgate"))
        .execute().testEvents();
    events.assertStatistics(s -> s.started(0));
  }

  // The classes below are run by the tests above through the engine, not directly.

  static final class Passing {
    @PerfTest
    void small(Perf perf) {
      perf.run(Benchmark.of("alloc", () -> new byte[1000]),
          Target.on(Metric.ALLOCATED_BYTES).median().atMost(Quantity.kilobytes(2)));
    }
  }

  static final class Failing {
    @PerfTest
    void tooMuch(Perf perf) {
      perf.run(Benchmark.of("alloc", () -> new byte[1000]),
          Target.on(Metric.ALLOCATED_BYTES).median().atMost(Quantity.bytes(100)),
          Target.on(Metric.WALL_TIME).median().atMost(Duration.ofSeconds(1)));
    }
  }
}
