package dev.perfgate.generator;

import dev.perfgate.api.internal.Checks;
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
 * @param timeHistory the median {@code time.wall} (ns) of every stored run of this variant, oldest
 *     first, this run last; empty when the suite keeps no baselines
 */
public record BenchmarkReport(Result result, List<Verdict> verdicts, Optional<BaselineDecision> baseline,
    List<Double> timeHistory) {

  /**
   * Creates a report entry.
   *
   * @throws NullPointerException if an argument is null
   */
  public BenchmarkReport {
    Checks.notNull(result, "result");
    verdicts = List.copyOf(verdicts);
    Checks.notNull(baseline, "baseline");
    timeHistory = List.copyOf(timeHistory);
  }

  /**
   * A report entry without baseline.
   *
   * @param result the measured result
   * @param verdicts the verdicts of its targets
   */
  public BenchmarkReport(Result result, List<Verdict> verdicts) {
    this(result, verdicts, Optional.empty(), List.of());
  }
}
