package dev.perfgate.api.internal.stats;

import java.util.OptionalInt;

/**
 * Alpha spending over the looks of a sequential comparison, so that its error rates hold whenever
 * it stops: look k (from 1) tests all the trials measured so far at the level {@code alpha w(k)},
 * with weights that sum to 1 over all looks. By the union bound the chance that any look rejects a
 * true null hypothesis is then at most alpha, whatever rule decides to look again or to stop, and
 * {@link #anytimeP(double[])}, the smallest {@code p(k) / w(k)}, is a p-value that stays valid at
 * any stopping time (so a correction for multiplicity over a suite, such as Holm's, stays valid
 * too). The interval of look k at the confidence {@code 1 - alpha w(k)} covers the true shift at
 * every look at once with probability at least {@code 1 - alpha}: a confidence sequence.
 *
 * <p>The weights put half of alpha on the first look, which decides most comparisons, and spread
 * the other half as {@code 3 / (pi^2 (k - 1)^2)} for k &gt;= 2 (these sum to 1/2): 0.5, 0.304,
 * 0.076, 0.034, 0.019, ... With the number of trials doubling from one look to the next, look k has
 * {@code 2^(k-1)} times the first look's trials, so the cost of looking again grows only with the
 * logarithm of the trials measured.
 *
 * <p>A comparison that can have only one look spends all of alpha on it: {@link #single()}.
 */
public final class SequentialLooks {

  private static final SequentialLooks SINGLE = new SequentialLooks(false);
  private static final SequentialLooks SEQUENTIAL = new SequentialLooks(true);

  private final boolean sequential;

  private SequentialLooks(boolean sequential) {
    this.sequential = sequential;
  }

  /**
   * One look only: weight 1 on it, the fixed-sample test.
   *
   * @return the spending
   */
  public static SequentialLooks single() {
    return SINGLE;
  }

  /**
   * Any number of looks: half of alpha on the first, {@code 3 / (pi^2 (k - 1)^2)} on look k &gt;= 2.
   *
   * @return the spending
   */
  public static SequentialLooks sequential() {
    return SEQUENTIAL;
  }

  /**
   * The share of alpha spent on a look.
   *
   * @param look the look, from 1
   * @return the weight; for {@link #single()}, 1 for look 1 and 0 after it
   * @throws IllegalArgumentException if the look is below 1
   */
  public double weight(int look) {
    if (look < 1) {
      throw new IllegalArgumentException("look (" + look + ") must be >= 1");
    }
    if (!sequential) {
      return look == 1 ? 1 : 0;
    }
    if (look == 1) {
      return 0.5;
    }
    double k = look - 1;
    return 3 / (Math.PI * Math.PI * k * k);
  }

  /**
   * The two-sided confidence of the interval at a look, for a confidence sequence at the given level:
   * {@code 1 - (1 - confidence) w(look)}.
   *
   * @param look the look, from 1
   * @param confidence the level over all looks, strictly between 0 and 1, such as 0.95
   * @return the level of this look's interval, such as 0.975 at look 1 of {@link #sequential()}
   * @throws IllegalArgumentException if the look is below 1, is past the only look of
   *     {@link #single()}, or the confidence is not strictly between 0 and 1
   */
  public double confidence(int look, double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence (" + confidence + ") must be strictly between 0 and 1");
    }
    double w = weight(look);
    if (w == 0) {
      throw new IllegalArgumentException("look " + look + " has no alpha left: this spending has one look only");
    }
    return 1 - (1 - confidence) * w;
  }

  /**
   * The p-value valid at any stopping time: the smallest {@code p(k) / w(k)} over the looks made,
   * at most 1. NaN entries (a look where no test ran) are skipped; NaN if all are.
   *
   * @param pByLook the p-value of each look, look 1 first
   * @return the anytime p-value
   * @throws IllegalArgumentException if there are more looks than this spending has
   */
  public double anytimeP(double[] pByLook) {
    double best = Double.NaN;
    for (int k = 1; k <= pByLook.length; k++) {
      double w = weight(k);
      if (w == 0) {
        throw new IllegalArgumentException(pByLook.length + " looks given, but this spending has one look only");
      }
      double p = pByLook[k - 1];
      if (Double.isNaN(p)) {
        continue;
      }
      double spent = Math.min(1, p / w);
      best = Double.isNaN(best) ? spent : Math.min(best, spent);
    }
    return best;
  }

  /**
   * About how many trials of the new side would shrink an interval to a wanted half-width, the
   * reference side staying as it is: the standard error of a shift between two samples goes as
   * {@code sqrt(1/m + 1/n)}, so {@code n'} solves {@code sqrt(1/m + 1/n') = sqrt(1/m + 1/n) target / halfWidth}.
   * The quantile of later looks (a little wider, since they spend less) is left out: an estimate.
   *
   * @param reference the trials of the reference side, m
   * @param current the trials of the new side so far, n
   * @param halfWidth the interval's half-width now, positive
   * @param target the half-width wanted, positive
   * @return the trials of the new side needed, at least {@code current}; empty if the reference
   *     side alone leaves the interval wider than the target (no number of new trials would do)
   * @throws IllegalArgumentException if a count is below 1 or a width is not positive and finite
   */
  public static OptionalInt trialsFor(int reference, int current, double halfWidth, double target) {
    if (reference < 1 || current < 1) {
      throw new IllegalArgumentException("trial counts (" + reference + ", " + current + ") must be >= 1");
    }
    if (!(halfWidth > 0 && Double.isFinite(halfWidth)) || !(target > 0 && Double.isFinite(target))) {
      throw new IllegalArgumentException("half-widths (" + halfWidth + ", " + target + ") must be positive and finite");
    }
    double r = target / halfWidth;
    double inverse = r * r * (1.0 / reference + 1.0 / current) - 1.0 / reference;
    if (inverse <= 0) {
      return OptionalInt.empty();
    }
    double n = Math.ceil(1 / inverse - 1e-9);
    if (n > Integer.MAX_VALUE) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Math.max(current, (int) n));
  }
}
