package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import dev.perfgate.api.internal.Names;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A limit on a statistic of a metric: "p95 of time per operation at most 100 ms". Targets are
 * evaluated against a {@link Result} into a {@link Verdict}.
 *
 * <pre>{@code
 * Target fast = Target.on(Metric.WALL_TIME).p95().atMost(Duration.ofMillis(100));
 * Target lean = Target.on("alloc.bytes").median().atMost(Quantity.kilobytes(64));
 * Target hits = Target.on("cache.hit.ratio").mean().atLeast(Quantity.percent(95));
 * }</pre>
 *
 * @param metric the name of the metric limited
 * @param statistic the statistic of its values that is limited
 * @param bound whether the statistic must stay at most or at least the limit
 * @param limit the limit, with its unit
 */
public record Target(String metric, Statistic statistic, Bound bound, Quantity limit) {

  /** Which side of the limit passes. */
  public enum Bound {
    /** The statistic must be less than or equal to the limit. */
    AT_MOST("<="),
    /** The statistic must be greater than or equal to the limit. */
    AT_LEAST(">=");

    private final String symbol;

    Bound(String symbol) {
      this.symbol = symbol;
    }

    /**
     * The comparison as a symbol.
     *
     * @return {@code <=} or {@code >=}
     */
    public String symbol() {
      return symbol;
    }
  }

  /**
   * Creates a target. A limit that no measurement could ever meet, or that every measurement meets,
   * is refused here rather than found out after the run: a time or a throughput must be above zero
   * (no work takes no time), and "at least 0" bytes or things always holds. "At most 0" bytes or
   * things is a real target (allocates nothing, loads nothing); a ratio limit may be negative (a
   * relative change).
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the limit is zero for a time or a throughput, or zero as a
   *     lower bound of bytes or a count
   */
  public Target {
    Checks.name(metric, "target metric");
    Checks.notNull(statistic, "statistic");
    Checks.notNull(bound, "bound");
    Checks.notNull(limit, "limit");
    String what = statistic.label() + " " + label(metric) + " " + bound.symbol() + " " + limit;
    if (limit.unit() == Unit.NANOSECONDS || limit.unit() == Unit.OPS_PER_SECOND) {
      Checks.argument(limit.value() > 0, "the limit of target '%s' must be positive: a measured %s is never 0",
          what, limit.unit() == Unit.NANOSECONDS ? "time" : "throughput");
    } else if (limit.unit() != Unit.RATIO && bound == Bound.AT_LEAST) {
      Checks.argument(limit.value() > 0, "target '%s' always holds, so it cannot fail; give a limit above 0", what);
    }
  }

  /**
   * Starts a target on a metric.
   *
   * @param metric the metric
   * @return a step that chooses the statistic
   */
  public static Selector on(Metric metric) {
    return new Selector(Checks.notNull(metric, "metric").name(), metric);
  }

  /**
   * Starts a target on a metric named by a probe, such as {@code cache.hit.ratio}.
   *
   * @param metricName the metric's name
   * @return a step that chooses the statistic
   */
  public static Selector on(String metricName) {
    return new Selector(Checks.name(metricName, "metric name"), null);
  }

  /**
   * Evaluates this target against a result.
   *
   * <p>The statistic is taken over every sample's value when the metric is recorded per sample,
   * otherwise over one value per trial. A metric a probe could not measure here gives
   * {@link Status#NOT_MEASURED} with the probe's reason; a metric that nothing in the run records (a
   * misspelt name, a probe that is not turned on) gives {@link Status#ERROR}, naming the nearest
   * recorded metric; a failed benchmark gives {@link Status#ERROR}.
   *
   * @param result the result
   * @return the verdict, whose message states the measurement against the limit
   * @throws IllegalArgumentException if the metric's unit differs from the limit's unit
   */
  public Verdict evaluate(Result result) {
    Subject subject = Subject.of(result.key());
    if (result.error().isPresent()) {
      return verdict(subject, Optional.empty(), TargetCheck.failed(result.key(), this,
          "benchmark failed: " + result.error().get()));
    }
    Optional<Metric> found = result.metric(metric);
    if (found.isEmpty()) {
      List<String> recorded = result.metrics().stream().map(Metric::name).toList();
      String hint = Names.nearest(metric, recorded).map(n -> " (did you mean '" + n + "'?)").orElse("");
      return verdict(subject, Optional.empty(), TargetCheck.failed(result.key(), this, "no probe in this run"
          + " records '" + metric + "'" + hint + "; metrics recorded: " + recorded
          + " (a probe's metric needs its probe turned on: Suite.Builder.probes(id))"));
    }
    if (result.values(found.get()).length == 0) {
      String reason = Optional.ofNullable(result.notMeasured().get(found.get()))
          .orElse("no value of '" + metric + "' was recorded");
      return verdict(subject, found, TargetCheck.notMeasured(result.key(), this, reason));
    }
    Metric m = found.get();
    checkUnit(metric, m.unit(), limit);
    double measured = result.statistic(m, statistic);
    return verdict(subject, found, TargetCheck.measured(result.key(), this, m, measured));
  }

  private Verdict verdict(Subject subject, Optional<Metric> metric, TargetCheck detail) {
    return new Verdict(subject, toString(), detail.status(), metric, detail);
  }

  /**
   * Whether a measured value of the statistic meets this target.
   *
   * @param measured the statistic's value
   * @return true if it is on the passing side of the limit or on it
   */
  public boolean isMetBy(double measured) {
    return bound == Bound.AT_MOST ? measured <= limit.value() : measured >= limit.value();
  }

  private static void checkUnit(String metric, Unit unit, Quantity limit) {
    Checks.argument(unit == limit.unit(),
        "target on '%s' has a limit in %s but the metric is measured in %s; give the limit in %s",
        metric, limit.unit(), unit, unit);
  }

  /** Per-operation metrics read better as "time/op" than as their dotted names. */
  static String label(String metric) {
    return Metric.label(metric);
  }

  @Override
  public String toString() {
    return statistic.label() + " " + label(metric) + " " + bound.symbol() + " " + limit;
  }

  /** Chooses the statistic of a target under construction. */
  public static final class Selector {
    private final String metric;
    /** The metric when the target names it by object, so that a limit in another unit is refused at once. */
    private final Metric known;

    private Selector(String metric, Metric known) {
      this.metric = metric;
      this.known = known;
    }

    /**
     * Limits the given statistic.
     *
     * @param statistic the statistic
     * @return a step that sets the limit
     */
    public Limiter statistic(Statistic statistic) {
      return new Limiter(metric, known, Checks.notNull(statistic, "statistic"));
    }

    /** @return a step that limits the median */
    public Limiter median() {
      return statistic(Statistic.MEDIAN);
    }

    /** @return a step that limits the mean */
    public Limiter mean() {
      return statistic(Statistic.MEAN);
    }

    /** @return a step that limits the 90th percentile */
    public Limiter p90() {
      return statistic(Statistic.P90);
    }

    /** @return a step that limits the 95th percentile */
    public Limiter p95() {
      return statistic(Statistic.P95);
    }

    /** @return a step that limits the 99th percentile */
    public Limiter p99() {
      return statistic(Statistic.P99);
    }

    /** @return a step that limits the largest value */
    public Limiter max() {
      return statistic(Statistic.MAX);
    }

    /** @return a step that limits the smallest value */
    public Limiter min() {
      return statistic(Statistic.MIN);
    }
  }

  /** Sets the limit of a target under construction. */
  public static final class Limiter {
    private final String metric;
    private final Metric known;
    private final Statistic statistic;

    private Limiter(String metric, Metric known, Statistic statistic) {
      this.metric = metric;
      this.known = known;
      this.statistic = statistic;
    }

    private Quantity checked(Quantity limit) {
      Checks.notNull(limit, "limit");
      if (known != null) {
        checkUnit(metric, known.unit(), limit);
      }
      return limit;
    }

    /**
     * The statistic must be at most this quantity.
     *
     * @param limit the limit
     * @return the target
     * @throws IllegalArgumentException if the limit can never be met or can never fail (see
     *     {@link Target#Target(String, Statistic, Bound, Quantity)}), or is in another unit than the
     *     metric's
     */
    public Target atMost(Quantity limit) {
      return new Target(metric, statistic, Bound.AT_MOST, checked(limit));
    }

    /**
     * The statistic must be at most this duration.
     *
     * @param limit the limit, positive
     * @return the target
     * @throws IllegalArgumentException if the limit is zero or negative
     */
    public Target atMost(Duration limit) {
      return atMost(Quantity.of(limit));
    }

    /**
     * The statistic must be at least this quantity.
     *
     * @param limit the limit
     * @return the target
     * @throws IllegalArgumentException if the limit can never be met or can never fail (see
     *     {@link Target#Target(String, Statistic, Bound, Quantity)}), or is in another unit than the
     *     metric's
     */
    public Target atLeast(Quantity limit) {
      return new Target(metric, statistic, Bound.AT_LEAST, checked(limit));
    }
  }
}
