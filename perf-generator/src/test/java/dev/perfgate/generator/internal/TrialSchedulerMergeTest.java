package dev.perfgate.generator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Trials measured more join a result with unique numbers, and new forks with unique fork tags. */
final class TrialSchedulerMergeTest {

  private static final BenchmarkKey KEY = BenchmarkKey.of("x");

  private static Result result(int[] forks, Optional<String> error, String warning) {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < forks.length; i++) {
      trials.add(new Trial(i, List.of(new Sample(1, 1000, Map.of(Metric.WALL_TIME, 100.0 + i))), Map.of(), forks[i]));
    }
    return new Result(KEY, trials, Map.of(), List.of(warning), error, Environment.current(),
        Instant.parse("2026-12-02T12:00:00Z"), Duration.ofSeconds(1));
  }

  @Test
  void merge_inTheSameJvm_numbersAfterTheOld_andKeepsTheFork() {
    Result merged = TrialScheduler.merge(result(new int[] {0, 0, 0}, Optional.empty(), "a"),
        result(new int[] {0, 0}, Optional.empty(), "b"), false);
    assertEquals(List.of(0, 1, 2, 3, 4), merged.trials().stream().map(Trial::index).toList());
    assertEquals(List.of(0, 0, 0, 0, 0), merged.trials().stream().map(Trial::fork).toList());
    assertEquals(List.of("a", "b"), merged.warnings());
    assertEquals(Duration.ofSeconds(2), merged.elapsed());
  }

  @Test
  void merge_newForks_comeAfterTheOldForks() {
    Result merged = TrialScheduler.merge(result(new int[] {0, 0, 1, 1}, Optional.empty(), "a"),
        result(new int[] {0, 0, 1, 1}, Optional.empty(), "a"), true);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), merged.trials().stream().map(Trial::index).toList());
    assertEquals(List.of(0, 0, 1, 1, 2, 2, 3, 3), merged.trials().stream().map(Trial::fork).toList());
    assertEquals(List.of("a"), merged.warnings());
  }

  @Test
  void merge_failedMeasurement_keepsTheOldTrials_andSaysTheError() {
    Result merged = TrialScheduler.merge(result(new int[] {0, 0}, Optional.empty(), "a"),
        result(new int[] {0}, Optional.of("boom"), "b"), false);
    assertEquals(2, merged.trials().size());
    assertEquals(Optional.of("boom"), merged.error());
  }
}
