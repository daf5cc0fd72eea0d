package dev.perfgate.api.internal.stats;

/**
 * The standard normal distribution, to double precision: the cdf from its Taylor series
 * (Marsaglia 2004) and, in the tails, Laplace's continued fraction; the quantile by safeguarded
 * Newton steps on that cdf. Chosen over rational approximations (the Numerical Recipes erfc is
 * good to 1.2e-7 only) so that no p-value or bound depends on an approximation's error.
 */
public final class Normal {
  private Normal() {}

  /**
   * The distribution function.
   *
   * @param x the point
   * @return {@code P(Z <= x)}
   */
  public static double cdf(double x) {
    if (x < -37) {
      return 0;
    }
    if (x > 37) {
      return 1;
    }
    // Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...); every term is positive for x > 0, so the
    // sum is accurate in double precision; the lower tail is taken by symmetry to keep it accurate.
    double a = Math.abs(x);
    double term = a;
    double sum = a;
    double q = a * a;
    for (int k = 3; k < 2000; k += 2) {
      term *= q / k;
      double next = sum + term;
      if (next == sum) {
        break;
      }
      sum = next;
    }
    // beyond 3 the series' 0.5 - (almost 0.5) loses relative accuracy; the continued fraction keeps it
    double upperTail = a < 3 ? 0.5 - density(a) * sum : tail(a);
    return x >= 0 ? 1 - upperTail : upperTail;
  }

  /**
   * The upper tail {@code P(Z > x)}, accurate also where it is tiny.
   *
   * @param x the point
   * @return {@code 1 - cdf(x)}
   */
  public static double survival(double x) {
    return cdf(-x);
  }

  /**
   * The quantile function, the inverse of {@link #cdf(double)}.
   *
   * @param p a probability strictly between 0 and 1
   * @return {@code x} with {@code cdf(x) = p}
   * @throws IllegalArgumentException if {@code p} is not strictly between 0 and 1
   */
  public static double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("probability (" + p + ") must be strictly between 0 and 1");
    }
    if (p > 0.5) {
      return -quantile(1 - p);
    }
    // Newton steps kept inside a bracket that shrinks with every step (bisection when Newton would
    // leave it), from the logistic approximation; the cdf is smooth and monotone.
    double lo = -40;
    double hi = 0;
    double x = Math.max(lo, Math.log(p / (1 - p)) / 1.702);
    for (int i = 0; i < 200; i++) {
      double f = cdf(x) - p;
      if (f > 0) {
        hi = x;
      } else {
        lo = x;
      }
      double next = x - f / density(x);
      if (!(next > lo && next < hi)) {
        next = (lo + hi) / 2;
      }
      if (Math.abs(next - x) < 1e-14 * Math.max(1, Math.abs(x))) {
        return next;
      }
      x = next;
    }
    return x;
  }

  /**
   * The density.
   *
   * @param x the point
   * @return {@code exp(-x^2 / 2) / sqrt(2 pi)}
   */
  public static double density(double x) {
    return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  }

  /** Upper tail for large x by the Laplace continued fraction. */
  private static double tail(double x) {
    double f = x;
    for (int k = 300; k >= 1; k--) {
      f = x + k / f;
    }
    return density(x) / f;
  }
}
