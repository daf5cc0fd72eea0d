package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import dev.perfgate.api.internal.stats.Moments;
import dev.perfgate.api.internal.stats.Percentile;
import java.util.Arrays;
import java.util.Locale;

/**
 * A statistic over a set of values: the thing a {@link Target} limits. Percentiles interpolate
 * linearly between order statistics (Hyndman and Fan type 7, the default of R and NumPy).
 */
public enum Statistic {
  /** The smallest value. */
  MIN("min"),
  /** The arithmetic mean. */
  MEAN("mean"),
  /** The 50th percentile. */
  MEDIAN("median"),
  /** The 90th percentile. */
  P90("p90"),
  /** The 95th percentile. */
  P95("p95"),
  /** The 99th percentile. */
  P99("p99"),
  /** The largest value. */
  MAX("max");

  private final String label;

  Statistic(String label) {
    this.label = label;
  }

  /**
   * The short label used in reports, such as {@code p95}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Computes this statistic.
   *
   * @param values the values, in any order; not modified
   * @return the statistic, or NaN if there are no values
   */
  public double of(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    switch (this) {
      case MIN:
        return sorted[0];
      case MAX:
        return sorted[sorted.length - 1];
      case MEAN:
        return Moments.mean(sorted);
      case MEDIAN:
        return percentile(sorted, 0.50);
      case P90:
        return percentile(sorted, 0.90);
      case P95:
        return percentile(sorted, 0.95);
      case P99:
      default:
        return percentile(sorted, 0.99);
    }
  }

  /**
   * The percentile {@code p} (0..1) of sorted values, interpolated linearly (type 7).
   *
   * @param sorted values in ascending order
   * @param p the quantile, between 0 and 1
   * @return the percentile, or NaN if there are no values
   * @throws IllegalArgumentException if p is outside 0..1
   */
  public static double percentile(double[] sorted, double p) {
    return Percentile.ofSorted(sorted, p);
  }

  /**
   * Parses a label such as {@code p95} or {@code median}, ignoring case.
   *
   * @param label the label
   * @return the statistic
   * @throws IllegalArgumentException if no statistic has that label
   */
  public static Statistic parse(String label) {
    for (Statistic s : values()) {
      if (s.label.equalsIgnoreCase(label) || s.name().equalsIgnoreCase(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown statistic '" + label + "'; use one of "
        + Arrays.toString(values()).toLowerCase(Locale.ROOT));
  }
}
