package dev.perfgate.baseline.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import dev.perfgate.api.internal.Checks;
import dev.perfgate.baseline.format.FormatDtos.EnvironmentDto;
import dev.perfgate.baseline.format.FormatDtos.FileDto;
import dev.perfgate.baseline.format.FormatDtos.KeyDto;
import dev.perfgate.baseline.format.FormatDtos.MetricDto;
import dev.perfgate.baseline.format.FormatDtos.NotMeasuredDto;
import dev.perfgate.baseline.format.FormatDtos.RunDto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Perfgate result format: one versioned JSON schema for the baseline store's files, a single
 * stored run (for stores that keep runs elsewhere, such as a database) and the results of the JSON
 * report. The schema is {@code dev/perfgate/baseline/format/perfgate-result.schema.json} on the
 * class path; the shapes are {@link FormatDtos}. A run reads the same from each: its key, metric
 * definitions and environment sit once per document, its trials and samples are arrays (a store,
 * compact) or objects (a report, self-describing), and one reader takes both.
 *
 * <p>Version 1 (Perfgate 0.1): one store file per variant holding the baseline and the history,
 * every sample an object. Version 2: a baseline file and a history file, environments written once
 * under an id, samples as arrays in the run's column order; the JSON report declares version 2 as
 * well. Optional fields (a run's {@code branch} and {@code ciRunId}, a trial's {@code fork}, written
 * where it is not 0) are absent from older files, which read as before; a reader ignores fields it does not know,
 * so adding one does not raise {@link #VERSION}; a change an older reader cannot ignore does.
 */
public final class ResultFormat {
  private ResultFormat() {}

  /** The format version this code writes and the newest it reads. */
  public static final int VERSION = 2;

  /** The sample columns every version 2 run starts with; the metric names follow. */
  public static final List<String> FIXED_COLUMNS = List.of("operations", "elapsedNanos");

  // No default typing, ever: the format names no Java class, so a crafted file cannot make Jackson load one.
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final ObjectWriter COMPACT = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  /**
   * Writes one run as a document of its own: a history document holding that run, byte for byte
   * what the directory store writes as a history file of one run. For a store that keeps runs one
   * by one.
   *
   * @param run the run
   * @return the JSON text, ending with a line break
   */
  public static String write(StoredRun run) {
    Checks.notNull(run, "run");
    return new String(historyDocument(run.result().key(), List.of(run), run), StandardCharsets.UTF_8);
  }

  /**
   * Reads a document that {@link #write(StoredRun)} wrote (or a store file that holds one run).
   *
   * @param json the document
   * @return its run
   * @throws FormatException if it is not a document of the format, or holds not exactly one run
   */
  public static StoredRun read(String json) throws FormatException {
    Checks.notNull(json, "json");
    Document d = parse(json.getBytes(StandardCharsets.UTF_8));
    List<StoredRun> runs = new ArrayList<>(d.baselines());
    runs.addAll(d.history());
    if (runs.size() != 1) {
      throw new FormatException("holds " + runs.size() + " runs, not one", false, null);
    }
    return runs.get(0);
  }

  /**
   * Reads the results of a JSON report through the same reader as stored runs: each result's key,
   * metric definitions (its metrics and the ones it could not measure), the report's environment
   * and the run's trials. The report's statistics and verdicts are derived and are not read.
   *
   * @param json the report
   * @return its results, in order, without the exception behind an error (its trace is text only)
   * @throws FormatException if it is not a report of the format
   */
  public static List<Result> readReport(String json) throws FormatException {
    Checks.notNull(json, "json");
    JsonNode root = tree(json.getBytes(StandardCharsets.UTF_8));
    JsonNode v = root.get("formatVersion");
    // Reports before version 2 of the format wrote "format": 1, with the same results.
    if (v == null && root.has("format")) {
      v = root.get("format").asInt() == 1 ? JsonNodeFactory.instance.numberNode(VERSION) : root.get("format");
    }
    version(v);
    List<Result> out = new ArrayList<>();
    try {
      Environment environment = MAPPER.treeToValue(root.get("environment"), EnvironmentDto.class).toEnvironment();
      JsonNode results = root.get("results");
      Checks.argument(results != null && results.isArray(), "the results are missing");
      for (JsonNode r : results) {
        ReportResult rr = MAPPER.treeToValue(r, ReportResult.class);
        Map<String, Metric> metrics = new LinkedHashMap<>();
        Map<Metric, String> notMeasured = new HashMap<>();
        for (MetricDto m : rr.metrics() == null ? List.<MetricDto>of() : rr.metrics()) {
          metrics.put(m.name(), m.toMetric());
        }
        for (NotMeasuredDto n : rr.notMeasured() == null ? List.<NotMeasuredDto>of() : rr.notMeasured()) {
          Metric m = n.toMetric();
          metrics.put(m.name(), m);
          notMeasured.put(m, n.reason());
        }
        KeyDto key = new KeyDto(rr.benchmark(), rr.size(), rr.threads());
        out.add(RunMapping.result(key.toKey(), metrics, environment, rr.startedAt(), rr.elapsedNanos(), rr.error(),
            rr.warnings(), notMeasured, null, rr.trials()));
      }
    } catch (JsonProcessingException e) {
      throw new FormatException("does not have the expected shape" + at(e.getLocation()) + ": "
          + e.getOriginalMessage(), false, e);
    } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
      throw new FormatException("holds an invalid result: " + e.getMessage(), false, e);
    }
    return out;
  }

  /** The fields of a report's result that make its run; the rest is derived. */
  private record ReportResult(String benchmark, Integer size, int threads, String startedAt, long elapsedNanos,
      String error, List<String> warnings, List<MetricDto> metrics, List<NotMeasuredDto> notMeasured,
      List<JsonNode> trials) {}

  /**
   * Parses a store document: its version, key and metric definitions are checked here, its runs
   * when they are asked for.
   *
   * @param bytes the document
   * @return the document
   * @throws FormatException if it is empty, not JSON, of another version or shape, or its key or a
   *     metric definition is invalid
   */
  public static Document parse(byte[] bytes) throws FormatException {
    Checks.notNull(bytes, "bytes");
    if (bytes.length == 0) {
      throw new FormatException("is empty", false, null);
    }
    JsonNode tree = tree(bytes);
    int v = version(tree == null ? null : tree.get("formatVersion"));
    FileDto file;
    try {
      file = MAPPER.readValue(bytes, FileDto.class);
    } catch (JsonProcessingException e) {
      throw new FormatException("does not have the expected shape" + at(e.getLocation()) + ": "
          + e.getOriginalMessage(), false, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Metric> metrics = new LinkedHashMap<>();
    BenchmarkKey key;
    try {
      Checks.argument(file.key() != null, "the benchmark key is missing");
      key = file.key().toKey();
      for (MetricDto m : file.metrics() == null ? List.<MetricDto>of() : file.metrics()) {
        Checks.argument(m != null, "a metric definition is incomplete");
        metrics.put(m.name(), m.toMetric());
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new FormatException("holds an invalid entry: " + e.getMessage(), false, e);
    }
    return new Document(v, key, metrics, file);
  }

  /**
   * A string as a JSON string literal, with its quotes; an unpaired surrogate is escaped.
   *
   * @param s the string
   * @return the literal
   */
  public static String quote(String s) {
    Checks.notNull(s, "s");
    return compact(JsonNodeFactory.instance.textNode(s));
  }

  /**
   * Parses any JSON document into a tree, with the format's limits and its messages (line and
   * column of where it breaks).
   *
   * @param bytes the document
   * @return the tree
   * @throws FormatException if it is not valid JSON
   */
  public static JsonNode tree(byte[] bytes) throws FormatException {
    try (JsonParser parser = MAPPER.createParser(bytes)) {
      try {
        return MAPPER.readTree(parser);
      } catch (JsonProcessingException e) {
        // Jackson's limits (nesting, string and number length) throw without a location; the
        // parser still knows where it stopped.
        JsonLocation where = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation()
            : parser.currentLocation();
        throw new FormatException("is not valid JSON" + at(where) + ": " + e.getOriginalMessage(), false, e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int version(JsonNode version) throws FormatException {
    if (version == null || !version.canConvertToExactIntegral() || !version.isIntegralNumber()) {
      throw new FormatException("has no integer \"formatVersion\"", false, null);
    }
    int v = version.asInt();
    if (v > VERSION) {
      throw new FormatException("has format version " + v + ", newer than this Perfgate reads (" + VERSION
          + "); upgrade Perfgate, or delete the file", true, null);
    }
    if (v < 1) {
      throw new FormatException("has format version " + v + ", which no Perfgate wrote", false, null);
    }
    return v;
  }

  /** A store document whose version, key and metric definitions were checked. */
  public static final class Document {
    private final int version;
    private final BenchmarkKey key;
    private final Map<String, Metric> metrics;
    private final FileDto file;

    private Document(int version, BenchmarkKey key, Map<String, Metric> metrics, FileDto file) {
      this.version = version;
      this.key = key;
      this.metrics = metrics;
      this.file = file;
    }

    /**
     * The format version it was written in.
     *
     * @return the version, 1 or 2
     */
    public int version() {
      return version;
    }

    /**
     * The benchmark variant its runs measured.
     *
     * @return the key
     */
    public BenchmarkKey key() {
      return key;
    }

    /**
     * Its baselines: version 2, one per environment; version 1, the one baseline if any.
     *
     * @return the baselines, every one converted
     * @throws FormatException if one is invalid; the message names which
     */
    public List<StoredRun> baselines() throws FormatException {
      if (version == 1) {
        return file.baseline() == null ? List.of() : List.of(run(file.baseline(), "baseline"));
      }
      return runs(file.baselines(), "baseline ");
    }

    /**
     * Its history, oldest first.
     *
     * @return the runs, every one converted
     * @throws FormatException if one is invalid; the message names which
     */
    public List<StoredRun> history() throws FormatException {
      return runs(file.history(), "history entry ");
    }

    private List<StoredRun> runs(List<RunDto> runs, String what) throws FormatException {
      List<StoredRun> out = new ArrayList<>();
      for (int i = 0; i < (runs == null ? 0 : runs.size()); i++) {
        out.add(run(runs.get(i), what + i));
      }
      return out;
    }

    private StoredRun run(RunDto run, String what) throws FormatException {
      try {
        Checks.argument(run != null, "it is null");
        return RunMapping.run(run, key, metrics, file.environments());
      } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
        throw new FormatException("holds an invalid " + what + ": " + e.getMessage(), false, e);
      }
    }
  }

  /**
   * A baseline document: the baselines of one variant, one per environment.
   *
   * @param key the variant
   * @param baselines the runs
   * @param newest the run whose metric definitions win over older ones', or null
   * @return the document's bytes
   */
  public static byte[] baselineDocument(BenchmarkKey key, List<StoredRun> baselines, StoredRun newest) {
    Map<String, EnvironmentDto> environments = new TreeMap<>();
    List<RunDto> runs = runs(baselines, environments);
    return render(new FileDto(VERSION, KeyDto.of(key), metricTable(baselines, newest), environments, null, runs,
        null));
  }

  /**
   * A history document: the runs of one variant, oldest first.
   *
   * @param key the variant
   * @param history the runs
   * @param newest the run whose metric definitions win over older ones', or null
   * @return the document's bytes
   */
  public static byte[] historyDocument(BenchmarkKey key, List<StoredRun> history, StoredRun newest) {
    Map<String, EnvironmentDto> environments = new TreeMap<>();
    List<RunDto> runs = runs(history, environments);
    return render(new FileDto(VERSION, KeyDto.of(key), metricTable(history, newest), environments, null, null,
        runs));
  }

  /** The runs, each naming its environment by a hash of its content; fills the table of environments. */
  private static List<RunDto> runs(List<StoredRun> entries, Map<String, EnvironmentDto> environments) {
    List<RunDto> out = new ArrayList<>();
    Map<Environment, String> ids = new HashMap<>();
    for (StoredRun e : entries) {
      Environment env = e.result().environment();
      String id = ids.get(env);
      if (id == null) {
        EnvironmentDto dto = EnvironmentDto.of(env, false);
        byte[] content = compact(MAPPER.valueToTree(dto)).getBytes(StandardCharsets.UTF_8);
        // The fingerprint first, so that a reader sees which baselines are comparable; the content
        // hash tells apart two environments that differ only in what the fingerprint leaves out.
        id = env.fingerprint() + "-" + HexFormat.of().formatHex(sha256(content), 0, 3);
        ids.put(env, id);
        environments.put(id, dto);
      }
      out.add(RunMapping.run(e, id));
    }
    return out;
  }

  /** Every metric the entries use, by name; the newest entry's definition wins over older ones. */
  private static List<MetricDto> metricTable(List<StoredRun> entries, StoredRun newest) {
    Map<String, MetricDto> table = new TreeMap<>();
    List<StoredRun> ordered = new ArrayList<>(entries);
    if (newest != null) {
      ordered.remove(newest);
      ordered.add(newest);
    }
    for (StoredRun e : ordered) {
      Result r = e.result();
      for (Trial t : r.trials()) {
        t.values().keySet().forEach(m -> table.put(m.name(), MetricDto.of(m)));
        for (Sample s : t.samples()) {
          s.values().keySet().forEach(m -> table.put(m.name(), MetricDto.of(m)));
        }
      }
      r.notMeasured().keySet().forEach(m -> table.put(m.name(), MetricDto.of(m)));
    }
    return List.copyOf(table.values());
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /**
   * Lays a store document out for a diff: the file's fields, each metric and each run's fields on a
   * line of their own, an environment on one line and each trial on one line (its samples as arrays
   * in the run's column order), so that a new run adds lines instead of changing numbers across the
   * file.
   */
  private static byte[] render(FileDto file) {
    JsonNode tree = MAPPER.valueToTree(file);
    StringBuilder sb = new StringBuilder();
    object(sb, tree, "", (name, value, indent) -> {
      switch (name) {
        case "metrics" -> lines(sb, value, indent, (n, in) -> sb.append(compact(n)));
        case "environments" -> object(sb, value, indent, (id, v, in) -> sb.append(compact(v)));
        case "baselines", "history" -> lines(sb, value, indent, (run, in) -> object(sb, run, in,
            (field, v, in2) -> {
              if (field.equals("trials")) {
                lines(sb, v, in2, (t, in3) -> sb.append(compact(t)));
              } else {
                sb.append(compact(v));
              }
            }));
        default -> sb.append(compact(value));
      }
    });
    sb.append('\n');
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  private interface FieldWriter {
    void write(String name, JsonNode value, String indent);
  }

  @FunctionalInterface
  private interface ElementWriter {
    void write(JsonNode element, String indent);
  }

  private static void object(StringBuilder sb, JsonNode node, String indent, FieldWriter fields) {
    sb.append("{\n");
    var it = node.properties().iterator();
    while (it.hasNext()) {
      var field = it.next();
      sb.append(indent).append("  ").append(compact(JsonNodeFactory.instance.textNode(field.getKey()))).append(": ");
      fields.write(field.getKey(), field.getValue(), indent + "  ");
      sb.append(it.hasNext() ? ",\n" : "\n");
    }
    sb.append(indent).append('}');
  }

  private static void lines(StringBuilder sb, JsonNode array, String indent, ElementWriter elements) {
    if (array.isEmpty()) {
      sb.append("[]");
      return;
    }
    sb.append("[\n");
    for (int i = 0; i < array.size(); i++) {
      sb.append(indent).append("  ");
      elements.write(array.get(i), indent + "  ");
      sb.append(i + 1 < array.size() ? ",\n" : "\n");
    }
    sb.append(indent).append(']');
  }

  private static String compact(JsonNode node) {
    String json;
    try {
      json = COMPACT.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // A tree of strings, numbers, arrays and objects always serialises.
      throw new IllegalStateException("cannot write " + node.getNodeType() + ": " + e.getOriginalMessage(), e);
    }
    // An unpaired surrogate (a name cut inside an emoji) has no UTF-8 form: the encoder would write
    // '?', and "a\uD800" would come back as "a?". Outside strings JSON is ASCII, so escaping every
    // unpaired surrogate in the text escapes exactly those inside strings.
    StringBuilder out = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      boolean unpaired = Character.isHighSurrogate(c)
          ? i + 1 >= json.length() || !Character.isLowSurrogate(json.charAt(i + 1))
          : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(json.charAt(i - 1)));
      if (unpaired && out == null) {
        out = new StringBuilder(json.length() + 8).append(json, 0, i);
      }
      if (out != null) {
        if (unpaired) {
          out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? json : out.toString();
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
