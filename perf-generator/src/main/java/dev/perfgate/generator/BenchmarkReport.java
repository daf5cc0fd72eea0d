package dev.perfgate.generator;

import dev.perfgate.api.Result;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.BaselineDecision;
import java.util.List;
import java.util.Optional;

/**
 * One benchmark variant's result, the verdicts of its targets and baseline comparisons, and what
 * was done with its baseline.
 *
 * @param result the measured result
 * @param verdicts the verdicts of its targets, then of its baseline comparisons
 * @param baseline the baseline decision (comparisons, history checks, trends), empty when the suite
 *     keeps no baselines
 */
public record BenchmarkReport(Result result, List<Verdict> verdicts, Optional<BaselineDecision> baseline) {

  /**
   * Creates a report entry.
   *
   * @throws NullPointerException if an argument is null
   */
  public BenchmarkReport {
    Checks.notNull(result, "result");
    verdicts = List.copyOf(verdicts);
    Checks.notNull(baseline, "baseline");
  }

  /**
   * A report entry without baseline.
   *
   * @param result the measured result
   * @param verdicts the verdicts of its targets
   */
  public BenchmarkReport(Result result, List<Verdict> verdicts) {
    this(result, verdicts, Optional.empty());
  }
}
