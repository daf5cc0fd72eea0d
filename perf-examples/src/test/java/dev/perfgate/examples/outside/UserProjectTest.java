package dev.perfgate.examples.outside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Perfgate from a user's own project: a plain pom, a {@code @PerfTest}, the jars this build made,
 * a child Maven build. The budget that holds passes the build; the one that cannot hold fails it
 * and says why.
 */
final class UserProjectTest {

  /** A user's test: sorting 1,000 ints, a real workload, against budgets far above what it costs. */
  static final String HOLDS = """
      package com.example.sorting;

      import dev.perfgate.api.Benchmark;
      import dev.perfgate.api.Metric;
      import dev.perfgate.api.Quantity;
      import dev.perfgate.api.Target;
      import dev.perfgate.generator.junit.Perf;
      import dev.perfgate.generator.junit.PerfTest;
      import java.time.Duration;
      import java.util.Arrays;
      import java.util.SplittableRandom;

      class SortPerfTest {

        @PerfTest
        void sortStaysWithinBudget(Perf perf) {
          int[] data = new SplittableRandom(1).ints(1_000).toArray();
          perf.run(Benchmark.of("sort.1k", () -> {
                int[] copy = data.clone();
                Arrays.sort(copy);
                return copy;
              }),
              // About 30 us and 4 KB per sort on a 2-core machine: room for any load.
              Target.on(Metric.WALL_TIME).median().atMost(Duration.ofMillis(50)),
              Target.on(Metric.ALLOCATED_BYTES).median().atMost(Quantity.kilobytes(64)));
        }
      }
      """;

  /** The same work against a limit no machine meets: one nanosecond for sorting 10,000 ints. */
  static final String CANNOT_HOLD = """
      package com.example.sorting;

      import dev.perfgate.api.Benchmark;
      import dev.perfgate.api.Metric;
      import dev.perfgate.api.Target;
      import dev.perfgate.generator.junit.Perf;
      import dev.perfgate.generator.junit.PerfTest;
      import java.time.Duration;
      import java.util.Arrays;
      import java.util.SplittableRandom;

      class SortTooFastPerfTest {

        @PerfTest
        void sortInOneNanosecond(Perf perf) {
          int[] data = new SplittableRandom(1).ints(10_000).toArray();
          perf.run(Benchmark.of("sort.10k", () -> {
                int[] copy = data.clone();
                Arrays.sort(copy);
                return copy;
              }),
              Target.on(Metric.WALL_TIME).median().atMost(Duration.ofNanos(1)));
        }
      }
      """;

  /** A benchmark that throws, with no target: the test must fail with the user's exception as its cause. */
  static final String THROWS = """
      package com.example.sorting;

      import dev.perfgate.api.Benchmark;
      import dev.perfgate.generator.junit.Perf;
      import dev.perfgate.generator.junit.PerfTest;

      class ThrowingPerfTest {

        @PerfTest
        void brokenBenchmark(Perf perf) {
          perf.run(Benchmark.of("throws", () -> {
            throw new IllegalStateException("boom from the user's code");
          }));
        }
      }
      """;

  /** A benchmark that hangs past the timeout set from perf.suite(), with no target: the test must fail. */
  static final String HANGS = """
      package com.example.sorting;

      import dev.perfgate.api.Benchmark;
      import dev.perfgate.generator.junit.Perf;
      import dev.perfgate.generator.junit.PerfTest;
      import java.time.Duration;

      class HangingPerfTest {

        @PerfTest
        void hangingBenchmark(Perf perf) {
          perf.run(perf.suite()
              .options(perf.options().toBuilder().timeout(Duration.ofSeconds(1)).build())
              .benchmark(Benchmark.of("hangs", () -> {
                // Ignores interruption, as a stuck loop does; ends by itself so the JVM can exit.
                long end = System.nanoTime() + 6_000_000_000L;
                long spins = 0;
                while (System.nanoTime() < end) {
                  spins++;
                }
                return spins;
              }))
              .build());
        }
      }
      """;

  /** A perf test that forgot its Perf parameter: it must fail instead of passing on nothing. */
  static final String FORGOT_PERF = """
      package com.example.sorting;

      import dev.perfgate.generator.junit.PerfTest;

      class ForgotPerfTest {

        @PerfTest
        void forgot() {
        }
      }
      """;

  /**
   * One child build for every case: Maven's start-up is most of a child build's cost. The exit code
   * is the failing test's; that a passing build exits with 0 is shown by the README's examples
   * ({@code ReadmeUserProjectTest}).
   */
  private static UserProject.Outcome outcome;

  @BeforeAll
  static void buildUserProject() {
    outcome = UserProject.named("budgets")
        .testSource("SortPerfTest.java", HOLDS)
        .testSource("SortTooFastPerfTest.java", CANNOT_HOLD)
        .testSource("ThrowingPerfTest.java", THROWS)
        .testSource("HangingPerfTest.java", HANGS)
        .testSource("ForgotPerfTest.java", FORGOT_PERF)
        .property("perfgate.quick", "true")
        .run("test");
    System.out.printf(Locale.ROOT, "user project budgets: exit %d in %.1f s%n", outcome.exitCode(),
        outcome.elapsed().toMillis() / 1000.0);
  }

  @Test
  void userPerfTest_budgetHolds_passes() {
    UserProject.TestCounts counts = outcome.tests("com.example.sorting.SortPerfTest").orElseThrow(
        () -> new AssertionError("Surefire ran no SortPerfTest:\n" + outcome.output()));
    assertEquals(1, counts.tests(), counts.xml());
    assertEquals(0, counts.failures() + counts.errors() + counts.skipped(), counts.xml());
    // Measured, not just run: the console shows both verdicts, and the reports were written.
    assertTrue(verdictLine(outcome.output(), "sort.1k", "median time/op", "<= 50 ms", "PASS"), outcome.output());
    assertTrue(verdictLine(outcome.output(), "sort.1k", "median alloc/op", "<= 64 KB", "PASS"), outcome.output());
    assertFalse(outcome.targetFiles("perfgate-report.html").isEmpty(), "no HTML report under target/");
  }

  @Test
  void userPerfTest_targetCannotHold_failsTheBuildWithTheVerdict() {
    assertNotEquals(0, outcome.exitCode(), "the build must fail:\n" + outcome.output());
    assertTrue(outcome.output().contains("BUILD FAILURE"), outcome.output());
    UserProject.TestCounts counts = outcome.tests("com.example.sorting.SortTooFastPerfTest").orElseThrow(
        () -> new AssertionError("Surefire ran no SortTooFastPerfTest (did it compile?):\n" + outcome.output()));
    // Failed by its verdict, not by an error of the run: one test, one assertion failure.
    assertEquals(1, counts.tests(), counts.xml());
    assertEquals(1, counts.failures(), counts.xml());
    assertEquals(0, counts.errors(), counts.xml());
    assertTrue(verdictLine(outcome.output(), "sort.10k", "median time/op", "<= 1 ns", "FAIL"), outcome.output());
    assertTrue(counts.xml().contains("&lt;= 1 ns") || counts.xml().contains("<= 1 ns"),
        "the test's failure message carries the verdict:\n" + counts.xml());
  }

  @Test
  void userPerfTest_benchmarkThatThrows_failsWithoutATarget_withTheUsersException() {
    UserProject.TestCounts counts = outcome.tests("com.example.sorting.ThrowingPerfTest").orElseThrow(
        () -> new AssertionError("Surefire ran no ThrowingPerfTest:\n" + outcome.output()));
    assertEquals(1, counts.failures() + counts.errors(), counts.xml());
    assertTrue(counts.xml().contains("boom from the user's code") || counts.xml().contains("boom from the user&apos;s code"),
        "the user's exception is not in the report:\n" + counts.xml());
  }

  @Test
  void userPerfTest_benchmarkThatHangs_failsWithoutATarget() {
    UserProject.TestCounts counts = outcome.tests("com.example.sorting.HangingPerfTest").orElseThrow(
        () -> new AssertionError("Surefire ran no HangingPerfTest:\n" + outcome.output()));
    assertEquals(1, counts.failures() + counts.errors(), counts.xml());
    assertTrue(counts.xml().contains("timed out"), counts.xml());
  }

  @Test
  void userPerfTest_withoutAPerfParameter_failsWithAMessage() {
    UserProject.TestCounts counts = outcome.tests("com.example.sorting.ForgotPerfTest").orElseThrow(
        () -> new AssertionError("Surefire ran no ForgotPerfTest:\n" + outcome.output()));
    assertEquals(1, counts.failures() + counts.errors(), counts.xml());
    assertTrue(counts.xml().contains("Perf parameter"), counts.xml());
  }

  /** A line of the output that holds every part, in order. */
  static boolean verdictLine(String output, String... parts) {
    return output.lines().anyMatch(line -> {
      int at = 0;
      for (String part : List.of(parts)) {
        int i = line.indexOf(part, at);
        if (i < 0) {
          return false;
        }
        at = i + part.length();
      }
      return true;
    });
  }
}
