package dev.perfgate.generator.internal.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The trials of several forks joined into one result per variant, from seeded results. */
final class ForkingJoinTest {
  private static final BenchmarkKey KEY = BenchmarkKey.of("sum");
  private static final Environment ENV = Environment.current();

  private static Result result(double... nanos) {
    List<Trial> trials = new java.util.ArrayList<>();
    for (int i = 0; i < nanos.length; i++) {
      trials.add(new Trial(i, List.of(new Sample(10, 1000, Map.of(Metric.WALL_TIME, nanos[i]))), Map.of()));
    }
    return new Result(KEY, trials, Map.of(), List.of("noisy"), Optional.empty(), ENV,
        Instant.parse("2026-01-01T00:00:00Z"), Duration.ofSeconds(1));
  }

  @Test
  void join_tagsEveryTrialWithItsFork_andNumbersThemInOrder() {
    Result joined = Forking.join(KEY, List.of(
        new ForkLauncher.Outcome(0, Map.of(KEY, result(10, 11)), Optional.empty(), Duration.ofSeconds(2)),
        new ForkLauncher.Outcome(1, Map.of(KEY, result(20, 21, 22)), Optional.empty(), Duration.ofSeconds(2))), ENV);
    assertEquals(List.of(0, 0, 1, 1, 1), joined.trials().stream().map(Trial::fork).toList());
    assertEquals(List.of(0, 1, 2, 3, 4), joined.trials().stream().map(Trial::index).toList());
    assertEquals(List.of(10.0, 11.0, 20.0, 21.0, 22.0),
        joined.trials().stream().map(t -> t.value(Metric.WALL_TIME)).toList());
    assertTrue(joined.succeeded());
    assertEquals(List.of("fork 1 of 2: noisy", "fork 2 of 2: noisy"), joined.warnings());
    assertEquals(Duration.ofSeconds(2), joined.elapsed());
    assertEquals("2", joined.environment().properties().get(Environment.FORKS_PROPERTY));
  }

  @Test
  void join_aFailedFork_makesTheVariantAnError_namingTheFork_andKeepsTheOtherForksTrials() {
    Result joined = Forking.join(KEY, List.of(
        new ForkLauncher.Outcome(0, Map.of(KEY, result(10, 11)), Optional.empty(), Duration.ofSeconds(2)),
        new ForkLauncher.Outcome(1, Map.of(), Optional.of("fork 2 of 2 (pid 42) ran out of memory with exit code 1"),
            Duration.ofSeconds(1))), ENV);
    assertEquals(Optional.of("fork 2 of 2 (pid 42) ran out of memory with exit code 1"), joined.error());
    assertEquals(2, joined.trials().size());
  }

  @Test
  void probeFailures_ofTwoForks_areMergedByProbe_eachNamingItsFork() {
    Map<String, String> failures = Forking.probeFailures(KEY, List.of(
        new ForkLauncher.Outcome(0, Map.of(KEY, result(10)), Optional.empty(), Duration.ofSeconds(2),
            Map.of(KEY, Map.of("jfr", "probe 'jfr' failed in open: boom"))),
        new ForkLauncher.Outcome(1, Map.of(KEY, result(11)), Optional.empty(), Duration.ofSeconds(2),
            Map.of(KEY, Map.of("jfr", "probe 'jfr' failed in open: bang")))));
    assertEquals(Map.of("jfr", "fork 1 of 2: probe 'jfr' failed in open: boom; fork 2 of 2: probe 'jfr' failed in open: bang"),
        failures);
    assertEquals(Map.of(), Forking.probeFailures(BenchmarkKey.of("other"), List.of(
        new ForkLauncher.Outcome(0, Map.of(KEY, result(10)), Optional.empty(), Duration.ofSeconds(2)))));
  }

  @Test
  void forkResults_writeThenRead_givesTheResultAndItsProbeFailures(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    Result r = result(10, 11);
    ForkResults.write(dir, 1, r, Map.of("thrower", "probe 'thrower' failed in open: x=1\ny"));
    ForkResults.write(dir, 0, r, Map.of());
    ForkResults.Measured one = ForkResults.read(dir, 1).orElseThrow();
    assertEquals(r.trials(), one.result().trials());
    assertEquals(r.warnings(), one.result().warnings());
    assertEquals(Map.of("thrower", "probe 'thrower' failed in open: x=1\ny"), one.probeFailures());
    assertEquals(Map.of(), ForkResults.read(dir, 0).orElseThrow().probeFailures());
    assertTrue(ForkResults.read(dir, 2).isEmpty(), "a variant the child never wrote");
  }
}
