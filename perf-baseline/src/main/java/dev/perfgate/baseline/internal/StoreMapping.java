package dev.perfgate.baseline.internal;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Direction;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import dev.perfgate.api.Unit;
import dev.perfgate.baseline.internal.StoreFormat.EnvironmentDto;
import dev.perfgate.baseline.internal.StoreFormat.KeyDto;
import dev.perfgate.baseline.internal.StoreFormat.MetricDto;
import dev.perfgate.baseline.internal.StoreFormat.RunDto;
import dev.perfgate.baseline.internal.StoreFormat.SampleDto;
import dev.perfgate.baseline.internal.StoreFormat.TrialDto;
import dev.perfgate.baseline.internal.StoreFormat.RunDto2;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.TreeSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/** Maps perf-api values to the file's DTOs and back; sorted maps keep the files stable in a diff. */
final class StoreMapping {
  private StoreMapping() {}

  static KeyDto key(BenchmarkKey k) {
    return new KeyDto(k.name(), k.size().isPresent() ? k.size().getAsInt() : null, k.threads());
  }

  static BenchmarkKey key(KeyDto k) {
    require(k != null, "the benchmark key is missing");
    return new BenchmarkKey(k.name(), k.size() == null ? OptionalInt.empty() : OptionalInt.of(k.size()), k.threads());
  }

  static MetricDto metric(Metric m) {
    return new MetricDto(m.name(), m.unit().name(), m.direction().name());
  }

  static Metric metric(MetricDto m) {
    require(m != null && m.unit() != null && m.direction() != null, "a metric definition is incomplete");
    return new Metric(m.name(), Unit.valueOf(m.unit()), Direction.valueOf(m.direction()));
  }

  static RunDto run(Result r, Instant savedAt, Optional<String> revision) {
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
        r.environment().fingerprint(), environment(r.environment()), r.error().orElse(null), r.warnings(),
        notMeasured, trials);
  }

  static Result run(RunDto d, BenchmarkKey key, Map<String, Metric> metrics) {
    require(d.trials() != null, "the trials are missing");
    require(d.environment() != null, "the environment is missing");
    require(d.startedAt() != null, "startedAt is missing");
    List<Trial> trials = new ArrayList<>();
    for (TrialDto t : d.trials()) {
      require(t != null && t.samples() != null, "a trial has no samples list");
      List<Sample> samples = new ArrayList<>();
      for (SampleDto s : t.samples()) {
        require(s != null, "a sample is null");
        samples.add(new Sample(s.operations(), s.elapsedNanos(), values(s.values(), metrics)));
      }
      trials.add(new Trial(t.index(), samples, values(t.values(), metrics)));
    }
    Map<Metric, String> notMeasured = new HashMap<>();
    if (d.notMeasured() != null) {
      d.notMeasured().forEach((name, why) -> notMeasured.put(lookup(name, metrics), why));
    }
    return new Result(key, trials, notMeasured, d.warnings() == null ? List.of() : d.warnings(),
        Optional.ofNullable(d.error()), environment(d.environment()), Instant.parse(d.startedAt()),
        Duration.ofNanos(d.elapsedNanos()));
  }

  /**
   * A run in format version 2: the sample columns are named once (operations, elapsed nanoseconds,
   * then every metric any sample of the run holds, sorted), and each sample is one array.
   */
  static RunDto2 run2(Result r, String savedAt, String revision, String environmentId) {
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
      if (t.index() == position && t.values().isEmpty()) {
        trials.add(samples);
      } else {
        ObjectNode trial = nodes.objectNode();
        trial.put("index", t.index());
        ObjectNode values = trial.putObject("values");
        values(t.values()).forEach(values::put);
        trial.set("samples", samples);
        trials.add(trial);
      }
    }
    List<String> columns = new ArrayList<>(StoreFormat.FIXED_COLUMNS);
    columns.addAll(metricColumns);
    Map<String, String> notMeasured = new TreeMap<>();
    r.notMeasured().forEach((m, why) -> notMeasured.put(m.name(), why));
    return new RunDto2(savedAt, revision, r.startedAt().toString(), r.elapsed().toNanos(),
        environmentId, r.error().orElse(null),
        r.warnings().isEmpty() ? null : r.warnings(), notMeasured.isEmpty() ? null : notMeasured,
        r.trials().isEmpty() ? null : columns, trials);
  }

  /** A whole double (1016.0, counted bytes) as 1016: it reads back as the same double, two bytes shorter. */
  private static JsonNode number(JsonNodeFactory nodes, double v) {
    boolean whole = v == Math.rint(v) && Math.abs(v) < 0x1p53 && Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(-0.0);
    return whole ? nodes.numberNode((long) v) : nodes.numberNode(v);
  }

  static Result run(RunDto2 d, BenchmarkKey key, Map<String, Metric> metrics, Map<String, EnvironmentDto> environments) {
    require(d.environment() != null, "the environment is missing");
    EnvironmentDto env = environments == null ? null : environments.get(d.environment());
    require(env != null, "environment '" + d.environment() + "' is used but not defined under \"environments\"");
    require(d.startedAt() != null, "startedAt is missing");
    List<JsonNode> trialNodes = d.trials() == null ? List.of() : d.trials();
    List<String> columns = d.columns() == null ? StoreFormat.FIXED_COLUMNS : d.columns();
    require(columns.size() >= 2 && columns.subList(0, 2).equals(StoreFormat.FIXED_COLUMNS),
        "the sample columns must start with " + StoreFormat.FIXED_COLUMNS + ", found " + columns);
    List<Metric> metricColumns = new ArrayList<>();
    for (String name : columns.subList(2, columns.size())) {
      metricColumns.add(lookup(name, metrics));
    }
    List<Trial> trials = new ArrayList<>();
    for (int position = 0; position < trialNodes.size(); position++) {
      JsonNode t = trialNodes.get(position);
      require(t != null && (t.isArray() || t.isObject()), "trial " + position + " is neither an array of samples"
          + " nor an object");
      int index = position;
      Map<Metric, Double> trialValues = new LinkedHashMap<>();
      JsonNode rows = t;
      if (t.isObject()) {
        JsonNode i = t.get("index");
        require(i != null && i.canConvertToInt() && i.isIntegralNumber(), "trial " + position + " has no integer index");
        index = i.intValue();
        JsonNode values = t.get("values");
        if (values != null && !values.isNull()) {
          require(values.isObject(), "the values of trial " + index + " are not an object");
          var it = values.fields();
          while (it.hasNext()) {
            var e = it.next();
            require(e.getValue().isNumber(), "metric '" + e.getKey() + "' of trial " + index + " is not a number");
            trialValues.put(lookup(e.getKey(), metrics), e.getValue().doubleValue());
          }
        }
        rows = t.get("samples");
        require(rows != null && rows.isArray(), "trial " + index + " has no samples array");
      }
      List<Sample> samples = new ArrayList<>();
      for (JsonNode row : rows) {
        require(row != null && row.isArray() && row.size() == columns.size(), "a sample of trial " + index + " has "
            + (row == null || !row.isArray() ? 0 : row.size()) + " values, not one per column (" + columns.size() + ")");
        Map<Metric, Double> values = new LinkedHashMap<>();
        for (int c = 0; c < metricColumns.size(); c++) {
          JsonNode v = row.get(2 + c);
          if (v != null && !v.isNull()) {
            require(v.isNumber(), "a sample of trial " + index + " holds " + v + " for " + columns.get(2 + c)
                + ", not a number");
            values.put(metricColumns.get(c), v.doubleValue());
          }
        }
        samples.add(new Sample(integral(row.get(0), "operations"), integral(row.get(1), "elapsedNanos"), values));
      }
      trials.add(new Trial(index, samples, trialValues));
    }
    Map<Metric, String> notMeasured = new HashMap<>();
    if (d.notMeasured() != null) {
      d.notMeasured().forEach((name, why) -> notMeasured.put(lookup(name, metrics), why));
    }
    return new Result(key, trials, notMeasured, d.warnings() == null ? List.of() : d.warnings(),
        Optional.ofNullable(d.error()), environment(env), Instant.parse(d.startedAt()),
        Duration.ofNanos(d.elapsedNanos()));
  }

  private static long integral(JsonNode n, String column) {
    require(n != null && n.isIntegralNumber() && n.canConvertToLong(),
        "a sample's " + column + " is " + n + ", not a whole number");
    return n.longValue();
  }

  private static Map<String, Double> values(Map<Metric, Double> values) {
    Map<String, Double> out = new TreeMap<>();
    values.forEach((m, v) -> out.put(m.name(), v));
    return out;
  }

  private static Map<Metric, Double> values(Map<String, Double> values, Map<String, Metric> metrics) {
    Map<Metric, Double> out = new LinkedHashMap<>();
    if (values != null) {
      values.forEach((name, v) -> {
        require(v != null, "metric '" + name + "' has a null value");
        out.put(lookup(name, metrics), v);
      });
    }
    return out;
  }

  private static Metric lookup(String name, Map<String, Metric> metrics) {
    Metric m = metrics.get(name);
    require(m != null, "metric '" + name + "' is used but not defined under \"metrics\"");
    return m;
  }

  static EnvironmentDto environment(Environment e) {
    return new EnvironmentDto(e.jvmVendor(), e.jvmVersion(), e.jvmName(), e.garbageCollectors(), e.maxHeapBytes(),
        e.jvmArguments(), e.cpuModel(), e.cpus(), e.os(), e.arch(), e.warnings(), new TreeMap<>(e.properties()));
  }

  static Environment environment(EnvironmentDto e) {
    return new Environment(e.jvmVendor(), e.jvmVersion(), e.jvmName(), orEmpty(e.garbageCollectors()),
        e.maxHeapBytes(), orEmpty(e.jvmArguments()), e.cpuModel(), e.cpus(), e.os(), e.arch(), orEmpty(e.warnings()),
        e.properties() == null ? Map.of() : e.properties());
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** A broken invariant of the file; the store turns it into an IOException naming the file. */
  static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException(what);
    }
  }
}
