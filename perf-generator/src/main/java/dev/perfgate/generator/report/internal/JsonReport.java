package dev.perfgate.generator.report.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.format.FormatDtos.EnvironmentDto;
import dev.perfgate.baseline.format.FormatDtos.MetricDto;
import dev.perfgate.baseline.format.FormatDtos.NotMeasuredDto;
import dev.perfgate.baseline.format.FormatDtos.TrialDto;
import dev.perfgate.baseline.format.ResultFormat;
import dev.perfgate.generator.BenchmarkReport;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.internal.VerdictText;
import dev.perfgate.generator.report.ReportExtras;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of a report: plain records mapped field by field, so the file's shape is the
 * records' shape and nothing depends on Jackson's type handling. Records keep their component
 * order when written, which keeps the file stable for diffs and tools. A result's environment,
 * metrics, trials and samples are the shapes of the Perfgate result format ({@link ResultFormat}),
 * the one the baseline store writes, so that one reader reads a stored run and a reported one.
 */
public final class JsonReport {

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
  public static String write(Report report, List<ReportExtras.Table> tables) {
    try {
      return MAPPER.writeValueAsString(toDto(report, tables)) + "\n";
    } catch (JsonProcessingException e) {
      // Only fixed records of strings, numbers and lists are written, so this is a bug here.
      throw new IllegalStateException("could not write the JSON report: " + e.getOriginalMessage(), e);
    }
  }

  static ReportDto toDto(Report report, List<ReportExtras.Table> tables) {
    List<ResultDto> results = new ArrayList<>();
    for (BenchmarkReport b : report.benchmarks()) {
      results.add(result(b));
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Status s : Status.values()) {
      counts.put(s.name(), 0);
    }
    report.verdicts().forEach(v -> counts.merge(v.status().name(), 1, Integer::sum));
    return new ReportDto(ResultFormat.VERSION, "perfgate", report.passed(), report.elapsed().toNanos(),
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
      metricDtos.add(MetricDto.summary(m, r.values(m).length, stats, toList(r.trialValues(m))));
    }
    List<NotMeasuredDto> notMeasured = new ArrayList<>();
    // Sorted by name: the result keeps these in an unordered map, and the file must not reorder between runs.
    collectByName(r.notMeasured()).values().forEach(e -> notMeasured.add(new NotMeasuredDto(e.getKey().name(), e.getKey().unit().name(),
            e.getKey().direction().name(), e.getValue())));
    List<TrialDto> trials = new ArrayList<>();
    r.trials().forEach(t -> trials.add(TrialDto.of(t, metrics)));
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

  static VerdictDto verdict(Verdict v) {
    Map<String, Double> figures = new TreeMap<>();
    VerdictText.figures(v).forEach((k, x) -> figures.put(k, finite(x)));
    List<EvidenceDto> evidence = VerdictText.evidence(v).stream()
        .map(e -> new EvidenceDto(e.kind(), e.status().name(), e.line())).toList();
    return new VerdictDto(VerdictText.subject(v), v.check(), v.status().name(), v.failed(), VerdictText.line(v),
        figures, evidence);
  }

  private static EnvironmentDto environment(Environment e) {
    return EnvironmentDto.of(e, true);
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

  record ReportDto(int formatVersion, String tool, boolean passed, long elapsedNanos, int checks,
      Map<String, Integer> statusCounts, EnvironmentDto environment, List<String> probes, List<String> warnings,
      List<ResultDto> results, List<VerdictDto> suiteVerdicts, List<TableDto> tables) {}

  record TableDto(String key, String title, List<String> columns, List<List<String>> rows) {}

  record ResultDto(String key, String benchmark, Integer size, int threads, String startedAt, long elapsedNanos,
      String error, String errorTrace, List<String> warnings, List<MetricDto> metrics, List<NotMeasuredDto> notMeasured,
      List<TrialDto> trials, List<VerdictDto> verdicts) {}

  /**
   * A verdict; {@code evidence} lists, for the one verdict of a metric against its baseline and
   * history, each piece of evidence it combined with its own status and words (absent otherwise).
   */
  record VerdictDto(String subject, String check, String status, boolean failed, String message,
      Map<String, Double> figures,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
      List<EvidenceDto> evidence) {}

  /** One piece of evidence of a metric's verdict: {@code baseline}, {@code history} or {@code trend}. */
  record EvidenceDto(String kind, String status, String message) {}
}
