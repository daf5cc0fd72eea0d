package dev.perfgate.baseline;

import dev.perfgate.api.Direction;
import java.util.Arrays;
import java.util.Comparator;

/**
 * How an outcome follows from an interval, one-sided p-values and a noise band, on either scale; a
 * pure function that both the judge and a comparison re-decided after Holm's correction use.
 */
final class Outcomes {

  private Outcomes() {}

  /** Decides the outcome from the log-scale interval, the one-sided p-values and the noise floor. */
  static Outcome classify(Direction direction, double logLow, double logHigh, double pWorse, double pBetter,
      double floor, double alpha) {
    double band = Math.log1p(floor);
    boolean above = logLow > band;
    boolean below = logHigh < -band;
    boolean inside = logLow >= -band && logHigh <= band;
    if (inside) {
      return Outcome.UNCHANGED;
    }
    return beyondTheBand(direction, above, below, pWorse, pBetter, alpha);
  }

  /**
   * Decides the outcome of a difference (in the metric's unit) from its shift, interval and
   * one-sided p-values. UNCHANGED when the interval lies inside the band, or when the shift does
   * and the rank test finds no shift at the level: counts are nearly exact, so with few trials one
   * trial where the JIT removed an allocation widens the interval to that trial, and it is the
   * estimate, not the interval, that says whether the counts moved.
   */
  static Outcome classifyDifference(Direction direction, double shift, double low, double high, double pWorse,
      double pBetter, double band, double alpha) {
    boolean inside = low >= -band && high <= band;
    boolean noShift = Math.abs(shift) <= band && pWorse >= alpha && pBetter >= alpha;
    if (inside || noShift) {
      return Outcome.UNCHANGED;
    }
    boolean above = low > band;
    boolean below = high < -band;
    return beyondTheBand(direction, above, below, pWorse, pBetter, alpha);
  }

  /** The outcome of an interval that is not inside the noise band, on either scale. */
  private static Outcome beyondTheBand(Direction direction, boolean above, boolean below, double pWorse,
      double pBetter, double alpha) {
    if (direction == Direction.NEUTRAL) {
      return (above || below) && Math.min(pWorse, pBetter) < alpha ? Outcome.CHANGED : Outcome.INCONCLUSIVE;
    }
    boolean worse = direction == Direction.HIGHER_IS_BETTER ? below : above;
    boolean better = direction == Direction.HIGHER_IS_BETTER ? above : below;
    if (worse && pWorse < alpha) {
      return Outcome.REGRESSED;
    }
    if (better && pBetter < alpha) {
      return Outcome.IMPROVED;
    }
    return Outcome.INCONCLUSIVE;
  }

  /** Holm's adjusted p-values; NaN entries stay NaN and are not counted. */
  static double[] holmAdjust(double[] p) {
    Integer[] order = new Integer[p.length];
    int k = 0;
    for (int i = 0; i < p.length; i++) {
      if (Double.isFinite(p[i])) {
        order[k++] = i;
      }
    }
    Integer[] idx = Arrays.copyOf(order, k);
    Arrays.sort(idx, Comparator.comparingDouble(i -> p[i]));
    double[] adjusted = p.clone();
    double running = 0;
    for (int r = 0; r < k; r++) {
      running = Math.max(running, Math.min(1, (k - r) * p[idx[r]]));
      adjusted[idx[r]] = running;
    }
    return adjusted;
  }
}
