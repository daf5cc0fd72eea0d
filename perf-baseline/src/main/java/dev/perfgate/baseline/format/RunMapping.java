package dev.perfgate.baseline.format;

import static dev.perfgate.api.internal.Checks.argument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Provenance;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps a run to its JSON shape and back. The one reader of runs: it reads the trials of a version 2
 * file (sample arrays), of a version 1 file and of a report (sample objects), so that every
 * document of the format goes through the same checks. Sorted maps keep the files stable in a diff.
 */
final class RunMapping {
  private RunMapping() {}

  /**
   * A run in the compact form a version 2 file writes: the sample columns are named once
   * (operations, elapsed nanoseconds, then every metric any sample of the run holds, sorted), and
   * each sample is one array.
   */
  static FormatDtos.RunDto run(StoredRun stored, String environmentId) {
    Result r = stored.result();
    TreeSet<String> names = new TreeSet<>();
    for (Trial t : r.trials()) {
      for (Sample s : t.samples()) {
        s.values().keySet().forEach(m -> names.add(m.name()));
      }
    }
    List<String> metricColumns = List.copyOf(names);
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    List<JsonNode> trials = new ArrayList<>();
    for (int position = 0; position < r.trials().size(); position++) {
      Trial t = r.trials().get(position);
      ArrayNode samples = nodes.arrayNode();
      for (Sample s : t.samples()) {
        Map<String, Double> byName = values(s.values());
        ArrayNode row = samples.addArray();
        row.add(s.operations());
        row.add(s.elapsedNanos());
        for (String name : metricColumns) {
          Double v = byName.get(name);
          row.add(v == null ? nodes.nullNode() : number(nodes, v));
        }
      }
      if (t.index() == position && t.values().isEmpty() && t.fork() == 0) {
        trials.add(samples);
      } else {
        ObjectNode trial = nodes.objectNode();
        trial.put("index", t.index());
        ObjectNode values = trial.putObject("values");
        values(t.values()).forEach(values::put);
        trial.set("samples", samples);
        // Fork 0 is also every trial of a run without forks, so it is left out: such files stay as they were.
        if (t.fork() != 0) {
          trial.put("fork", t.fork());
        }
        trials.add(trial);
      }
    }
    List<String> columns = new ArrayList<>(ResultFormat.FIXED_COLUMNS);
    columns.addAll(metricColumns);
    Map<String, String> notMeasured = new TreeMap<>();
    r.notMeasured().forEach((m, why) -> notMeasured.put(m.name(), why));
    return new FormatDtos.RunDto(stored.savedAt().orElse(null), stored.revision().orElse(null),
        stored.branch().orElse(null), stored.ciRunId().orElse(null), r.startedAt().toString(), r.elapsed().toNanos(),
        TextNode.valueOf(environmentId), r.error().orElse(null), r.warnings().isEmpty() ? null : r.warnings(),
        notMeasured.isEmpty() ? null : notMeasured, r.trials().isEmpty() ? null : columns, trials);
  }

  /** A whole double (1016.0, counted bytes) as 1016: it reads back as the same double, two bytes shorter. */
  private static JsonNode number(JsonNodeFactory nodes, double v) {
    boolean whole = v == Math.rint(v) && Math.abs(v) < 0x1p53
        && Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(-0.0);
    return whole ? nodes.numberNode((long) v) : nodes.numberNode(v);
  }

  /**
   * A stored run, in either version: its environment is an id of the file's table (version 2) or
   * inline (version 1).
   */
  static StoredRun run(FormatDtos.RunDto d, BenchmarkKey key, Map<String, Metric> metrics,
      Map<String, FormatDtos.EnvironmentDto> environments) {
    argument(d.environment() != null && !d.environment().isNull(), "the environment is missing");
    Environment environment;
    if (d.environment().isTextual()) {
      FormatDtos.EnvironmentDto env = environments == null ? null : environments.get(d.environment().asText());
      argument(env != null, "environment '%s' is used but not defined under \"environments\"",
          d.environment().asText());
      environment = env.toEnvironment();
    } else {
      argument(d.environment().isObject(), "the environment is neither an id nor an object");
      environment = ResultFormat.MAPPER.convertValue(d.environment(), FormatDtos.EnvironmentDto.class)
          .toEnvironment();
    }
    Map<Metric, String> notMeasured = new HashMap<>();
    if (d.notMeasured() != null) {
      d.notMeasured().forEach((name, why) -> notMeasured.put(lookup(name, metrics), why));
    }
    Result r = result(key, metrics, environment, d.startedAt(), d.elapsedNanos(), d.error(), d.warnings(),
        notMeasured, d.columns(), d.trials());
    // What the store noted beside the run is the run's provenance: a result reads back as it was written.
    r = r.withProvenance(Provenance.of(d.revision(), d.branch(), d.ciRunId()));
    return new StoredRun(r, Optional.ofNullable(d.savedAt()), r.provenance().commit(), r.provenance().branch(),
        r.provenance().ciRunId());
  }

  /** The body of a run, wherever the document put its key, metric definitions and environment. */
  static Result result(BenchmarkKey key, Map<String, Metric> metrics, Environment environment, String startedAt,
      long elapsedNanos, String error, List<String> warnings, Map<Metric, String> notMeasured, List<String> columnList,
      List<JsonNode> trialList) {
    argument(startedAt != null, "startedAt is missing");
    List<JsonNode> trialNodes = trialList == null ? List.of() : trialList;
    List<String> columns = columnList == null ? ResultFormat.FIXED_COLUMNS : columnList;
    argument(columns.size() >= 2 && columns.subList(0, 2).equals(ResultFormat.FIXED_COLUMNS),
        "the sample columns must start with %s, found %s", ResultFormat.FIXED_COLUMNS, columns);
    List<Metric> metricColumns = new ArrayList<>();
    for (String name : columns.subList(2, columns.size())) {
      metricColumns.add(lookup(name, metrics));
    }
    List<Trial> trials = new ArrayList<>();
    for (int position = 0; position < trialNodes.size(); position++) {
      JsonNode t = trialNodes.get(position);
      argument(t != null && (t.isArray() || t.isObject()), "trial %s is neither an array of samples nor an object",
          position);
      int index = position;
      int fork = 0;
      Map<Metric, Double> trialValues = new LinkedHashMap<>();
      JsonNode rows = t;
      if (t.isObject()) {
        JsonNode i = t.get("index");
        argument(i != null && i.canConvertToInt() && i.isIntegralNumber(), "trial %s has no integer index", position);
        index = i.intValue();
        JsonNode f = t.get("fork");
        if (f != null && !f.isNull()) {
          argument(f.canConvertToInt() && f.isIntegralNumber() && f.intValue() >= 0,
              "trial %s has fork %s, not an integer >= 0", index, f);
          fork = f.intValue();
        }
        trialValues = values(t.get("values"), metrics, "trial " + index);
        rows = t.get("samples");
        argument(rows != null && rows.isArray(), "trial %s has no samples array", index);
      }
      List<Sample> samples = new ArrayList<>();
      for (JsonNode row : rows) {
        samples.add(row != null && row.isObject() ? sampleObject(row, metrics, index)
            : sampleRow(row, columns, metricColumns, index));
      }
      trials.add(new Trial(index, samples, trialValues, fork));
    }
    return new Result(key, trials, notMeasured, warnings == null ? List.of() : warnings, Optional.ofNullable(error),
        environment, Instant.parse(startedAt), Duration.ofNanos(elapsedNanos));
  }

  private static Sample sampleRow(JsonNode row, List<String> columns, List<Metric> metricColumns, int trial) {
    argument(row != null && row.isArray() && row.size() == columns.size(),
        "a sample of trial %s has %s values, not one per column (%s)", trial,
        row == null || !row.isArray() ? 0 : row.size(), columns.size());
    Map<Metric, Double> values = new LinkedHashMap<>();
    for (int c = 0; c < metricColumns.size(); c++) {
      JsonNode v = row.get(2 + c);
      if (v != null && !v.isNull()) {
        argument(v.isNumber(), "a sample of trial %s holds %s for %s, not a number", trial, v, columns.get(2 + c));
        values.put(metricColumns.get(c), v.doubleValue());
      }
    }
    return new Sample(integral(row.get(0), "operations"), integral(row.get(1), "elapsedNanos"), values);
  }

  /** A sample in its object form (version 1, report): operations, elapsedNanos and values by name. */
  private static Sample sampleObject(JsonNode s, Map<String, Metric> metrics, int trial) {
    return new Sample(integral(s.get("operations"), "operations"), integral(s.get("elapsedNanos"), "elapsedNanos"),
        values(s.get("values"), metrics, "a sample of trial " + trial));
  }

  private static Map<Metric, Double> values(JsonNode values, Map<String, Metric> metrics, String where) {
    Map<Metric, Double> out = new LinkedHashMap<>();
    if (values == null || values.isNull()) {
      return out;
    }
    argument(values.isObject(), "the values of %s are not an object", where);
    var it = values.properties().iterator();
    while (it.hasNext()) {
      var e = it.next();
      argument(!e.getValue().isNull(), "metric '%s' has a null value", e.getKey());
      argument(e.getValue().isNumber(), "metric '%s' of %s is not a number", e.getKey(), where);
      out.put(lookup(e.getKey(), metrics), e.getValue().doubleValue());
    }
    return out;
  }

  private static long integral(JsonNode n, String column) {
    argument(n != null && n.isIntegralNumber() && n.canConvertToLong(), "a sample's %s is %s, not a whole number",
        column, n);
    return n.longValue();
  }

  static Map<String, Double> values(Map<Metric, Double> values) {
    Map<String, Double> out = new TreeMap<>();
    values.forEach((m, v) -> out.put(m.name(), v));
    return out;
  }

  static Metric lookup(String name, Map<String, Metric> metrics) {
    Metric m = metrics.get(name);
    argument(m != null, "metric '%s' is used but not defined under \"metrics\"", name);
    return m;
  }
}
