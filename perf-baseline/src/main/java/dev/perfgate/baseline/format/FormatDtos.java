package dev.perfgate.baseline.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Direction;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Ruler;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import dev.perfgate.api.Unit;
import dev.perfgate.api.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The JSON shapes of the Perfgate result format, the one set that the baseline store's files and
 * the JSON report share (the schema is {@code perfgate-result.schema.json} beside these classes).
 * They are separate from the perf-api records on purpose: the format must not change when a Java
 * type gains a component. Optional fields are left out when absent; a reader ignores fields it does
 * not know, so a field added later does not raise {@link ResultFormat#VERSION}.
 */
public final class FormatDtos {
  private FormatDtos() {}

  /**
   * A store file. Version 2: a baseline file has {@code baselines} (one per environment
   * fingerprint), a history file {@code history}; the environments its runs name are written once
   * each under {@code environments}. Version 1 (Perfgate 0.1, read only): {@code baseline} and
   * {@code history} in one file, each run with its environment inline.
   *
   * @param formatVersion the format version
   * @param key the benchmark variant every run of the file measured
   * @param metrics the definitions of every metric the runs name
   * @param environments version 2: the environments by id
   * @param baseline version 1: the baseline, or null
   * @param baselines version 2: the baselines, or null in a history file
   * @param history the history, oldest first, or null in a baseline file
   */
  @JsonPropertyOrder({"formatVersion", "key", "metrics", "environments", "baseline", "baselines", "history"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FileDto(int formatVersion, KeyDto key, List<MetricDto> metrics,
      Map<String, EnvironmentDto> environments, RunDto baseline, List<RunDto> baselines, List<RunDto> history) {}

  /**
   * A benchmark variant.
   *
   * @param name the benchmark's name
   * @param size its size, or null when it has none
   * @param threads the threads it ran on
   */
  @JsonPropertyOrder({"name", "size", "threads"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record KeyDto(String name, Integer size, int threads) {

    /**
     * The shape of a key.
     *
     * @param k the key
     * @return its shape
     */
    public static KeyDto of(BenchmarkKey k) {
      return new KeyDto(k.name(), k.size().isPresent() ? k.size().getAsInt() : null, k.threads());
    }

    /**
     * The key this shape holds.
     *
     * @return the key
     * @throws IllegalArgumentException if the name is missing or a value is out of range
     */
    public BenchmarkKey toKey() {
      return new BenchmarkKey(name, size == null ? OptionalInt.empty() : OptionalInt.of(size), threads);
    }
  }

  /**
   * A metric: its definition (name, unit, direction) and, in a report, its summary over the run
   * (symbol, count, statistics, trial values), which a reader never needs, since it follows from the
   * samples.
   *
   * @param name the dotted name, such as {@code time.wall}
   * @param unit the {@link Unit} constant
   * @param symbol report only: the unit's symbol
   * @param direction the {@link Direction} constant
   * @param count report only: how many sample values the run holds
   * @param statistics report only: each statistic by its label; null where undefined
   * @param trialValues report only: one value per trial
   */
  @JsonPropertyOrder({"name", "unit", "symbol", "direction", "count", "statistics", "trialValues"})
  public record MetricDto(String name, String unit, @JsonInclude(JsonInclude.Include.NON_NULL) String symbol,
      String direction, @JsonInclude(JsonInclude.Include.NON_NULL) Integer count,
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> statistics,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> trialValues) {

    /**
     * A metric's definition.
     *
     * @param m the metric
     * @return its definition
     */
    public static MetricDto of(Metric m) {
      return new MetricDto(m.name(), m.unit().name(), null, m.direction().name(), null, null, null);
    }

    /**
     * A metric with its summary, as a report writes it.
     *
     * @param m the metric
     * @param count the sample values
     * @param statistics each statistic by its label
     * @param trialValues one value per trial
     * @return the metric and its summary
     */
    public static MetricDto summary(Metric m, int count, Map<String, Double> statistics, List<Double> trialValues) {
      return new MetricDto(m.name(), m.unit().name(), m.unit().symbol(), m.direction().name(), count, statistics,
          trialValues);
    }

    /**
     * The metric this shape defines.
     *
     * @return the metric
     * @throws IllegalArgumentException if the unit or direction is missing or unknown
     */
    public Metric toMetric() {
      Checks.argument(unit != null && direction != null, "metric '%s' has no unit or no direction", name);
      return new Metric(name, Unit.valueOf(unit), Direction.valueOf(direction));
    }
  }

  /**
   * Where a run was measured. A report writes the fingerprint; a store leaves it out, since it
   * follows from the rest.
   *
   * @param fingerprint report only: {@link Environment#fingerprint()}
   * @param jvmVendor the JVM's vendor
   * @param jvmVersion the JVM's version
   * @param jvmName the JVM's name
   * @param garbageCollectors the collectors' names
   * @param maxHeapBytes the maximum heap
   * @param jvmArguments the JVM's arguments
   * @param cpuModel the CPU
   * @param cpus the CPUs the JVM sees
   * @param os the operating system
   * @param arch the architecture
   * @param warnings what makes figures from here less trustworthy
   * @param properties further properties, sorted by name
   * @param ruler the ruler's figures measured with the run; absent where none ran and in files
   *     written before the ruler existed
   */
  @JsonPropertyOrder({"fingerprint", "jvmVendor", "jvmVersion", "jvmName", "garbageCollectors", "maxHeapBytes",
      "jvmArguments", "cpuModel", "cpus", "os", "arch", "warnings", "properties", "ruler"})
  public record EnvironmentDto(@JsonInclude(JsonInclude.Include.NON_NULL) String fingerprint, String jvmVendor,
      String jvmVersion, String jvmName, List<String> garbageCollectors, long maxHeapBytes, List<String> jvmArguments,
      String cpuModel, int cpus, String os, String arch, List<String> warnings, Map<String, String> properties,
      @JsonInclude(JsonInclude.Include.NON_NULL) RulerDto ruler) {

    /**
     * The shape of an environment.
     *
     * @param e the environment
     * @param withFingerprint whether to write the fingerprint (a report does, a store does not)
     * @return its shape
     */
    public static EnvironmentDto of(Environment e, boolean withFingerprint) {
      return new EnvironmentDto(withFingerprint ? e.fingerprint() : null, e.jvmVendor(), e.jvmVersion(), e.jvmName(),
          e.garbageCollectors(), e.maxHeapBytes(), e.jvmArguments(), e.cpuModel(), e.cpus(), e.os(), e.arch(),
          e.warnings(), new TreeMap<>(e.properties()), e.ruler().map(RulerDto::of).orElse(null));
    }

    /**
     * The environment this shape holds; the fingerprint is computed again, not read.
     *
     * @return the environment
     * @throws IllegalArgumentException if a value is missing
     */
    public Environment toEnvironment() {
      return new Environment(jvmVendor, jvmVersion, jvmName, orEmpty(garbageCollectors), maxHeapBytes,
          orEmpty(jvmArguments), cpuModel, cpus, os, arch, orEmpty(warnings), properties == null ? Map.of() : properties,
          Optional.ofNullable(ruler).map(RulerDto::toRuler));
    }
  }

  /**
   * The ruler's figures as a file and a report write them: each part's median and spread of one
   * trial in nanoseconds, its trial count, and the ruler's whole cost.
   *
   * @param parts the parts, in order
   * @param elapsedNanos the wall time the ruler took, in nanoseconds
   */
  @JsonPropertyOrder({"parts", "elapsedNanos"})
  public record RulerDto(List<RulerPartDto> parts, long elapsedNanos) {

    /**
     * The shape of a ruler.
     *
     * @param r the ruler
     * @return its shape
     */
    public static RulerDto of(Ruler r) {
      return new RulerDto(r.parts().stream().map(p -> new RulerPartDto(p.name(), p.median(), p.spread(), p.trials()))
          .toList(), r.elapsed().toNanos());
    }

    /**
     * The ruler this shape holds.
     *
     * @return the ruler
     * @throws IllegalArgumentException if a figure is missing or out of range
     */
    public Ruler toRuler() {
      Checks.argument(parts != null, "ruler has no parts");
      return new Ruler(parts.stream().map(p -> new Ruler.Part(p.name(), p.median(), p.spread(), p.trials())).toList(),
          Duration.ofNanos(elapsedNanos));
    }
  }

  /**
   * One part of the ruler.
   *
   * @param name the part, such as {@code cpu}
   * @param median the median time of one trial in nanoseconds
   * @param spread 1.4826 times the median absolute deviation of the trial times, in nanoseconds
   * @param trials the number of trials
   */
  @JsonPropertyOrder({"name", "median", "spread", "trials"})
  public record RulerPartDto(String name, double median, double spread, int trials) {}

  /**
   * A trial in its object form, as a report and a version 1 file write it. A version 2 file writes
   * the same trial as an array of sample arrays, or as this object with sample arrays (see
   * {@link ResultFormat}).
   *
   * @param index the trial's index in the run
   * @param samples its samples, in order
   * @param values trial-level values by metric name
   * @param fork the forked JVM the trial ran in (1, 2, ...); absent for fork 0, which is also every
   *     trial of a run without forks, so that files of such runs read as before
   */
  @JsonPropertyOrder({"index", "samples", "values", "fork"})
  public record TrialDto(int index, List<SampleDto> samples, Map<String, Double> values,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer fork) {

    /**
     * A trial's shape, its values in the given metric order.
     *
     * @param t the trial
     * @param order the metrics in the order to write them
     * @return its shape
     */
    public static TrialDto of(Trial t, List<Metric> order) {
      List<SampleDto> samples = new ArrayList<>();
      for (Sample s : t.samples()) {
        samples.add(new SampleDto(s.operations(), s.elapsedNanos(), ordered(s.values(), order)));
      }
      return new TrialDto(t.index(), samples, ordered(t.values(), order), t.fork() == 0 ? null : t.fork());
    }
  }

  /**
   * A sample in its object form.
   *
   * @param operations the operations it timed
   * @param elapsedNanos its length
   * @param values each metric's value per operation, by name
   */
  @JsonPropertyOrder({"operations", "elapsedNanos", "values"})
  public record SampleDto(long operations, long elapsedNanos, Map<String, Double> values) {}

  /**
   * A metric a run could not measure, in the self-describing form of a report.
   *
   * @param metric the metric's name
   * @param unit its unit
   * @param direction its direction
   * @param reason why it was not measured
   */
  @JsonPropertyOrder({"metric", "unit", "direction", "reason"})
  public record NotMeasuredDto(String metric, String unit, String direction, String reason) {

    /**
     * The metric this names.
     *
     * @return the metric
     */
    public Metric toMetric() {
      return new MetricDto(metric, unit, null, direction, null, null, null).toMetric();
    }
  }

  /**
   * A run in a store file. {@code environment} is, in version 2, the id of an entry of the file's
   * {@code environments} (the fingerprint, a dash and a hash of the content), in version 1 the
   * environment itself. A trial is an array of sample arrays (in the order of {@code columns}) when
   * its index is its position and it has no trial-level values, else an object: {@link TrialDto},
   * whose samples may be arrays.
   *
   * @param savedAt when the store saved it
   * @param revision the commit measured ({@link dev.perfgate.api.Provenance#commit()})
   * @param branch the branch measured ({@link dev.perfgate.api.Provenance#branch()}); absent in files
   *     of Perfgate 0.2 and older
   * @param ciRunId the CI run that measured it ({@link dev.perfgate.api.Provenance#ciRunId()}); absent
   *     in files of Perfgate 0.2 and older
   * @param startedAt when the run began
   * @param elapsedNanos how long the run took
   * @param environment the environment's id, or (version 1) the environment
   * @param error the benchmark's failure, if any
   * @param warnings the run's warnings
   * @param notMeasured the reasons by metric name
   * @param columns the sample columns: operations, elapsedNanos, then the metric names
   * @param trials the trials
   */
  @JsonPropertyOrder({"savedAt", "revision", "branch", "ciRunId", "startedAt", "elapsedNanos", "environment", "error",
      "warnings", "notMeasured", "columns", "trials"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RunDto(String savedAt, String revision, String branch, String ciRunId, String startedAt,
      long elapsedNanos, JsonNode environment, String error, List<String> warnings, Map<String, String> notMeasured,
      List<String> columns, List<JsonNode> trials) {}

  /** Values in the given metric order, so that every sample lists its metrics the same way. */
  static Map<String, Double> ordered(Map<Metric, Double> values, List<Metric> order) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Metric m : order) {
      Double v = values.get(m);
      if (v != null) {
        out.put(m.name(), v);
      }
    }
    return out;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
