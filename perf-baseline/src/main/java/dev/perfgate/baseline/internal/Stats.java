package dev.perfgate.baseline.internal;

import java.util.Arrays;

/**
 * Distribution functions and robust summaries. The approximations are published ones: the
 * Chebyshev fit of erfc (Numerical Recipes, fractional error below 1.2e-7), Acklam's rational
 * approximation of the normal quantile (relative error below 1.2e-9), Lanczos' log-gamma and
 * Lentz's continued fraction for the regularised incomplete beta function.
 */
public final class Stats {
  private Stats() {}

  /** The constant that makes the MAD a consistent estimator of a normal standard deviation. */
  public static final double MAD_TO_SD = 1.4826;

  /**
   * The standard normal distribution function.
   *
   * @param x the point
   * @return P(Z &lt;= x)
   */
  public static double normalCdf(double x) {
    return 0.5 * erfc(-x / Math.sqrt(2));
  }

  private static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? ans : 2 - ans;
  }

  /**
   * The standard normal quantile.
   *
   * @param p the probability, strictly between 0 and 1
   * @return z with P(Z &lt;= z) = p
   * @throws IllegalArgumentException if p is not strictly between 0 and 1
   */
  public static double normalQuantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("probability (" + p + ") must be strictly between 0 and 1");
    }
    final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    double low = 0.02425;
    if (p < low || p > 1 - low) {
      double q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
      double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
      return p < low ? x : -x;
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }

  /**
   * Student's t distribution function.
   *
   * @param t the point
   * @param df degrees of freedom, positive
   * @return P(T &lt;= t)
   */
  public static double studentCdf(double t, double df) {
    if (Double.isInfinite(t)) {
      return t > 0 ? 1 : 0;
    }
    double tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
    return t > 0 ? 1 - tail : tail;
  }

  /**
   * Student's t quantile, by bisection on the distribution function (60 halvings: exact to
   * double precision for the quantiles used here).
   *
   * @param p the probability, strictly between 0 and 1
   * @param df degrees of freedom, positive
   * @return t with P(T &lt;= t) = p
   */
  public static double studentQuantile(double p, double df) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("probability (" + p + ") must be strictly between 0 and 1");
    }
    if (p < 0.5) {
      return -studentQuantile(1 - p, df);
    }
    double lo = 0;
    double hi = 1;
    while (studentCdf(hi, df) < p) {
      hi *= 2;
    }
    for (int i = 0; i < 100 && hi - lo > 1e-12 * hi; i++) {
      double mid = (lo + hi) / 2;
      if (studentCdf(mid, df) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** The regularised incomplete beta function I_x(a, b). */
  static double incompleteBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
    // The continued fraction converges fast only on one side of the mean; use the symmetry otherwise.
    if (x < (a + 1) / (a + b + 2)) {
      return front * betaFraction(x, a, b) / a;
    }
    return 1 - front * betaFraction(1 - x, b, a) / b;
  }

  private static double betaFraction(double x, double a, double b) {
    final double tiny = 1e-300;
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    d = Math.abs(d) < tiny ? tiny : d;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 300; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-15) {
        break;
      }
    }
    return h;
  }

  /** Lanczos' approximation (g = 7, nine coefficients) of ln Gamma(x) for x &gt; 0. */
  static double logGamma(double x) {
    final double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double z = x - 1;
    double sum = g[0];
    for (int i = 1; i < 9; i++) {
      sum += g[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /**
   * The median of values (type 7 interpolation), not modifying them.
   *
   * @param values the values
   * @return the median, NaN if empty
   */
  public static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] s = values.clone();
    Arrays.sort(s);
    return sortedMedian(s);
  }

  static double sortedMedian(double[] s) {
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /**
   * The median absolute deviation from the median (not scaled).
   *
   * @param values the values
   * @return the MAD, NaN if empty
   */
  public static double mad(double[] values) {
    double m = median(values);
    double[] dev = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      dev[i] = Math.abs(values[i] - m);
    }
    return median(dev);
  }

  /**
   * Natural logarithms of values.
   *
   * @param values positive values
   * @return their logarithms
   */
  public static double[] logs(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.log(values[i]);
    }
    return out;
  }

  /**
   * Whether every value is strictly positive (so that logarithms and ratios exist).
   *
   * @param values the values
   * @return true if all are &gt; 0
   */
  public static boolean allPositive(double[] values) {
    for (double v : values) {
      if (!(v > 0)) {
        return false;
      }
    }
    return true;
  }

  static double mean(double[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i];
    }
    return s / (to - from);
  }

  static double variance(double[] v, int from, int to) {
    double m = mean(v, from, to);
    double s = 0;
    for (int i = from; i < to; i++) {
      s += (v[i] - m) * (v[i] - m);
    }
    return s / (to - from - 1);
  }
}
