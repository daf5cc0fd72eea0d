package dev.perfgate.api;

/** The outcome of one check in a {@link Verdict}. */
public enum Status {
  /** The check held. */
  PASS,
  /** The check held, but something deserves a look (a regression inside the tolerance, an advisory history). */
  WARN,
  /** The measurement cannot decide (too few or too noisy data); measure more. Not a failure. */
  INCONCLUSIVE,
  /** The metric could not be measured here; the message says why. Not a failure. */
  NOT_MEASURED,
  /** The check failed: the limit was broken or a regression beyond tolerance was found. */
  FAIL,
  /** The benchmark or a probe threw; the message names it. */
  ERROR;

  /**
   * Whether this status fails a test or a build.
   *
   * @return true for {@link #FAIL} and {@link #ERROR}
   */
  public boolean isFailure() {
    return this == FAIL || this == ERROR;
  }
}
