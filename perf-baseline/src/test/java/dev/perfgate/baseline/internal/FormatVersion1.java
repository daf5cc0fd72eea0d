package dev.perfgate.baseline.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.perfgate.baseline.format.FormatDtos.EnvironmentDto;
import dev.perfgate.baseline.format.FormatDtos.KeyDto;
import dev.perfgate.baseline.format.FormatDtos.MetricDto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a file of format version 1 exactly as Perfgate 0.1 (main before issue 14) did: the same
 * DTOs, the same mapper settings (pretty-printed, map keys sorted), baseline and history in one
 * file. For the tests of the upgrade path and of the file size. The version 1 run and trial shapes
 * are frozen here: the product only reads them now (through the one reader of the result format).
 */
public final class FormatVersion1 {
  private FormatVersion1() {}

  @JsonPropertyOrder({"formatVersion", "key", "metrics", "baseline", "history"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FileDto(int formatVersion, KeyDto key, List<MetricDto> metrics, RunDto baseline, List<RunDto> history) {}

  @JsonPropertyOrder({"savedAt", "revision", "startedAt", "elapsedNanos", "fingerprint", "environment", "error",
      "warnings", "notMeasured", "trials"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RunDto(String savedAt, String revision, String startedAt, long elapsedNanos, String fingerprint,
      EnvironmentDto environment, String error, List<String> warnings, Map<String, String> notMeasured,
      List<TrialDto> trials) {}

  @JsonPropertyOrder({"index", "values", "samples"})
  record TrialDto(int index, Map<String, Double> values, List<SampleDto> samples) {}

  @JsonPropertyOrder({"operations", "elapsedNanos", "values"})
  record SampleDto(long operations, long elapsedNanos, Map<String, Double> values) {}

  private static RunDto run(Result r, Instant savedAt, Optional<String> revision) {
    List<TrialDto> trials = new ArrayList<>();
    for (Trial t : r.trials()) {
      List<SampleDto> samples = new ArrayList<>();
      for (Sample s : t.samples()) {
        samples.add(new SampleDto(s.operations(), s.elapsedNanos(), values(s.values())));
      }
      trials.add(new TrialDto(t.index(), values(t.values()), samples));
    }
    Map<String, String> notMeasured = new TreeMap<>();
    r.notMeasured().forEach((m, why) -> notMeasured.put(m.name(), why));
    return new RunDto(savedAt.toString(), revision.orElse(null), r.startedAt().toString(), r.elapsed().toNanos(),
        r.environment().fingerprint(), EnvironmentDto.of(r.environment(), false), r.error().orElse(null),
        r.warnings(), notMeasured, trials);
  }

  private static Map<String, Double> values(Map<Metric, Double> values) {
    Map<String, Double> out = new TreeMap<>();
    values.forEach((m, v) -> out.put(m.name(), v));
    return out;
  }

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /**
   * The bytes of a version 1 file.
   *
   * @param baseline the baseline, or null
   * @param history the history, oldest first
   * @param savedAt the time written into every entry
   * @return the file's bytes
   */
  public static byte[] bytes(Result baseline, List<Result> history, Instant savedAt) throws IOException {
    Result any = baseline != null ? baseline : history.get(0);
    Map<String, MetricDto> metrics = new TreeMap<>();
    List<Result> all = new ArrayList<>(history);
    if (baseline != null) {
      all.add(baseline);
    }
    for (Result r : all) {
      for (Trial t : r.trials()) {
        t.values().keySet().forEach(m -> metrics.put(m.name(), MetricDto.of(m)));
        for (Sample s : t.samples()) {
          s.values().keySet().forEach(m -> metrics.put(m.name(), MetricDto.of(m)));
        }
      }
      for (Metric m : r.notMeasured().keySet()) {
        metrics.put(m.name(), MetricDto.of(m));
      }
    }
    List<RunDto> runs = new ArrayList<>();
    for (Result r : history) {
      runs.add(run(r, savedAt, revision(r)));
    }
    FileDto file = new FileDto(1, KeyDto.of(any.key()), List.copyOf(metrics.values()),
        baseline == null ? null : run(baseline, savedAt, revision(baseline)), runs);
    return MAPPER.writeValueAsBytes(file);
  }

  /**
   * Writes a version 1 file.
   *
   * @param file where
   * @param baseline the baseline, or null
   * @param history the history, oldest first
   */
  public static void write(Path file, Result baseline, List<Result> history) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes(baseline, history, Instant.parse("2026-11-26T12:00:00Z")));
  }

  private static Optional<String> revision(Result r) {
    return r.provenance().commit();
  }
}
