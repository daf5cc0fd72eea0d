package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import java.util.Map;
import java.util.Optional;

/**
 * One timed batch of operations and the value of each metric recorded for it, normalised per
 * operation where the metric is a per-operation quantity.
 *
 * @param operations the number of operations in the batch, at least 1
 * @param elapsedNanos the wall time of the whole batch in nanoseconds
 * @param values the value of each metric recorded for this sample
 */
public record Sample(long operations, long elapsedNanos, Map<Metric, Double> values) {

  /**
   * Creates a sample.
   *
   * @throws IllegalArgumentException if operations is below 1, the time is negative, or a value is NaN
   */
  public Sample {
    Checks.argument(operations >= 1, "operations (%s) must be >= 1", operations);
    Checks.argument(elapsedNanos >= 0, "elapsed time (%s ns) must be >= 0", elapsedNanos);
    values = Map.copyOf(Checks.notNull(values, "values"));
    values.forEach((m, v) -> Checks.finite(v, "value of " + m.name()));
  }

  /**
   * The value of a metric in this sample.
   *
   * @param metric the metric
   * @return the value, empty if the sample has none for it
   */
  public Optional<Double> value(Metric metric) {
    return Optional.ofNullable(values.get(metric));
  }
}
