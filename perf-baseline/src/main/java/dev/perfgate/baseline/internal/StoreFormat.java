package dev.perfgate.baseline.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of a baseline file. They are separate from the perf-api records on purpose: the
 * file format must not change when a Java type gains a component. Every change of these shapes that
 * an older reader cannot ignore raises {@link #VERSION}.
 */
final class StoreFormat {
  private StoreFormat() {}

  /** The format version this code writes and the newest it reads. */
  static final int VERSION = 1;

  @JsonPropertyOrder({"formatVersion", "key", "metrics", "baseline", "history"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FileDto(int formatVersion, KeyDto key, List<MetricDto> metrics, RunDto baseline, List<RunDto> history) {}

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

  @JsonPropertyOrder({"jvmVendor", "jvmVersion", "jvmName", "garbageCollectors", "maxHeapBytes", "jvmArguments",
      "cpuModel", "cpus", "os", "arch", "warnings", "properties"})
  record EnvironmentDto(String jvmVendor, String jvmVersion, String jvmName, List<String> garbageCollectors,
      long maxHeapBytes, List<String> jvmArguments, String cpuModel, int cpus, String os, String arch,
      List<String> warnings, Map<String, String> properties) {}

  @JsonPropertyOrder({"index", "values", "samples"})
  record TrialDto(int index, Map<String, Double> values, List<SampleDto> samples) {}

  @JsonPropertyOrder({"operations", "elapsedNanos", "values"})
  record SampleDto(long operations, long elapsedNanos, Map<String, Double> values) {}
}
