package dev.perfgate.generator.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.cause;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Quantity;
import dev.perfgate.api.Target;
import dev.perfgate.generator.RunOptions;
import dev.perfgate.generator.Suite;
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

  @Test
  void throwingBenchmark_failsTheTest_withoutTargets_withTheUsersExceptionAsCause() {
    run(Throwing.class).assertThatEvents().haveExactly(1, event(test("throwing"),
        finishedWithFailure(instanceOf(AssertionError.class),
            message(m -> m.contains("benchmark 'throws' threw java.lang.IllegalStateException: boom")),
            cause(instanceOf(IllegalStateException.class), message("boom")))));
  }

  @Test
  void hangingBenchmark_failsTheTest_withoutTargets() {
    run(Hanging.class).assertThatEvents().haveExactly(1, event(test("hanging"),
        finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.contains("timed out")))));
  }

  @Test
  void timeoutProperty_stopsAHangingBenchmark_andFailsTheTest() {
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("perfgate.quick", "true")
        .configurationParameter("perfgate.timeout", "1s")
        .selectors(selectClass(HangingWithDefaults.class))
        .execute().testEvents()
        .assertThatEvents().haveExactly(1, event(test("hanging"),
            finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.contains("timed out after 1 s")))));
  }

  @Test
  void perfTestWithoutPerfParameter_failsWithAMessage() {
    run(NoPerf.class).assertThatEvents().haveExactly(1, event(test("forgot"),
        finishedWithFailure(message(m -> m.contains("@PerfTest method forgot() takes no Perf parameter")))));
  }

  @Test
  void perfTestThatRunsNothing_failsWithAMessage() {
    run(RunsNothing.class).assertThatEvents().haveExactly(1, event(test("idle"),
        finishedWithFailure(message(m -> m.contains("@PerfTest method idle() ran no benchmark")))));
  }

  @Test
  void optionsFromPerfSuite_canBeReplacedWithoutATrap() {
    run(OwnOptions.class).assertStatistics(s -> s.started(1).succeeded(1).failed(0));
  }

  @Test
  void misspelledSystemProperty_failsTheTest_namingTheNearestKey() {
    System.setProperty("perfgate.trails", "3");
    try {
      run(Passing.class).assertThatEvents().haveExactly(1, event(test("small"),
          finishedWithFailure(message(m -> m.contains("did you mean perfgate.trials?")))));
    } finally {
      System.clearProperty("perfgate.trails");
    }
  }

  // The classes below are run by the tests above through the engine, not directly.

  static final class Throwing {
    @PerfTest
    void throwing(Perf perf) {
      perf.run(Benchmark.of("throws", () -> {
        throw new IllegalStateException("boom");
      }));
    }
  }

  static final RunOptions SHORT = RunOptions.quick().toBuilder().timeout(Duration.ofMillis(1500)).build();

  static final class Hanging {
    @PerfTest
    void hanging(Perf perf) {
      // Built by hand so that this test also runs where perf.suite() cannot take options.
      perf.run(Suite.newBuilder().options(SHORT).benchmark(Benchmark.of("hangs", () -> {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.onSpinWait();
        }
        return null;
      })).build());
    }
  }

  static final class HangingWithDefaults {
    private static final java.util.concurrent.atomic.AtomicBoolean FIRST = new java.util.concurrent.atomic.AtomicBoolean(true);

    @PerfTest
    void hanging(Perf perf) {
      // The first operation spins for 5 s without looking at interrupts, well past perfgate.timeout (1 s).
      perf.run(Benchmark.of("hangs", () -> {
        if (FIRST.getAndSet(false)) {
          long end = System.nanoTime() + 5_000_000_000L;
          while (System.nanoTime() < end) {
            Thread.onSpinWait();
          }
        }
        return 1;
      }));
    }
  }

  static final class NoPerf {
    @PerfTest
    void forgot() {
      // measures nothing: the extension must say so
    }
  }

  static final class RunsNothing {
    @PerfTest
    void idle(Perf perf) {
      perf.suite().benchmark(Benchmark.of("never.run", () -> 1)).build();
    }
  }

  static final class OwnOptions {
    @PerfTest
    void own(Perf perf) {
      perf.run(perf.suite().options(perf.options().toBuilder().timeout(Duration.ofSeconds(30)).build())
          .benchmark(Benchmark.of("alloc", () -> new byte[1000]))
          .build());
    }
  }

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
