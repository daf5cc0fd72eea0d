package dev.perfgate.generator;

import dev.perfgate.api.Verdict;
import dev.perfgate.api.internal.Checks;

/**
 * The detail of an ERROR verdict about the run itself rather than a measurement: a benchmark that
 * threw or timed out, a probe that threw, a target that could not be evaluated, a baseline store
 * that failed, a suite check that threw, or a check of one's own that threw where its verdict was due.
 *
 * @param kind what failed
 * @param subject the variant (or, for a suite check, the suite) as the verdict names it
 * @param check the check that could not be made: {@code runs to the end}, {@code probe 'jfr'}, the
 *     target, {@code baseline}, the suite check, or the check of one's own
 * @param error the error, as its exception or the runner words it
 * @param skippedTargets for a failed benchmark, the targets that were not judged; 0 otherwise
 */
public record RunError(Kind kind, String subject, String check, String error, int skippedTargets)
    implements Verdict.Detail {

  /** What failed. */
  public enum Kind {
    /** The benchmark threw or its timeout stopped it. */
    BENCHMARK,
    /** A probe threw: its metrics were not measured. */
    PROBE,
    /** A target could not be evaluated (its limit is in another unit than its metric). */
    TARGET,
    /** The baseline store could not be read or written. */
    BASELINE,
    /** A suite check threw. */
    SUITE_CHECK,
    /** A check of one's own threw (a leak or retention check run by hand): its verdict is this error. */
    CHECK
  }

  /**
   * Creates an error.
   *
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException if skippedTargets is negative
   */
  public RunError {
    Checks.notNull(kind, "kind");
    Checks.notNull(subject, "subject");
    Checks.notNull(check, "check");
    Checks.notNull(error, "error");
    Checks.argument(skippedTargets >= 0, "skippedTargets (%s) must be >= 0", skippedTargets);
  }

  @Override
  public String message() {
    return switch (kind) {
      case BENCHMARK -> subject + "  " + check + "  ERROR: " + error
          + (skippedTargets == 0 ? "" : "; its " + skippedTargets + " target(s) were not judged");
      case PROBE -> subject + "  " + check + "  ERROR: " + error + "; its metrics were not measured (a probe"
          + " that cannot measure on this JVM says so with unavailable() or Recorder.notMeasured instead of throwing)";
      case TARGET -> subject + "  " + check + "  ERROR: " + error;
      case BASELINE -> subject + "  baseline could not be read or written: " + error;
      case SUITE_CHECK -> "suite check " + check + " threw " + error;
      case CHECK -> subject + "  " + check + " threw " + error;
    };
  }
}
