package dev.perfgate.baseline.scaling;

import java.util.Locale;
import java.util.Objects;

/**
 * How much slower each operation gets when more threads run it at once: time per operation at
 * {@code threads} over time per operation at {@code referenceThreads}, minus 1. {@code 0.25} means
 * each operation takes 25 % longer; 0 means the threads do not get in each other's way. Made by
 * {@link Scaling#degradation(double[], double[], int)}.
 *
 * @param referenceThreads the thread count measured as the reference, usually 1
 * @param threads the thread count compared with it
 * @param estimate the degradation with its confidence interval; {@code -1 <= low}
 */
public record Degradation(int referenceThreads, int threads, Estimate estimate) {

  /**
   * Creates a degradation.
   *
   * @throws IllegalArgumentException if {@code referenceThreads} is below 1, {@code threads} is not
   *     above it, or the estimate's lower bound is below -1
   * @throws NullPointerException if {@code estimate} is null
   */
  public Degradation {
    if (referenceThreads < 1) {
      throw new IllegalArgumentException("reference threads (" + referenceThreads + ") must be >= 1");
    }
    if (threads <= referenceThreads) {
      throw new IllegalArgumentException(
          "threads (" + threads + ") must be more than the reference threads (" + referenceThreads + ")");
    }
    Objects.requireNonNull(estimate, "estimate must not be null");
    if (estimate.low() < -1) {
      throw new IllegalArgumentException("degradation lower bound (" + estimate.low() + ") must be >= -1");
    }
  }

  /** Prints {@code +4.1 % at 2 threads (95 % CI +1.2 .. +7.0 %)}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s at %d threads (%s CI %s .. %s)", percent(estimate.value()), threads,
        Estimate.percent(estimate.confidence()), percent(estimate.low()), percent(estimate.high()));
  }

  static String percent(double fraction) {
    if (fraction == Double.POSITIVE_INFINITY) {
      return "+inf";
    }
    return String.format(Locale.ROOT, "%+.1f %%", fraction * 100);
  }
}
