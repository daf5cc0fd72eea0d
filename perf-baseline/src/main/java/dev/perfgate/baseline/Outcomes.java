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
    return classify(direction, logLow, logHigh, logLow, logHigh, pWorse, pBetter, floor, alpha);
  }

  /**
   * Decides the outcome from the log-scale interval, the equivalence interval ({@link #equivalenceConfidence}),
   * the one-sided p-values and the noise floor: UNCHANGED when the equivalence interval lies inside the
   * band, the two one-sided tests of "at least the floor worse" and "at least the floor better" both
   * rejected at {@code alpha}.
   */
  static Outcome classify(Direction direction, double logLow, double logHigh, double eqLow, double eqHigh,
      double pWorse, double pBetter, double floor, double alpha) {
    double band = Math.log1p(floor);
    boolean above = logLow > band;
    boolean below = logHigh < -band;
    if (inside(logLow, logHigh, band) || inside(eqLow, eqHigh, band)) {
      return Outcome.UNCHANGED;
    }
    return beyondTheBand(direction, above, below, pWorse, pBetter, alpha);
  }

  /**
   * The two-sided confidence of the interval that decides "unchanged", for a comparison whose interval
   * is at {@code confidence}: {@code 2 confidence - 1}, or NaN at or below 0.5.
   *
   * <p>Why not the reported interval itself: "regressed" is a one-sided test at {@code alpha = 1 -
   * confidence} (the interval's lower bound beyond the floor and {@code pWorse < alpha}), and "unchanged"
   * is two one-sided tests (Schuirmann's TOST: the change is below +floor, and it is above -floor),
   * each at the same {@code alpha}. Their bounds are those of the {@code 1 - 2 alpha} interval. Asking
   * the {@code 1 - alpha} interval to fit instead tests each side at {@code alpha / 2}: a claim of
   * "unchanged" twice as strict as a claim of "regressed", and out of reach wherever the interval's
   * half-width is near the floor (the ~10 us fold between CI runs: 97.5 % intervals 3.2 to 4.7 % wide
   * on each side, a 3 % floor). The chance of calling a change of the floor or more "unchanged" stays
   * at most {@code alpha} per comparison, at every look of a sequential comparison (each look's alpha
   * is its share, {@link Comparisons#lookConfidence}).
   *
   * @param confidence the two-sided confidence of the reported interval
   * @return the two-sided confidence of the equivalence interval
   */
  static double equivalenceConfidence(double confidence) {
    double c = 2 * confidence - 1;
    return c > 0 ? c : Double.NaN;
  }

  private static boolean inside(double low, double high, double band) {
    return low >= -band && high <= band;
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
    return classifyDifference(direction, shift, low, high, low, high, pWorse, pBetter, band, alpha);
  }

  /** As above, UNCHANGED also where the equivalence interval ({@link #equivalenceConfidence}) lies inside the band. */
  static Outcome classifyDifference(Direction direction, double shift, double low, double high, double eqLow,
      double eqHigh, double pWorse, double pBetter, double band, double alpha) {
    boolean noShift = Math.abs(shift) <= band && pWorse >= alpha && pBetter >= alpha;
    if (inside(low, high, band) || inside(eqLow, eqHigh, band) || noShift) {
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
