package dev.perfgate.baseline.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import dev.perfgate.baseline.internal.StoreFormat.FileDto2;
import dev.perfgate.baseline.internal.StoreFormat.MetricDto;
import dev.perfgate.baseline.internal.StoreFormat.RunDto2;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run as a JSON document of the store's file format: a version 2 history file that holds this
 * run alone (its key, its metric table, its one environment). A store that keeps runs one by one (a
 * database row per run) writes and reads runs through here, so that it shares the files' format,
 * its checks and its version, and a row can be pasted into a file and read.
 *
 * <p>The text is ASCII: every other character is escaped, so that an unpaired surrogate in a name (a
 * name cut inside an emoji), which has no UTF-8 form, survives, and so does a NUL, which a database
 * text column refuses.
 */
public final class RunDocument {
  private RunDocument() {}

  // No default typing, ever: the document names no Java class, so a crafted row cannot make Jackson load one.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonGenerator.Feature.ESCAPE_NON_ASCII)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** A run read back with what the store noted beside it. */
  public record Read(Result result, String savedAt, String revision) {}

  /**
   * Writes one run.
   *
   * @param result the run
   * @param savedAt when it was stored, ISO-8601
   * @param revision the VCS revision it measured, or null
   * @return the JSON text, ASCII only
   */
  public static String write(Result result, String savedAt, String revision) {
    String environmentId = result.environment().fingerprint();
    RunDto2 run = StoreMapping.run2(result, savedAt, revision, environmentId);
    FileDto2 file = new FileDto2(StoreFormat.VERSION, StoreMapping.key(result.key()), metricTable(result),
        Map.of(environmentId, StoreMapping.environment(result.environment())), null, List.of(run));
    try {
      return MAPPER.writeValueAsString(file);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + result.key() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads one run written by {@link #write}.
   *
   * @param json the text
   * @return the run, with the key the document names
   * @throws IllegalArgumentException with what is wrong, if the text is not such a document or names
   *     a newer format version
   */
  public static Read read(String json) {
    FileDto2 file;
    try {
      file = MAPPER.readValue(json, FileDto2.class);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
      throw new IllegalArgumentException("it is not a run document" + at + ": " + e.getOriginalMessage(), e);
    }
    StoreMapping.require(file != null, "it is empty");
    if (file.formatVersion() > StoreFormat.VERSION) {
      throw new IllegalArgumentException("it has format version " + file.formatVersion()
          + ", newer than this Perfgate reads (" + StoreFormat.VERSION + "); upgrade Perfgate");
    }
    StoreMapping.require(file.formatVersion() == StoreFormat.VERSION,
        "it has format version " + file.formatVersion() + ", which no run document was written in");
    StoreMapping.require(file.history() != null && file.history().size() == 1,
        "it holds " + (file.history() == null ? 0 : file.history().size()) + " runs, not one");
    BenchmarkKey key = StoreMapping.key(file.key());
    Map<String, Metric> metrics = new LinkedHashMap<>();
    for (MetricDto m : file.metrics() == null ? List.<MetricDto>of() : file.metrics()) {
      metrics.put(m.name(), StoreMapping.metric(m));
    }
    RunDto2 run = file.history().get(0);
    StoreMapping.require(run != null, "its run is null");
    return new Read(StoreMapping.run(run, key, metrics, file.environments()), run.savedAt(), run.revision());
  }

  private static List<MetricDto> metricTable(Result r) {
    Map<String, MetricDto> table = new TreeMap<>();
    for (Trial t : r.trials()) {
      t.values().keySet().forEach(m -> table.put(m.name(), StoreMapping.metric(m)));
      for (Sample s : t.samples()) {
        s.values().keySet().forEach(m -> table.put(m.name(), StoreMapping.metric(m)));
      }
    }
    r.notMeasured().keySet().forEach(m -> table.put(m.name(), StoreMapping.metric(m)));
    return List.copyOf(table.values());
  }
}
