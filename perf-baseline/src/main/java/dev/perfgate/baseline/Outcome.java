package dev.perfgate.baseline;

/** What a comparison of two results, or of a result with its history, found for one metric. */
public enum Outcome {
  /** The whole confidence interval lies beyond the noise floor in the worse direction and the test agrees. */
  REGRESSED,
  /** The whole confidence interval lies beyond the noise floor in the better direction and the test agrees. */
  IMPROVED,
  /**
   * The change lies inside plus or minus the noise floor by two one-sided tests, each at the level of
   * the test that finds a regression: the {@code 1 - 2 alpha} interval (90 % for a 95 % comparison)
   * lies inside the floor. The printed interval then lies inside it too, or the note says which did.
   * For the history check: the run lies inside the prediction interval.
   */
  UNCHANGED,
  /** A neutral metric (never judged) moved beyond the noise floor; information only. */
  CHANGED,
  /** Anything else: the data cannot decide, measure more. Never a silent pass or fail. */
  INCONCLUSIVE,
  /** The two results cannot be compared (no values, different environments, non-positive values); see the note. */
  NOT_COMPARABLE
}
