package dev.perfgate.generator.micrometer;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Status;
import dev.perfgate.api.Unit;
import dev.perfgate.api.Verdict;
import dev.perfgate.generator.Report;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Publishes a {@link Report} to a Micrometer {@link MeterRegistry}, so that results from many CI
 * machines land in the monitoring system a team already runs (Prometheus, Graphite, InfluxDB,
 * Datadog, ...).
 *
 * <p>For every metric of every successful result it registers two gauges, the median and the
 * p95, tagged {@code benchmark}, {@code size} ({@code none} without one), {@code threads},
 * {@code metric} and {@code statistic}. One meter name per unit keeps each name's unit fixed, as
 * Prometheus requires:
 * <ul>
 *   <li>{@value #TIME}: a {@link TimeGauge} for metrics in nanoseconds ({@code time.wall}, {@code time.cpu}),
 *       converted by the registry to its base time unit;
 *   <li>{@value #BYTES}: bytes ({@code alloc.bytes}, {@code heap.peak});
 *   <li>{@value #RATIO}, {@value #THROUGHPUT}, {@value #COUNT}: the other units.
 * </ul>
 * It also registers {@value #VERDICTS} tagged {@code status} (a gauge for every status, zero
 * included), {@value #ERRORS} (benchmarks that failed to run) and {@value #PASSED} (1 or 0).
 *
 * <p>Micrometer is an optional dependency of Perfgate: this class needs {@code micrometer-core}
 * on the class path, and nothing else in Perfgate loads Micrometer.
 *
 * <p>Gauges hold the published values strongly. Publishing another report replaces the gauges of
 * the same name and tags, so a long-lived registry shows the latest run; gauges of variants the new
 * report does not have stay as they were (another suite may have published them).
 *
 * <pre>{@code
 * MeterRegistry registry = new SimpleMeterRegistry();
 * MicrometerExport.publish(suite.run(), registry);
 * }</pre>
 */
public final class MicrometerExport {

  /** Meter name of time metrics. */
  public static final String TIME = "perfgate.result.time";
  /** Meter name of byte metrics. */
  public static final String BYTES = "perfgate.result.bytes";
  /** Meter name of ratio metrics (0..1). */
  public static final String RATIO = "perfgate.result.ratio";
  /** Meter name of throughput metrics (operations per second). */
  public static final String THROUGHPUT = "perfgate.result.throughput";
  /** Meter name of count metrics. */
  public static final String COUNT = "perfgate.result.count";
  /** Meter name of the number of verdicts of each status. */
  public static final String VERDICTS = "perfgate.verdicts";
  /** Meter name of the number of benchmark variants that failed to run. */
  public static final String ERRORS = "perfgate.errors";
  /** Meter name of the suite's outcome: 1 if it passed, 0 if not. */
  public static final String PASSED = "perfgate.passed";

  private static final List<Statistic> STATISTICS = List.of(Statistic.MEDIAN, Statistic.P95);

  private MicrometerExport() {}

  /**
   * Registers gauges of a report's results and verdicts in a registry, replacing earlier ones of
   * the same name and tags.
   *
   * @param report the report
   * @param registry the registry
   * @return the meters registered, in order: results, then verdict counts, errors and the outcome
   * @throws NullPointerException if an argument is null
   */
  public static List<Meter> publish(Report report, MeterRegistry registry) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(registry, "registry");
    List<Meter> meters = new ArrayList<>();
    int errors = 0;
    for (Result r : report.results()) {
      if (!r.succeeded()) {
        errors++;
        continue;
      }
      Tags key = Tags.of("benchmark", r.key().name(),
          "size", r.key().size().isPresent() ? Integer.toString(r.key().size().getAsInt()) : "none",
          "threads", Integer.toString(r.key().threads()));
      for (Metric m : r.metrics()) {
        for (Statistic s : STATISTICS) {
          double value = r.statistic(m, s);
          if (Double.isFinite(value)) {
            meters.add(gauge(registry, m, key.and("metric", m.name(), "statistic", s.label()), value));
          }
        }
      }
    }
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      counts.put(s, 0);
    }
    for (Verdict v : report.verdicts()) {
      counts.merge(v.status(), 1, Integer::sum);
    }
    counts.forEach((s, n) -> {
      Tags tags = Tags.of("status", s.name().toLowerCase(Locale.ROOT));
      meters.add(replace(registry, VERDICTS, tags, () -> Gauge.builder(VERDICTS, () -> n).tags(tags)
          .description("verdicts of the last Perfgate run with this status").register(registry)));
    });
    int errorCount = errors;
    meters.add(replace(registry, ERRORS, Tags.empty(), () -> Gauge.builder(ERRORS, () -> errorCount)
        .description("benchmark variants of the last Perfgate run that threw or timed out").register(registry)));
    int passed = report.passed() ? 1 : 0;
    meters.add(replace(registry, PASSED, Tags.empty(), () -> Gauge.builder(PASSED, () -> passed)
        .description("1 if the last Perfgate run passed every check, 0 if not").register(registry)));
    return meters;
  }

  private static Meter gauge(MeterRegistry registry, Metric m, Tags tags, double value) {
    // One description per meter name: Prometheus keeps one HELP line per name, so the metric's
    // own name goes into the tags, not the description.
    String description = "a statistic (tag statistic) of a Perfgate metric (tag metric) of the last run";
    if (m.unit() == Unit.NANOSECONDS) {
      return replace(registry, TIME, tags, () -> TimeGauge.builder(TIME, () -> value, TimeUnit.NANOSECONDS)
          .tags(tags).description(description).register(registry));
    }
    String name;
    String baseUnit;
    switch (m.unit()) {
      case BYTES -> {
        name = BYTES;
        baseUnit = "bytes";
      }
      case RATIO -> {
        name = RATIO;
        baseUnit = "ratio";
      }
      case OPS_PER_SECOND -> {
        name = THROUGHPUT;
        baseUnit = "operations per second";
      }
      default -> {
        name = COUNT;
        baseUnit = null;
      }
    }
    return replace(registry, name, tags, () -> {
      Gauge.Builder<?> b = Gauge.builder(name, () -> value).tags(tags).description(description);
      return (baseUnit == null ? b : b.baseUnit(baseUnit)).register(registry);
    });
  }

  /**
   * Registers a gauge after removing an earlier one of the same name and tags: a registry hands back
   * the existing meter for a known id, which would keep showing the previous run's value.
   */
  private static Meter replace(MeterRegistry registry, String name, Tags tags, Supplier<Meter> register) {
    // Every tag of ours is on the old meter; it may carry more (the registry's common tags).
    registry.find(name).tags(tags).meters().forEach(registry::remove);
    return register.get();
  }
}
