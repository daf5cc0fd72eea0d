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
 */
public record ChangePoint(int index, double before, double after, double pValue, boolean candidate) {

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
        index, change() * 100, pValue);
  }
}
