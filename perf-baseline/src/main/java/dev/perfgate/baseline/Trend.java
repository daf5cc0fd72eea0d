package dev.perfgate.baseline;

import dev.perfgate.api.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The trend of a metric over the stored runs since its last confirmed change point: direction,
 * magnitude in percent per ten runs with its interval, and confidence. Built by {@link Trends}.
 *
 * <p>A trend is a typed finding like a comparison: code reads its fields, and the reports show its
 * words ({@link #message()}) where they show a trend.
 *
 * @param direction which way it moves, read through the metric's direction
 * @param perTenRuns the relative change per ten runs from Sen's slope, such as 0.05 for +5 % (NaN
 *     with too few runs)
 * @param low the lower bound of its confidence interval: finite unless the direction is
 *     {@link TrendDirection#TOO_FEW_RUNS}, where it is NaN
 * @param high the upper bound, likewise
 * @param confidence one minus the Mann-Kendall test's two-sided p-value
 * @param from the index of the first run of the analysed segment
 * @param to the index after the last run of the analysed segment
 * @param runs the number of runs in the whole series
 * @param changePoints the change points found in the whole series, confirmed or candidate
 * @param commits the commits of the first and the last run of the analysed segment, where the
 *     stored runs name them
 */
public record Trend(TrendDirection direction, double perTenRuns, double low, double high, double confidence,
    int from, int to, int runs, List<ChangePoint> changePoints, java.util.Optional<ChangePoint.Commits> commits)
    implements Verdict.Detail {

  /**
   * Creates a trend.
   *
   * @throws NullPointerException if the direction, the change points or the commits are null
   * @throws IllegalArgumentException if a trend with a direction has an unbounded or missing interval
   */
  public Trend {
    Objects.requireNonNull(direction, "direction must not be null");
    if (direction != TrendDirection.TOO_FEW_RUNS
        && !(Double.isFinite(perTenRuns) && Double.isFinite(low) && Double.isFinite(high))) {
      throw new IllegalArgumentException("a " + direction + " trend needs a finite magnitude and interval, got "
          + perTenRuns + " (" + low + " .. " + high + "); a trend that cannot bound them is TOO_FEW_RUNS");
    }
    changePoints = List.copyOf(changePoints);
    Objects.requireNonNull(commits, "commits must not be null");
  }

  /**
   * Creates a trend without commits.
   *
   * @param direction which way it moves
   * @param perTenRuns the relative change per ten runs
   * @param low the lower bound of its interval
   * @param high the upper bound
   * @param confidence one minus the Mann-Kendall p-value
   * @param from the first run of the segment
   * @param to the index after its last run
   * @param runs the runs in the series
   * @param changePoints the change points
   */
  public Trend(TrendDirection direction, double perTenRuns, double low, double high, double confidence, int from,
      int to, int runs, List<ChangePoint> changePoints) {
    this(direction, perTenRuns, low, high, confidence, from, to, runs, changePoints, java.util.Optional.empty());
  }

  /**
   * The newest change point that is still a candidate.
   *
   * @return it, empty if none
   */
  public java.util.Optional<ChangePoint> candidate() {
    return changePoints.stream().filter(ChangePoint::candidate).reduce((a, b) -> b);
  }

  /**
   * The trend in words, without a subject (the reports name the variant and metric beside it): reads
   * like {@code degrading +4.8 % per 10 runs (CI +3.9 .. +5.6 %), confidence 99.9 %, runs 0..30 of 30}.
   *
   * @return the words
   */
  @Override
  public String message() {
    if (direction == TrendDirection.TOO_FEW_RUNS) {
      return said() + " (" + (to - from) + " since run " + from + ", of " + runs + ")" + changes();
    }
    return said() + " " + magnitude() + String.format(Locale.ROOT, ", confidence %.1f %%, runs %d..%d of %d",
        confidence * 100, from, to, runs) + commits.map(c -> " (commits " + c.from() + " .. " + c.to() + ")").orElse("")
        + changes();
  }

  /**
   * The trend in a few words for a line that another finding leads, such as
   * {@code trend degrading +4.8 % per 10 runs (CI +3.9 .. +5.6 %)} or {@code trend: too few runs (3 since run 0)}.
   */
  String summary() {
    if (direction == TrendDirection.TOO_FEW_RUNS) {
      return "trend: too few runs (" + (to - from) + " since run " + from + ")" + changes();
    }
    return "trend " + said() + " " + magnitude() + changes();
  }

  /** The direction in words, such as {@code degrading} or {@code too few runs}. */
  String said() {
    return direction.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private String magnitude() {
    return String.format(Locale.ROOT, "%+.1f %% per 10 runs (CI %+.1f .. %+.1f %%)", perTenRuns * 100, low * 100,
        high * 100);
  }

  private String changes() {
    return changePoints.isEmpty() ? "" : "; " + changePoints;
  }

  @Override
  public String toString() {
    return message();
  }
}
