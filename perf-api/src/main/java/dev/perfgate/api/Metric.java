package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A named quantity with a unit and a direction, for example {@code time.wall} in nanoseconds per
 * operation, lower is better. Names are dotted and lowercase, like Micrometer's meter names.
 *
 * <p>Two metrics are the same metric when their names are equal; a name used with two different
 * units in one run is an error reported by the runner.
 *
 * <pre>{@code
 * Metric queries = Metric.of("db.queries", Unit.COUNT, Direction.LOWER_IS_BETTER);
 * }</pre>
 *
 * @param name dotted lowercase name such as {@code alloc.bytes}
 * @param unit the unit values are recorded in
 * @param direction which way the metric gets better
 */
public record Metric(String name, Unit unit, Direction direction) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");

  /** Wall-clock time per operation, in nanoseconds. */
  public static final Metric WALL_TIME = new Metric("time.wall", Unit.NANOSECONDS, Direction.LOWER_IS_BETTER);

  /** CPU time of the measuring thread per operation, in nanoseconds. */
  public static final Metric CPU_TIME = new Metric("time.cpu", Unit.NANOSECONDS, Direction.LOWER_IS_BETTER);

  /** Bytes allocated per operation by the measuring thread. */
  public static final Metric ALLOCATED_BYTES = new Metric("alloc.bytes", Unit.BYTES, Direction.LOWER_IS_BETTER);

  /** Operations per second of all threads together, recorded for runs on several threads. */
  public static final Metric THROUGHPUT = new Metric("throughput", Unit.OPS_PER_SECOND, Direction.HIGHER_IS_BETTER);

  /**
   * Median latency of single operations, each timed on its own, for runs on several threads whose
   * operations last a microsecond or more.
   */
  public static final Metric LATENCY_P50 = new Metric("latency.p50", Unit.NANOSECONDS, Direction.LOWER_IS_BETTER);

  /** 99th percentile of single-operation latency; see {@link #LATENCY_P50}. */
  public static final Metric LATENCY_P99 = new Metric("latency.p99", Unit.NANOSECONDS, Direction.LOWER_IS_BETTER);

  /** Largest single-operation latency; see {@link #LATENCY_P50}. */
  public static final Metric LATENCY_MAX = new Metric("latency.max", Unit.NANOSECONDS, Direction.LOWER_IS_BETTER);

  /**
   * The metrics of every benchmark, in the order reports show them: the primary metric, then the
   * secondary ones that every run records. Their short labels ({@code time/op}) replace their
   * dotted names in the reports.
   */
  private static final List<Metric> PER_OPERATION = List.of(WALL_TIME, CPU_TIME, ALLOCATED_BYTES);

  /** What part a metric plays in a report, as in JMH's result roles. */
  public enum Role {
    /**
     * The metric a report leads with: its own columns, its distribution chart, its trend. One
     * metric has it, {@link #WALL_TIME}.
     */
    PRIMARY,
    /** Every other metric: shown after the primary one, in its own row or cell. */
    SECONDARY
  }

  /**
   * Creates a metric.
   *
   * @throws IllegalArgumentException if the name is not dotted lowercase ({@code [a-z][a-z0-9_]*} parts)
   * @throws NullPointerException if an argument is null
   */
  public Metric {
    Checks.notNull(name, "metric name");
    Checks.notNull(unit, "unit of metric '" + name + "'");
    Checks.notNull(direction, "direction of metric '" + name + "'");
    Checks.argument(NAME.matcher(name).matches(),
        "metric name '%s' must be dotted lowercase words such as 'cache.hit.ratio'", name);
  }

  /**
   * Creates a metric.
   *
   * @param name dotted lowercase name
   * @param unit the unit values are recorded in
   * @param direction which way the metric gets better
   * @return the metric
   */
  public static Metric of(String name, Unit unit, Direction direction) {
    return new Metric(name, unit, direction);
  }

  /**
   * Formats a value of this metric for display, for example {@code 0.84 ms}.
   *
   * @param value a value in this metric's unit
   * @return the value as text
   */
  public String format(double value) {
    return unit.format(value);
  }

  /**
   * The part this metric plays in a report. Every report reads it rather than naming the metric
   * it leads with, so that the primary metric is decided here only.
   *
   * @return {@link Role#PRIMARY} for {@link #WALL_TIME}, {@link Role#SECONDARY} for every other metric
   */
  public Role role() {
    return equals(primary()) ? Role.PRIMARY : Role.SECONDARY;
  }

  /**
   * The one metric with {@link Role#PRIMARY}, which reports lead with: {@link #WALL_TIME}.
   *
   * @return the primary metric
   */
  public static Metric primary() {
    return WALL_TIME;
  }

  /**
   * The metric's name as a report labels it: {@code time/op}, {@code cpu/op} and {@code alloc/op}
   * for the per-operation metrics every run records, the dotted name for every other.
   *
   * @return the label
   */
  public String label() {
    return label(name);
  }

  /** The label of a metric known only by name, as a target names it. */
  static String label(String name) {
    switch (name) {
      case "time.wall":
        return "time/op";
      case "time.cpu":
        return "cpu/op";
      case "alloc.bytes":
        return "alloc/op";
      default:
        return name;
    }
  }

  /**
   * Whether this is one of the per-operation metrics every run records and reports label
   * ({@code time.wall}, {@code time.cpu}, {@code alloc.bytes}), rather than a probe's metric.
   *
   * @return true for those three
   */
  public boolean isPerOperation() {
    return PER_OPERATION.contains(this);
  }

  /**
   * The order in which reports list metrics: the primary metric, then the other per-operation
   * ones, then the rest by name. A result's own order follows its samples' unordered maps and may
   * differ between runs, which would reorder the reports and their diffs.
   *
   * @return the comparator
   */
  public static Comparator<Metric> reportOrder() {
    return Comparator.comparing(Metric::role).thenComparingInt((Metric m) -> {
      int i = PER_OPERATION.indexOf(m);
      return i < 0 ? PER_OPERATION.size() : i;
    }).thenComparing(Metric::name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Metric && ((Metric) o).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name + " [" + (unit.symbol().isEmpty() ? unit.name().toLowerCase(java.util.Locale.ROOT) : unit.symbol())
        + ", " + direction.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "]";
  }
}
