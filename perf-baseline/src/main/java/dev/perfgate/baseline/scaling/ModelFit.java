package dev.perfgate.baseline.scaling;

import java.util.Locale;
import java.util.Objects;

/**
 * The fit of one complexity class, {@code t = c0 + c1 g(n)}, to the observations of a
 * {@link ComplexityFit}. Errors are taken as relative and Laplace-distributed (least absolute
 * deviations on the log scale), so a 10 % miss at a small size weighs as much as a 10 % miss at a
 * large one, and one outlying trial does not bend the fit.
 *
 * @param complexity the class fitted
 * @param c0 the intercept, the fixed cost; may be negative when lower-order terms are negative
 * @param c1 the growth coefficient, {@code >= 0}; 0 for {@link Complexity#CONSTANT}
 * @param aicc the small-sample Akaike information criterion of the fit (lower is better)
 * @param deltaAicc how far {@code aicc} is above the best class of the same fit ({@code >= 0})
 * @param relativeDeviation the mean absolute residual on the log scale, about the typical
 *     relative miss (0.05 meaning about 5 %)
 */
public record ModelFit(
    Complexity complexity, double c0, double c1, double aicc, double deltaAicc, double relativeDeviation) {

  /**
   * Creates a model fit.
   *
   * @throws IllegalArgumentException if a figure is not finite, {@code c1} or {@code deltaAicc} is
   *     negative, or a constant model has {@code c1 != 0}
   * @throws NullPointerException if {@code complexity} is null
   */
  public ModelFit {
    Objects.requireNonNull(complexity, "complexity must not be null");
    finite(c0, "c0");
    finite(c1, "c1");
    finite(aicc, "AICc");
    finite(deltaAicc, "delta AICc");
    finite(relativeDeviation, "relative deviation");
    if (c1 < 0) {
      throw new IllegalArgumentException("growth coefficient c1 (" + c1 + ") must be >= 0");
    }
    if (complexity == Complexity.CONSTANT && c1 != 0) {
      throw new IllegalArgumentException("growth coefficient c1 (" + c1 + ") of O(1) must be 0");
    }
    if (deltaAicc < 0) {
      throw new IllegalArgumentException("delta AICc (" + deltaAicc + ") must be >= 0");
    }
  }

  /**
   * The fitted value at a size.
   *
   * @param n the size, at least 1
   * @return {@code c0 + c1 g(n)}
   * @throws IllegalArgumentException if {@code n} is below 1
   */
  public double predict(double n) {
    return complexity == Complexity.CONSTANT ? c0 : c0 + c1 * complexity.growth(n);
  }

  private static void finite(double v, String what) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " (" + v + ") must be a finite number");
    }
  }

  /** Prints {@code O(n): t = 12.3 + 0.456 g(n), AICc -80.1 (+0.00), deviation 3.1 %}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: t = %.4g + %.4g g(n), AICc %.2f (+%.2f), deviation %.1f %%",
        complexity.label(), c0, c1, aicc, deltaAicc, relativeDeviation * 100);
  }
}
