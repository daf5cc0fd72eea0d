package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import java.time.Duration;

/**
 * A value with its unit: the typed limit of a {@link Target}. Factories convert to the base unit,
 * so {@code Quantity.of(Duration.ofMillis(100))} is 100,000,000 ns and {@code Quantity.megabytes(200)}
 * is 200 x 1024 x 1024 bytes.
 *
 * <p>Times, bytes, counts and throughputs are magnitudes, never below zero; a negative one is refused
 * when it is made, so that a typo such as {@code Duration.ofMillis(-1)} cannot become a limit that
 * every run fails. Ratios may be negative: a relative change such as "at least 5 % faster" is one.
 *
 * @param value the value in the unit's base (ns, bytes, count, ratio)
 * @param unit the unit
 */
public record Quantity(double value, Unit unit) {

  /**
   * Creates a quantity.
   *
   * @throws IllegalArgumentException if the value is NaN or infinite, or negative in a unit other than
   *     {@link Unit#RATIO}
   */
  public Quantity {
    Checks.finite(value, "quantity value");
    Checks.notNull(unit, "unit");
    Checks.argument(value >= 0 || unit == Unit.RATIO, "a quantity in %s (%s) must be >= 0", unit, value);
  }

  /**
   * A duration.
   *
   * @param duration the duration
   * @return the quantity in nanoseconds
   * @throws IllegalArgumentException if the duration is negative
   */
  public static Quantity of(Duration duration) {
    Checks.notNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration (" + Unit.NANOSECONDS.format(duration.toNanos()) + ") must be >= 0");
    }
    return new Quantity(duration.toNanos(), Unit.NANOSECONDS);
  }

  /**
   * A number of bytes.
   *
   * @param bytes the bytes
   * @return the quantity
   * @throws IllegalArgumentException if the value is negative
   */
  public static Quantity bytes(long bytes) {
    Checks.argument(bytes >= 0, "bytes (%s) must be >= 0", bytes);
    return new Quantity(bytes, Unit.BYTES);
  }

  /**
   * A number of kibibytes (1024 bytes), the "KB" of the reports.
   *
   * @param kilobytes the kilobytes
   * @return the quantity in bytes
   * @throws IllegalArgumentException if the value is negative
   */
  public static Quantity kilobytes(double kilobytes) {
    Checks.argument(kilobytes >= 0, "kilobytes (%s) must be >= 0", kilobytes);
    return new Quantity(kilobytes * 1024, Unit.BYTES);
  }

  /**
   * A number of mebibytes (1024 x 1024 bytes), the "MB" of the reports.
   *
   * @param megabytes the megabytes
   * @return the quantity in bytes
   * @throws IllegalArgumentException if the value is negative
   */
  public static Quantity megabytes(double megabytes) {
    Checks.argument(megabytes >= 0, "megabytes (%s) must be >= 0", megabytes);
    return new Quantity(megabytes * 1024 * 1024, Unit.BYTES);
  }

  /**
   * A ratio, 0.95 meaning 95 %.
   *
   * @param ratio the ratio
   * @return the quantity
   */
  public static Quantity ratio(double ratio) {
    return new Quantity(ratio, Unit.RATIO);
  }

  /**
   * A percentage, stored as a ratio: {@code percent(95)} equals {@code ratio(0.95)}.
   *
   * @param percent the percentage
   * @return the quantity
   */
  public static Quantity percent(double percent) {
    return new Quantity(percent / 100, Unit.RATIO);
  }

  /**
   * A count of things.
   *
   * @param count the count
   * @return the quantity
   * @throws IllegalArgumentException if the value is negative
   */
  public static Quantity count(double count) {
    Checks.argument(count >= 0, "count (%s) must be >= 0", count);
    return new Quantity(count, Unit.COUNT);
  }

  /**
   * Operations per second.
   *
   * @param opsPerSecond the throughput
   * @return the quantity
   * @throws IllegalArgumentException if the value is negative
   */
  public static Quantity throughput(double opsPerSecond) {
    Checks.argument(opsPerSecond >= 0, "throughput (%s) must be >= 0", opsPerSecond);
    return new Quantity(opsPerSecond, Unit.OPS_PER_SECOND);
  }

  @Override
  public String toString() {
    return unit.format(value);
  }
}
