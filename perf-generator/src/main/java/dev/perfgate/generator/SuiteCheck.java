package dev.perfgate.generator;

import dev.perfgate.api.Result;
import dev.perfgate.api.Verdict;
import java.util.List;

/**
 * A check over several results of a suite at once, run after every benchmark has run: a scaling
 * fit over a benchmark's sizes, a degradation over thread counts, a comparison of a warm and a cold
 * variant.
 */
@FunctionalInterface
public interface SuiteCheck {

  /**
   * Judges the results.
   *
   * @param results every result of the suite, in run order
   * @return the verdicts, possibly empty
   */
  List<Verdict> check(List<Result> results);
}
