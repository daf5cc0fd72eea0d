package dev.perfgate.api;

import java.util.Locale;

/**
 * The unit a {@link Metric} is measured in. Values are always stored in the base unit named here
 * (nanoseconds, bytes, a plain count, a ratio between 0 and 1) and only scaled for display.
 */
public enum Unit {
  /** Time in nanoseconds; shown as ns, us, ms or s. */
  NANOSECONDS("ns"),
  /** Memory in bytes; shown as B, KB, MB or GB (powers of 1024). */
  BYTES("B"),
  /** A plain count of things (files, models, collections). */
  COUNT(""),
  /** A dimensionless ratio, 0.95 meaning 95 %; shown as a percentage. */
  RATIO("%"),
  /** Operations per second. */
  OPS_PER_SECOND("ops/s");

  private final String symbol;

  Unit(String symbol) {
    this.symbol = symbol;
  }

  /**
   * The symbol of the base unit, empty for {@link #COUNT}.
   *
   * @return the symbol, never null
   */
  public String symbol() {
    return symbol;
  }

  /**
   * Formats a value of this unit for a person: three significant digits and a scaled unit, for
   * example {@code 0.84 ms}, {@code 1.50 MB}, {@code 95.0 %}. NaN is shown as {@code n/a}.
   *
   * @param value a value in the base unit
   * @return the value as text
   */
  public String format(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    switch (this) {
      case NANOSECONDS:
        return scaled(value, new double[] {1, 1e3, 1e6, 1e9}, new String[] {"ns", "us", "ms", "s"});
      case BYTES:
        return scaled(value, new double[] {1, 1024, 1024.0 * 1024, 1024.0 * 1024 * 1024},
            new String[] {"B", "KB", "MB", "GB"});
      case RATIO:
        return significant(value * 100) + " %";
      case OPS_PER_SECOND:
        return significant(value) + " ops/s";
      case COUNT:
      default:
        return significant(value);
    }
  }

  private static String scaled(double value, double[] factors, String[] names) {
    double magnitude = Math.abs(value);
    int i = 0;
    while (i + 1 < factors.length && magnitude >= factors[i + 1] * 0.9995) {
      i++;
    }
    return significant(value / factors[i]) + " " + names[i];
  }

  /** Three significant digits without scientific notation; whole numbers stay whole. */
  static String significant(double v) {
    double a = Math.abs(v);
    if (a == Math.rint(a) && a < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    if (a >= 0.001) {
      return String.format(Locale.ROOT, "%.3f", v);
    }
    if (a < 1e-6) {
      return "0.000";
    }
    return String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
  }
}
