package dev.perfgate.generator.internal.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs: one that measures a main's second run call, and one for each way a child can fail. */
final class ForkLauncherTest {
  private static final Duration GENEROUS = Duration.ofMinutes(2);

  private static ForkLauncher.Outcome run(Class<?> main, List<String> args, List<String> jvmArgs, Duration timeout,
      List<BenchmarkKey> keys, int ordinal) {
    return ForkLauncher.run(0, 1, new ForkEntry(ForkEntry.Kind.MAIN, main.getName(), args), ordinal, keys, Map.of(),
        jvmArgs, timeout);
  }

  @Test
  void mainEntry_secondRunCall_isMeasuredInTheChild_withItsCapturedLocals() {
    List<BenchmarkKey> keys = List.of(BenchmarkKey.of("sum"), BenchmarkKey.of("copy"));
    ForkLauncher.Outcome o = run(ChildPrograms.TwoCalls.class, List.of("3"), List.of(), GENEROUS, keys, 1);
    assertTrue(o.failure().isEmpty(), o.failure().orElse(""));
    assertEquals(keys, List.copyOf(o.results().keySet()));
    for (Result r : o.results().values()) {
      assertTrue(r.succeeded(), r.toString());
      assertEquals(2, r.trials().size(), r.toString());
      assertTrue(r.environment().jvmArguments().stream().anyMatch(a -> a.startsWith("-D" + ForkRequest.PROPERTY + "=")),
          "measured in the child: " + r.environment().jvmArguments());
    }
  }

  @Test
  void entryThatEndsBeforeTheRequestedCall_isReported_withTheCallsItMade() {
    ForkLauncher.Outcome o = run(ChildPrograms.TwoCalls.class, List.of("3"), List.of(), GENEROUS,
        List.of(BenchmarkKey.of("sum")), 5);
    String f = o.failure().orElseThrow();
    assertTrue(f.contains("exit code 4"), f);
    assertTrue(f.contains("ended after 2 run call(s), before run call #6 that the parent measured"), f);
  }

  @Test
  void requestedCallWithOtherVariants_isRefusedByTheChild() {
    ForkLauncher.Outcome o = run(ChildPrograms.TwoCalls.class, List.of("3"), List.of(), GENEROUS,
        List.of(BenchmarkKey.of("sum")), 1);
    String f = o.failure().orElseThrow();
    assertTrue(f.contains("run call #2 of " + ChildPrograms.TwoCalls.class.getName()
        + " has the variants [sum, copy] in this JVM but [sum] in the parent"), f);
    assertTrue(o.results().isEmpty(), o.results().toString());
  }

  @Test
  void childThatExits_isReportedByName_withTheTailOfItsOutput() {
    ForkLauncher.Outcome o = run(ChildPrograms.Exits.class, List.of(), List.of(), GENEROUS, List.of(BenchmarkKey.of("x")), 0);
    String f = o.failure().orElseThrow();
    assertTrue(f.startsWith("fork 1 of 1 (pid "), f);
    assertTrue(f.contains("exited (System.exit, or an exception nothing caught) with exit code 7"), f);
    assertTrue(f.contains("about to exit with 7"), f);
    assertTrue(o.results().isEmpty());
    System.out.printf("ForkLauncherTest: a child JVM that starts and exits took %d ms from start to reaped%n",
        o.elapsed().toMillis());
  }

  @Test
  void childThatRunsOutOfMemory_isReported_withTheError() {
    ForkLauncher.Outcome o = run(ChildPrograms.RunsOutOfMemory.class, List.of(), List.of("-Xmx24m"), GENEROUS,
        List.of(BenchmarkKey.of("x")), 0);
    String f = o.failure().orElseThrow();
    assertTrue(f.startsWith("fork 1 of 1 (pid "), f);
    assertTrue(f.contains("ran out of memory with exit code"), f);
    assertTrue(f.contains("java.lang.OutOfMemoryError: Java heap space"), f);
  }

  @Test
  void childThatCrashes_isReported_asACrash(@TempDir Path dir) {
    ForkLauncher.Outcome o = run(ChildPrograms.Crashes.class, List.of(), List.of(
        "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"), "-XX:-CreateCoredumpOnCrash"), GENEROUS,
        List.of(BenchmarkKey.of("x")), 0);
    String f = o.failure().orElseThrow();
    assertTrue(f.contains("crashed (the JVM's fatal error report is in its output)"), f);
    assertTrue(f.contains("A fatal error has been detected by the Java Runtime Environment"), f);
  }

  @Test
  void childThatHangs_isStoppedAtTheTimeout() {
    ForkLauncher.Outcome o = run(ChildPrograms.Hangs.class, List.of(), List.of(), Duration.ofSeconds(3),
        List.of(BenchmarkKey.of("x")), 0);
    String f = o.failure().orElseThrow();
    assertTrue(f.contains("did not finish within 3.0 s and was stopped"), f);
    assertTrue(f.contains("sleeping forever"), f);
    assertTrue(o.elapsed().compareTo(Duration.ofSeconds(3)) >= 0 && o.elapsed().compareTo(Duration.ofSeconds(20)) < 0,
        o.elapsed().toString());
  }
}
