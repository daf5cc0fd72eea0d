package dev.perfgate.generator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Target;
import dev.perfgate.api.Trial;
import dev.perfgate.generator.Report;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * {@code @PerfTest} methods run with {@code perfgate.forks} through the Jupiter engine, inside this
 * Surefire JVM and with no configuration beyond the setting: each fork is a real JVM that reruns the
 * test method to rebuild its benchmarks.
 */
final class ForkedPerfTestTest {
  /** What the test methods returned, in the parent; a child stops the method before it gets here. */
  static final Map<String, Report> REPORTS = new ConcurrentHashMap<>();
  /** How often the code after the last run call ran in this JVM. */
  static final AtomicInteger AFTER_LAST_CALL = new AtomicInteger();

  static final class ReadmeStyle {
    @PerfTest
    void sortStaysWithinBudget(Perf perf) {
      int[] numbers = new SplittableRandom(42).ints(10_000).toArray();

      REPORTS.put("readme", perf.run(Benchmark.of("sort.10k", () -> {
            int[] copy = numbers.clone();
            Arrays.sort(copy);
            return copy;
          }),
          Target.on(Metric.WALL_TIME).median().atMost(Duration.ofSeconds(1))));
    }

    @PerfTest
    void twoRunCalls(Perf perf) {
      String word = "fork";
      // In this JVM, so that one fork (for the second call) shows that a child skips the calls before its own.
      Report first = perf.run(perf.suite().forks(0).benchmark(Benchmark.of("first", () -> word.repeat(3))).build());
      Report second = perf.run(perf.suite().forks(1).benchmark(Benchmark.of("second", () -> word.repeat(5))).build());
      REPORTS.put("first", first);
      REPORTS.put("second", second);
      AFTER_LAST_CALL.incrementAndGet();
    }

    @PerfTest
    void exitsInTheFork(Perf perf) {
      perf.run(perf.suite().forks(1).jvmArgs("-Dforked.test.exit=7")
          .benchmark(Benchmark.of("exits", () -> {
            Integer code = Integer.getInteger("forked.test.exit");
            if (code != null) {
              System.out.println("exiting with " + code);
              System.exit(code);
            }
            return 1;
          })).build());
    }
  }

  static final class JudgedAgainstAnEmptyStore {
    @PerfTest
    void parse(Perf perf) {
      String csv = "id,name,qty\n1,apple,3\n2,pear,5\n";
      REPORTS.put("auto", perf.run(perf.suite().baselines()
          .benchmark(Benchmark.of("csv.split", () -> csv.split("\n")[1].split(",").length)).build()));
    }
  }

  @Test
  void autoForks_judgedAgainstAStoreWithoutHistory_runInFourForks(@TempDir Path store) {
    REPORTS.clear();
    // No perfgate.forks: auto. The store has no runs to give the noise between runs, so the suite forks.
    Events events = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("perfgate.quick", "true")
        .configurationParameter("perfgate.trials", "2")
        .configurationParameter("perfgate.samples", "2")
        .configurationParameter("perfgate.ruler", "false")
        .configurationParameter("perfgate.baseline.dir", store.toString())
        // Without a budget the baseline is not filled with more forks: the 4 are auto's own.
        .configurationParameter("perfgate.baseline.budget", "0")
        .selectors(selectClass(JudgedAgainstAnEmptyStore.class))
        .execute()
        .testEvents();
    events.assertThatEvents().haveExactly(1, event(test("parse"), finishedSuccessfully()));
    Result r = REPORTS.get("auto").results().get(0);
    assertEquals(List.of(0, 0, 1, 1, 2, 2, 3, 3), r.trials().stream().map(Trial::fork).toList(), r.toString());
    assertEquals("4", r.environment().properties().get("forks"), r.environment().toString());
  }

  @Test
  void readmeStylePerfTest_runsInTwoForks_andEachTrialKnowsItsFork() {
    REPORTS.clear();
    AFTER_LAST_CALL.set(0);
    Events events = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("perfgate.quick", "true")
        .configurationParameter("perfgate.forks", "2")
        .configurationParameter("perfgate.trials", "2")
        .configurationParameter("perfgate.samples", "2")
        .selectors(selectClass(ReadmeStyle.class))
        .execute()
        .testEvents();

    events.assertThatEvents()
        .haveExactly(1, event(test("sortStaysWithinBudget"), finishedSuccessfully()))
        .haveExactly(1, event(test("twoRunCalls"), finishedSuccessfully()))
        .haveExactly(1, event(test("exitsInTheFork"), finishedWithFailure(instanceOf(AssertionError.class),
            message(m -> m.contains("exits  runs to the end  ERROR: fork 1 of 1 (pid ")
                && m.contains("exited (System.exit, or an exception nothing caught) with exit code 7")
                && m.contains("exiting with 7")))));

    Result sort = REPORTS.get("readme").results().get(0);
    assertEquals(List.of(0, 0, 1, 1), sort.trials().stream().map(Trial::fork).toList(), sort.toString());
    assertEquals(List.of(0, 1, 2, 3), sort.trials().stream().map(Trial::index).toList());
    assertEquals("2", sort.environment().properties().get("forks"), sort.environment().toString());
    assertTrue(sort.environment().jvmArguments().stream().noneMatch(a -> a.contains("dev.perfgate.fork.request")),
        "the request's path, new on every run, is not kept: " + sort.environment().jvmArguments());

    Duration whole = REPORTS.get("readme").elapsed();
    System.out.printf("ForkedPerfTestTest: 2 forks of a @PerfTest took %d ms in all, of which %d ms measuring in the"
        + " children: %d ms per fork for the JVM, the JUnit rerun and the result file%n", whole.toMillis(),
        sort.elapsed().toMillis(), whole.minus(sort.elapsed()).toMillis() / 2);

    assertEquals("first", REPORTS.get("first").results().get(0).key().name());
    assertEquals("second", REPORTS.get("second").results().get(0).key().name());
    assertEquals(2, REPORTS.get("second").results().get(0).trials().size());
    assertEquals(1, AFTER_LAST_CALL.get(), "the code after the last run call runs once, in the parent");
  }
}
