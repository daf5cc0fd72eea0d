package dev.perfgate.collectors.micrometer.internal;

import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Unit;
import java.util.Arrays;
import java.util.List;

/**
 * A meter the user named and the metrics it becomes. Holds no Micrometer type.
 *
 * @param kind what kind of meter is expected
 * @param metricName the metric name it becomes
 * @param meterName the Micrometer meter name
 * @param tags tags that select the meters, as key-value pairs; meters that match are summed
 */
public record MeterSpec(Kind kind, String metricName, String meterName, List<String> tags) {

  /** The kinds of meter a delta can be taken of. */
  public enum Kind {
    /** A Counter or FunctionCounter: its count. */
    COUNTER("counter"),
    /** A Timer or FunctionTimer: its count and its total time. */
    TIMER("timer"),
    /** A DistributionSummary: its count and its total amount. */
    SUMMARY("summary");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    /**
     * The kind in words.
     *
     * @return the word
     */
    public String word() {
      return word;
    }
  }

  /**
   * Copies the tags.
   */
  public MeterSpec {
    tags = List.copyOf(tags);
  }

  /**
   * The metrics: {@code <metric>} (count per operation) and, for timers, {@code <metric>.time}
   * (nanoseconds per operation), for summaries {@code <metric>.total} (amount per operation).
   *
   * @return one or two metrics
   */
  public List<Metric> metrics() {
    Metric count = Metric.of(metricName, Unit.COUNT, Direction.LOWER_IS_BETTER);
    switch (kind) {
      case TIMER:
        return List.of(count, Metric.of(metricName + ".time", Unit.NANOSECONDS, Direction.LOWER_IS_BETTER));
      case SUMMARY:
        return List.of(count, Metric.of(metricName + ".total", Unit.COUNT, Direction.LOWER_IS_BETTER));
      case COUNTER:
      default:
        return List.of(count);
    }
  }

  /**
   * The meter and its tags as Micrometer prints them, such as {@code jdbc.statements{type=select}}.
   *
   * @return the text
   */
  public String describe() {
    StringBuilder b = new StringBuilder(meterName).append('{');
    for (int i = 0; i + 1 < tags.size(); i += 2) {
      b.append(i == 0 ? "" : ",").append(tags.get(i)).append('=').append(tags.get(i + 1));
    }
    return b.append('}').toString();
  }

  @Override
  public String toString() {
    return kind.word() + " " + describe() + " as " + metricName + " " + Arrays.toString(metrics().toArray());
  }
}
