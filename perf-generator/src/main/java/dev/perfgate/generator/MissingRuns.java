package dev.perfgate.generator;

import dev.perfgate.api.Verdict;
import dev.perfgate.api.internal.Checks;

/**
 * The detail of an INCONCLUSIVE verdict of a {@link SuiteChecks} check that had too few successful
 * runs to judge: a scaling check with fewer than three sizes, a degradation check without runs on
 * one thread and on the thread count judged.
 *
 * @param benchmark the benchmark's name
 * @param kind what is missing
 * @param found the sizes that ran, for {@link Kind#SIZES}; 0 otherwise
 * @param threads the thread count judged against one thread, for a degradation check; 0 otherwise
 */
public record MissingRuns(String benchmark, Kind kind, int found, int threads) implements Verdict.Detail {

  /** What is missing. */
  public enum Kind {
    /** A scaling check found fewer than three sizes that ran. */
    SIZES,
    /** A degradation check found a size that ran on one of the two thread counts only. */
    THREAD_COUNTS,
    /** A degradation check found no successful run of the benchmark at all. */
    RUNS
  }

  /**
   * Creates the detail.
   *
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException if a count is negative
   */
  public MissingRuns {
    Checks.notNull(benchmark, "benchmark");
    Checks.notNull(kind, "kind");
    Checks.argument(found >= 0, "found (%s) must be >= 0", found);
    Checks.argument(threads >= 0, "threads (%s) must be >= 0", threads);
  }

  /** Prints {@code sort  scaling needs at least three sizes that ran; found 2} and its kin. */
  @Override
  public String message() {
    return switch (kind) {
      case SIZES -> benchmark + "  scaling needs at least three sizes that ran; found " + found;
      case THREAD_COUNTS -> benchmark + "  degradation needs runs on 1 and " + threads
          + " threads; add Suite.Builder.threads(\"" + benchmark + "\", 1, " + threads + ")";
      case RUNS -> benchmark + "  degradation: no successful run of '" + benchmark + "' in the suite";
    };
  }
}
