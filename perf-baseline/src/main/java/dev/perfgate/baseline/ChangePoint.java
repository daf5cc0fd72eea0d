package dev.perfgate.baseline;

import java.util.Locale;

/**
 * A step in a series of runs found by e-divisive means with a t-test.
 *
 * @param index the index of the first run at the new level
 * @param before the median of the runs from the previous change point up to this one
 * @param after the median of the runs from this change point to the next
 * @param pValue the p-value of the two-sample t-test that accepted the step
 * @param candidate true while fewer than three runs follow the first run at the new level
 * @param commits the commits of the last run before the step and of the first run after it, where
 *     the stored runs name them ({@link dev.perfgate.api.Provenance#commit()})
 */
public record ChangePoint(int index, double before, double after, double pValue, boolean candidate,
    java.util.Optional<Commits> commits) {

  /**
   * Two commits that bound a change: it happened after {@code from} and by {@code to}.
   *
   * @param from the commit of the last run before, shortened
   * @param to the commit of the first run after, shortened
   */
  public record Commits(String from, String to) {
    /**
     * Creates the range.
     *
     * @throws NullPointerException if a commit is null
     */
    public Commits {
      java.util.Objects.requireNonNull(from, "from must not be null");
      java.util.Objects.requireNonNull(to, "to must not be null");
    }

    /** Reads like {@code between a1b2c3d and e4f5a6b}. */
    @Override
    public String toString() {
      return "between " + from + " and " + to;
    }
  }

  /**
   * Creates a change point without commits.
   *
   * @param index the index of the first run at the new level
   * @param before the median before
   * @param after the median after
   * @param pValue the p-value of the t-test
   * @param candidate true while fewer than three runs follow
   */
  public ChangePoint(int index, double before, double after, double pValue, boolean candidate) {
    this(index, before, after, pValue, candidate, java.util.Optional.empty());
  }

  /**
   * Creates a change point.
   *
   * @throws NullPointerException if commits is null
   */
  public ChangePoint {
    java.util.Objects.requireNonNull(commits, "commits must not be null");
  }

  /**
   * This change point with the commits that bound it.
   *
   * @param range the commits
   * @return the change point
   */
  public ChangePoint withCommits(java.util.Optional<Commits> range) {
    return new ChangePoint(index, before, after, pValue, candidate, range);
  }

  /** The number of runs that must follow a change before it is confirmed. */
  public static final int RUNS_TO_CONFIRM = 3;

  /**
   * The relative size of the step, after over before minus one.
   *
   * @return the change, such as 0.10 for a 10 % rise
   */
  public double change() {
    return after / before - 1;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s at run %d: %+.1f %% (p %.2g)", candidate ? "candidate change" : "change",
        index, change() * 100, pValue) + commits.map(c -> " " + c).orElse("");
  }
}
