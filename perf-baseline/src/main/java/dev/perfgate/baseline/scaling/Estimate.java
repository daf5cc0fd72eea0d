package dev.perfgate.baseline.scaling;

import java.util.Locale;

/**
 * A point estimate with its confidence interval. A bound the data cannot give (too few
 * observations for the confidence asked) is infinite, never made up.
 *
 * @param value the point estimate
 * @param low the lower bound of the interval, possibly {@code -Infinity}
 * @param high the upper bound of the interval, possibly {@code +Infinity}
 * @param confidence the confidence level of the interval, such as 0.95
 */
public record Estimate(double value, double low, double high, double confidence) {

  /**
   * Creates an estimate.
   *
   * @throws IllegalArgumentException if the value is not finite, a bound is NaN, the bounds do not
   *     enclose the value, or the confidence is not strictly between 0 and 1
   */
  public Estimate {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("estimate (" + value + ") must be a finite number");
    }
    if (Double.isNaN(low) || Double.isNaN(high) || low > value || high < value) {
      throw new IllegalArgumentException(
          "interval " + low + " .. " + high + " must enclose the estimate " + value);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence (" + confidence + ") must be between 0 and 1, such as 0.95");
    }
  }

  /**
   * Whether both bounds are finite, that is whether the data gave an interval at all.
   *
   * @return true if both bounds are finite
   */
  public boolean isBounded() {
    return Double.isFinite(low) && Double.isFinite(high);
  }

  /**
   * Whether the interval contains a value.
   *
   * @param x the value
   * @return true if {@code low <= x <= high}
   */
  public boolean covers(double x) {
    return low <= x && x <= high;
  }

  /**
   * The same estimate with every figure passed through a function that keeps order, such as
   * {@code Math::exp}.
   *
   * @param f an increasing function
   * @return the mapped estimate
   * @throws NullPointerException if {@code f} is null
   */
  Estimate map(java.util.function.DoubleUnaryOperator f) {
    return new Estimate(f.applyAsDouble(value), f.applyAsDouble(low), f.applyAsDouble(high), confidence);
  }

  /** Prints {@code 1.02 (95 % CI 0.97 .. 1.08)}. */
  @Override
  public String toString() {
    return format(value) + " (" + percent(confidence) + " CI " + format(low) + " .. " + format(high) + ")";
  }

  static String percent(double confidence) {
    double p = confidence * 100;
    return (p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.1f", p)) + " %";
  }

  static String format(double x) {
    if (x == Double.POSITIVE_INFINITY) {
      return "+inf";
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return "-inf";
    }
    return String.format(Locale.ROOT, "%.2f", x);
  }
}
