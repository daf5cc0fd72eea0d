package dev.perfgate.generator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Trial;
import dev.perfgate.api.Verdict;
import dev.perfgate.generator.Report;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ReportsJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode parse(Report report) throws Exception {
    return MAPPER.readTree(Reports.json(report));
  }

  private static JsonNode resultNamed(JsonNode root, String key) {
    for (JsonNode r : root.get("results")) {
      if (r.get("key").asText().equals(key)) {
        return r;
      }
    }
    throw new AssertionError("no result " + key + " in " + root.get("results"));
  }

  @Test
  void json_realRun_carriesFormatVersionAndEnvironmentFingerprint() throws Exception {
    Report report = RealRun.report();
    JsonNode root = parse(report);
    assertEquals(2, root.get("formatVersion").asInt());
    assertEquals(Reports.JSON_FORMAT, root.get("formatVersion").asInt());
    assertEquals(report.environment().fingerprint(), root.at("/environment/fingerprint").asText());
    assertEquals(report.environment().cpus(), root.at("/environment/cpus").asInt());
    assertEquals(report.environment().jvmVersion(), root.at("/environment/jvmVersion").asText());
    assertFalse(root.get("passed").asBoolean(), "the broken limit fails the run");
    assertEquals(report.benchmarks().size(), root.get("results").size());
    assertEquals(report.elapsed().toNanos(), root.get("elapsedNanos").asLong());
  }

  @Test
  void json_rawSampleValues_areEveryMeasuredValueExactly() throws Exception {
    Report report = RealRun.report();
    JsonNode root = parse(report);
    int checked = 0;
    for (Result r : report.results()) {
      JsonNode node = resultNamed(root, r.key().toString());
      assertEquals(r.trials().size(), node.get("trials").size(), r.key() + " trials");
      for (Trial t : r.trials()) {
        JsonNode trial = node.get("trials").get(t.index());
        assertEquals(t.samples().size(), trial.get("samples").size());
        for (int i = 0; i < t.samples().size(); i++) {
          Sample s = t.samples().get(i);
          JsonNode sample = trial.get("samples").get(i);
          assertEquals(s.operations(), sample.get("operations").asLong());
          assertEquals(s.elapsedNanos(), sample.get("elapsedNanos").asLong());
          assertEquals(s.values().size(), sample.get("values").size());
          for (Map.Entry<Metric, Double> v : s.values().entrySet()) {
            // Doubles must survive the text form bit for bit.
            assertEquals(v.getValue(), sample.get("values").get(v.getKey().name()).asDouble(), 0.0);
            checked++;
          }
        }
      }
    }
    assertTrue(checked >= 20, "raw values compared: " + checked);
  }

  @Test
  void json_metricStatistics_matchTheResult() throws Exception {
    Report report = RealRun.report();
    Result sort = report.results().stream().filter(r -> r.key().size().orElse(0) == 512).findFirst().orElseThrow();
    JsonNode node = resultNamed(parse(report), "sort[size=512]");
    assertEquals(512, node.get("size").asInt());
    assertEquals("sort", node.get("benchmark").asText());
    JsonNode wall = null;
    for (JsonNode m : node.get("metrics")) {
      if (m.get("name").asText().equals("time.wall")) {
        wall = m;
      }
    }
    assertTrue(wall != null, "time.wall is listed");
    assertEquals("NANOSECONDS", wall.get("unit").asText());
    assertEquals("LOWER_IS_BETTER", wall.get("direction").asText());
    assertEquals(sort.statistic(Metric.WALL_TIME, Statistic.MEDIAN), wall.at("/statistics/median").asDouble(), 0.0);
    assertEquals(sort.statistic(Metric.WALL_TIME, Statistic.P95), wall.at("/statistics/p95").asDouble(), 0.0);
    assertEquals(sort.trialValues(Metric.WALL_TIME).length, wall.get("trialValues").size());
  }

  @Test
  void json_keepsErrorsNotMeasuredReasonsAndVerdictFigures() throws Exception {
    Report report = RealRun.report();
    JsonNode root = parse(report);
    JsonNode boom = resultNamed(root, "boom");
    assertTrue(boom.get("error").asText().contains("broken on purpose"), boom.get("error").asText());
    assertEquals("ERROR", boom.at("/verdicts/0/status").asText());
    assertTrue(boom.get("errorTrace").asText().contains("java.lang.IllegalStateException: broken on purpose\n\tat "
        + "dev.perfgate.generator.report.RealRun.lambda$run$"), "the whole stack trace: " + boom.get("errorTrace"));
    assertTrue(boom.at("/verdicts/0/failed").asBoolean());
    JsonNode sum = resultNamed(root, "sum");
    assertTrue(sum.get("error").isNull(), "no error is written as null");
    assertTrue(sum.get("size").isNull(), "no size is written as null");
    List<String> statuses = new ArrayList<>();
    sum.get("verdicts").forEach(v -> statuses.add(v.get("status").asText()));
    assertEquals(List.of("PASS", "NOT_MEASURED"), statuses);
    JsonNode failed = resultNamed(root, "sort[size=4096]").at("/verdicts/0");
    assertEquals("FAIL", failed.get("status").asText());
    assertEquals(1.0, failed.at("/figures/limit").asDouble(), 0.0);
    assertTrue(failed.at("/figures/measured").asDouble() > 1.0);
    JsonNode scaling = root.at("/suiteVerdicts/0");
    assertEquals("sort time.wall", scaling.get("subject").asText());
    assertTrue(scaling.at("/figures/exponent").isNumber());
    assertEquals(6.0, scaling.at("/figures/observations").asDouble(), 0.0, "3 sizes x 2 trials");
    assertEquals(report.failures().size(), root.at("/statusCounts/FAIL").asInt() + root.at("/statusCounts/ERROR").asInt());
  }

  @Test
  void json_fieldOrder_isFixed() throws Exception {
    JsonNode root = parse(RealRun.report());
    List<String> top = new ArrayList<>();
    root.fieldNames().forEachRemaining(top::add);
    assertEquals(List.of("formatVersion", "tool", "passed", "elapsedNanos", "checks", "statusCounts", "environment", "probes",
        "warnings", "results", "suiteVerdicts", "tables"), top);
    List<String> result = new ArrayList<>();
    root.at("/results/0").fieldNames().forEachRemaining(result::add);
    assertEquals(List.of("key", "benchmark", "size", "threads", "startedAt", "elapsedNanos", "error", "errorTrace", "warnings",
        "metrics", "notMeasured", "trials", "verdicts"), result);
  }

  @Test
  void json_extrasTables_areWrittenUnderTables() throws Exception {
    Report report = RealRun.report();
    ReportExtras extras = ReportExtras.newBuilder()
        .table(dev.perfgate.api.BenchmarkKey.of("alloc"), "sites", List.of("site", "bytes"), List.of(List.of("A.b()", "1016")))
        .build();
    JsonNode root = MAPPER.readTree(Reports.json(report, extras));
    assertEquals("alloc", root.at("/tables/0/key").asText());
    assertEquals("A.b()", root.at("/tables/0/rows/0/0").asText());
    assertEquals(0, parse(report).get("tables").size());
  }

  @Test
  void json_metrics_comeInAFixedOrder() throws Exception {
    JsonNode alloc = resultNamed(parse(RealRun.report()), "alloc");
    List<String> names = new ArrayList<>();
    alloc.get("metrics").forEach(m -> names.add(m.get("name").asText()));
    assertEquals(List.of("time.wall", "time.cpu", "alloc.bytes"), names);
    List<String> sampleOrder = new ArrayList<>();
    alloc.at("/trials/0/samples/0/values").fieldNames().forEachRemaining(sampleOrder::add);
    assertEquals(names, sampleOrder);
  }

  @Test
  void json_sameReport_writesTheSameText() {
    Report report = RealRun.report();
    assertEquals(Reports.json(report), Reports.json(report));
  }

  @Test
  void json_undefinedFigure_isNullNotNaN() throws Exception {
    Report real = RealRun.report();
    Map<String, Double> figures = new HashMap<>();
    figures.put("ratio", Double.NaN);
    figures.put("limit", 2.0);
    Report report = new Report(List.of(), List.of(Verdict.of(Subject.benchmark("x"), "ratio <= 2", Status.INCONCLUSIVE,
        new Verdict.Note("x undecided", figures))), real.environment(), List.of(), List.of(), Duration.ofMillis(5));
    String json = Reports.json(report);
    assertFalse(json.contains("NaN"), json);
    JsonNode root = MAPPER.readTree(json);
    assertTrue(root.at("/suiteVerdicts/0/figures/ratio").isNull());
    assertEquals(2.0, root.at("/suiteVerdicts/0/figures/limit").asDouble(), 0.0);
  }
}
