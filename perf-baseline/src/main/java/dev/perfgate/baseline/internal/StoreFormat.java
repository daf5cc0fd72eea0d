package dev.perfgate.baseline.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the store's files. They are separate from the perf-api records on purpose: the
 * file format must not change when a Java type gains a component. Every change of these shapes that
 * an older reader cannot ignore raises {@link #VERSION}.
 *
 * <p>Version 1 (Perfgate 0.1): one file per variant holding the baseline and the history, every
 * sample an object naming each metric. Version 2: the baselines (one per environment fingerprint)
 * in {@code <name>.json}, the history in {@code history/<name>.json}; each run names its sample
 * columns once and writes a sample as one array, a trial as one line.
 */
final class StoreFormat {
  private StoreFormat() {}

  /** The format version this code writes and the newest it reads. */
  static final int VERSION = 2;

  /** The sample columns every version 2 run starts with; the metric names follow. */
  static final List<String> FIXED_COLUMNS = List.of("operations", "elapsedNanos");

  @JsonPropertyOrder({"formatVersion", "key", "metrics", "baseline", "history"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FileDto(int formatVersion, KeyDto key, List<MetricDto> metrics, RunDto baseline, List<RunDto> history) {}

  /**
   * Version 2: a baseline file has {@code baselines}, a history file has {@code history}. The
   * environments the runs name are written once each, under a hash of their content.
   */
  @JsonPropertyOrder({"formatVersion", "key", "metrics", "environments", "baselines", "history"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FileDto2(int formatVersion, KeyDto key, List<MetricDto> metrics, Map<String, EnvironmentDto> environments,
      List<RunDto2> baselines, List<RunDto2> history) {}

  @JsonPropertyOrder({"name", "size", "threads"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record KeyDto(String name, Integer size, int threads) {}

  @JsonPropertyOrder({"name", "unit", "direction"})
  record MetricDto(String name, String unit, String direction) {}

  @JsonPropertyOrder({"savedAt", "revision", "startedAt", "elapsedNanos", "fingerprint", "environment", "error",
      "warnings", "notMeasured", "trials"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RunDto(String savedAt, String revision, String startedAt, long elapsedNanos, String fingerprint,
      EnvironmentDto environment, String error, List<String> warnings, Map<String, String> notMeasured,
      List<TrialDto> trials) {}

  /**
   * A run in version 2. {@code environment} names an entry of the file's {@code environments}: the
   * environment's fingerprint, a dash and a hash of its content. A trial is an array of samples when
   * its index is its position and it has no trial-level values, else an object like
   * {@link TrialDto2}.
   */
  @JsonPropertyOrder({"savedAt", "revision", "startedAt", "elapsedNanos", "environment", "error",
      "warnings", "notMeasured", "columns", "trials"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RunDto2(String savedAt, String revision, String startedAt, long elapsedNanos,
      String environment, String error, List<String> warnings, Map<String, String> notMeasured,
      List<String> columns, List<JsonNode> trials) {}

  @JsonPropertyOrder({"jvmVendor", "jvmVersion", "jvmName", "garbageCollectors", "maxHeapBytes", "jvmArguments",
      "cpuModel", "cpus", "os", "arch", "warnings", "properties"})
  record EnvironmentDto(String jvmVendor, String jvmVersion, String jvmName, List<String> garbageCollectors,
      long maxHeapBytes, List<String> jvmArguments, String cpuModel, int cpus, String os, String arch,
      List<String> warnings, Map<String, String> properties) {}

  @JsonPropertyOrder({"index", "values", "samples"})
  record TrialDto(int index, Map<String, Double> values, List<SampleDto> samples) {}

  @JsonPropertyOrder({"operations", "elapsedNanos", "values"})
  record SampleDto(long operations, long elapsedNanos, Map<String, Double> values) {}

  /**
   * The object form of a version 2 trial. A sample is one array in the run's column order:
   * operations, elapsed nanoseconds, then the metrics (null where a sample lacks one).
   */
  record TrialDto2(int index, Map<String, Double> values, List<List<JsonNode>> samples) {}
}
