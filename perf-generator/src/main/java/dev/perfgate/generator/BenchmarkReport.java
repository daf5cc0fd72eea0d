package dev.perfgate.generator;

import dev.perfgate.api.Result;
import dev.perfgate.api.Verdict;
import java.util.List;

/**
 * One benchmark variant's result and the verdicts of its targets.
 *
 * @param result the measured result
 * @param verdicts the verdicts of the targets that apply to it
 */
public record BenchmarkReport(Result result, List<Verdict> verdicts) {

  /**
   * Creates a report entry.
   *
   * @throws NullPointerException if an argument is null
   */
  public BenchmarkReport {
    Checks.notNull(result, "result");
    verdicts = List.copyOf(verdicts);
  }
}
