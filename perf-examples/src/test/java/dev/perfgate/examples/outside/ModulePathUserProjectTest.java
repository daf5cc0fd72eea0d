package dev.perfgate.examples.outside;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A user's project that is a named module, with Perfgate as a test dependency as the README's
 * "Add it" shows: Surefire then runs its tests on the module path (the test classes patched into
 * the user's module), and a {@code @PerfTest} must work there as it does on the class path.
 */
final class ModulePathUserProjectTest {

  @Test
  void perfTest_inANamedModule_runsOnTheModulePath() {
    UserProject.Outcome outcome = UserProject.named("module-path-user")
        .file("src/main/java/module-info.java", """
            module com.example.sorting {
              exports com.example.sorting;
            }
            """)
        .mainSource("Sorter.java", """
            package com.example.sorting;

            import java.util.Arrays;

            /** The user's code under test. */
            public final class Sorter {
              private Sorter() {}

              public static int[] sorted(int[] data) {
                int[] copy = data.clone();
                Arrays.sort(copy);
                return copy;
              }
            }
            """)
        .testSource("SortPerfTest.java", UserProjectTest.HOLDS)
        .property("perfgate.quick", "true")
        .run("test");
    assertEquals(0, outcome.exitCode(), outcome.output());
    UserProject.TestCounts counts = outcome.tests("com.example.sorting.SortPerfTest").orElseThrow(
        () -> new AssertionError("Surefire did not run SortPerfTest:\n" + outcome.output()));
    assertEquals(1, counts.tests(), counts.toString());
    assertEquals(0, counts.failures() + counts.errors() + counts.skipped(), counts + "\n" + counts.xml());
  }
}
