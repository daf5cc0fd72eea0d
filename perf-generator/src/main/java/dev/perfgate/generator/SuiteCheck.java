package dev.perfgate.generator;

import dev.perfgate.api.Result;
import dev.perfgate.api.Verdict;
import java.util.List;

/**
 * A check over several results of a suite at once, run after every benchmark has run: a scaling
 * fit over a benchmark's sizes, a degradation over thread counts, a comparison of a warm and a cold
 * variant.
 *
 * <p>A check of one's own returns verdicts about a variant ({@code Subject.of(key)}), a benchmark as
 * a whole ({@code Subject.benchmark(name)}) or the suite; where it has only words to say, it makes
 * them with {@link Verdict#of(dev.perfgate.api.Subject, String, dev.perfgate.api.Status, String)}:
 *
 * <pre>{@code
 * SuiteCheck queries = results -> results.stream()
 *     .filter(r -> r.key().name().equals("render"))
 *     .map(r -> {
 *       double n = r.statistic(QUERIES, Statistic.MEDIAN);
 *       Status status = n <= 3 ? Status.PASS : Status.FAIL;
 *       return Verdict.of(Subject.of(r.key()), "queries <= 3", status, r.key() + "  queries " + n + " <= 3  " + status);
 *     })
 *     .toList();
 * }</pre>
 *
 * <p>Code that acts on another check's verdict reads its {@link Verdict#status()},
 * {@link Verdict#subject()} and typed {@link Verdict#detail()}, never its words.
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
