package dev.perfgate.generator.report.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Status;
import dev.perfgate.api.Trial;
import dev.perfgate.api.Verdict;
import dev.perfgate.generator.BenchmarkReport;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.internal.VerdictText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of a report: plain records mapped field by field, so the file's shape is the
 * records' shape and nothing depends on Jackson's type handling. Records keep their component
 * order when written, which keeps the file stable for diffs and tools.
 */
public final class JsonReport {

  /** Bumped whenever a field changes meaning or disappears; new fields do not bump it. */
  public static final int FORMAT = 1;

  // No default typing: every type written here is a fixed record, never a polymorphic value.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private JsonReport() {}

  /**
   * Writes a report as pretty-printed JSON.
   *
   * @param report the report
   * @param tables tables other parts of the run produced, written after the verdicts
   * @return the JSON text, ending with a line break
   */
  public static String write(Report report, List<ExtraTable> tables) {
    try {
      return MAPPER.writeValueAsString(toDto(report, tables)) + "\n";
    } catch (JsonProcessingException e) {
      // Only fixed records of strings, numbers and lists are written, so this is a bug here.
      throw new IllegalStateException("could not write the JSON report: " + e.getOriginalMessage(), e);
    }
  }

  static ReportDto toDto(Report report, List<ExtraTable> tables) {
    List<ResultDto> results = new ArrayList<>();
    for (BenchmarkReport b : report.benchmarks()) {
      results.add(result(b));
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Status s : Status.values()) {
      counts.put(s.name(), 0);
    }
    report.verdicts().forEach(v -> counts.merge(v.status().name(), 1, Integer::sum));
    return new ReportDto(FORMAT, "perfgate", report.passed(), report.elapsed().toNanos(),
        report.verdicts().size(), counts, environment(report.environment()), report.probes(), report.warnings(),
        results, report.suiteVerdicts().stream().map(JsonReport::verdict).toList(),
        tables.stream().map(t -> new TableDto(t.key().toString(), t.title(), t.columns(), t.rows())).toList());
  }

  private static ResultDto result(BenchmarkReport b) {
    Result r = b.result();
    List<Metric> metrics = Text.metrics(r);
    List<MetricDto> metricDtos = new ArrayList<>();
    for (Metric m : metrics) {
      Map<String, Double> stats = new LinkedHashMap<>();
      for (Statistic s : Statistic.values()) {
        stats.put(s.label(), finite(r.statistic(m, s)));
      }
      metricDtos.add(new MetricDto(m.name(), m.unit().name(), m.unit().symbol(), m.direction().name(),
          r.values(m).length, stats, toList(r.trialValues(m))));
    }
    List<NotMeasuredDto> notMeasured = new ArrayList<>();
    // Sorted by name: the result keeps these in an unordered map, and the file must not reorder between runs.
    collectByName(r.notMeasured()).values().forEach(e -> notMeasured.add(new NotMeasuredDto(e.getKey().name(), e.getKey().unit().name(),
            e.getKey().direction().name(), e.getValue())));
    List<TrialDto> trials = new ArrayList<>();
    for (Trial t : r.trials()) {
      List<SampleDto> samples = new ArrayList<>();
      for (Sample s : t.samples()) {
        samples.add(new SampleDto(s.operations(), s.elapsedNanos(), ordered(s.values(), metrics)));
      }
      trials.add(new TrialDto(t.index(), samples, ordered(t.values(), metrics)));
    }
    return new ResultDto(r.key().toString(), r.key().name(),
        r.key().size().isPresent() ? r.key().size().getAsInt() : null, r.key().threads(),
        r.startedAt().toString(), r.elapsed().toNanos(), r.error().orElse(null), r.cause().map(Text::stackTrace).orElse(null), r.warnings(), metricDtos,
        notMeasured, trials, b.verdicts().stream().map(JsonReport::verdict).toList());
  }

  private static Map<String, Map.Entry<Metric, String>> collectByName(Map<Metric, String> notMeasured) {
    Map<String, Map.Entry<Metric, String>> byName = new TreeMap<>();
    notMeasured.entrySet().forEach(e -> byName.put(e.getKey().name(), e));
    return byName;
  }

  /** Values in the result's metric order, so every sample lists its metrics the same way. */
  private static Map<String, Double> ordered(Map<Metric, Double> values, List<Metric> order) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Metric m : order) {
      Double v = values.get(m);
      if (v != null) {
        out.put(m.name(), v);
      }
    }
    return out;
  }

  static VerdictDto verdict(Verdict v) {
    Map<String, Double> figures = new TreeMap<>();
    VerdictText.figures(v).forEach((k, x) -> figures.put(k, finite(x)));
    return new VerdictDto(VerdictText.subject(v), v.check(), v.status().name(), v.failed(), VerdictText.line(v),
        figures);
  }

  private static EnvironmentDto environment(Environment e) {
    return new EnvironmentDto(e.fingerprint(), e.jvmVendor(), e.jvmVersion(), e.jvmName(), e.garbageCollectors(),
        e.maxHeapBytes(), e.jvmArguments(), e.cpuModel(), e.cpus(), e.os(), e.arch(), e.warnings(),
        new TreeMap<>(e.properties()));
  }

  /** JSON has no NaN or infinity; an undefined figure is written as null. */
  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static List<Double> toList(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return out;
  }

  record ReportDto(int format, String tool, boolean passed, long elapsedNanos, int checks,
      Map<String, Integer> statusCounts, EnvironmentDto environment, List<String> probes, List<String> warnings,
      List<ResultDto> results, List<VerdictDto> suiteVerdicts, List<TableDto> tables) {}

  record TableDto(String key, String title, List<String> columns, List<List<String>> rows) {}

  record EnvironmentDto(String fingerprint, String jvmVendor, String jvmVersion, String jvmName,
      List<String> garbageCollectors, long maxHeapBytes, List<String> jvmArguments, String cpuModel, int cpus,
      String os, String arch, List<String> warnings, Map<String, String> properties) {}

  record ResultDto(String key, String benchmark, Integer size, int threads, String startedAt, long elapsedNanos,
      String error, String errorTrace, List<String> warnings, List<MetricDto> metrics, List<NotMeasuredDto> notMeasured,
      List<TrialDto> trials, List<VerdictDto> verdicts) {}

  record MetricDto(String name, String unit, String symbol, String direction, int count,
      Map<String, Double> statistics, List<Double> trialValues) {}

  record NotMeasuredDto(String metric, String unit, String direction, String reason) {}

  record TrialDto(int index, List<SampleDto> samples, Map<String, Double> values) {}

  record SampleDto(long operations, long elapsedNanos, Map<String, Double> values) {}

  record VerdictDto(String subject, String check, String status, boolean failed, String message,
      Map<String, Double> figures) {}
}
