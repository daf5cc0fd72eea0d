package dev.perfgate.generator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.api.Result;
import dev.perfgate.baseline.format.ResultFormat;
import dev.perfgate.baseline.format.StoredRun;
import dev.perfgate.generator.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON report and the baseline store write one format: the store's reader reads a report's
 * results, a report's trials stand in for a stored run's, and both declare the same version.
 */
final class ReportIsTheResultFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theStoresReader_readsEveryResultOfAReport_asTheRunThatWasMeasured() throws Exception {
    Report report = RealRun.report();
    String json = Reports.json(report);
    List<Result> read = ResultFormat.readReport(json);
    assertEquals(report.results().size(), read.size());
    boolean sawError = false;
    boolean sawNotMeasured = false;
    for (int i = 0; i < read.size(); i++) {
      Result r = report.results().get(i);
      sawError |= r.error().isPresent();
      sawNotMeasured |= !r.notMeasured().isEmpty();
      // The report keeps the exception behind an error as text (errorTrace) only.
      assertEquals(withoutCause(r), read.get(i), r.key().toString());
    }
    assertTrue(sawError && sawNotMeasured, "the run should hold an error and a metric not measured");
  }

  @Test
  void aReportsTrials_areAStoredRunsTrials() throws Exception {
    Report report = RealRun.report();
    JsonNode results = JSON.readTree(Reports.json(report)).get("results");
    int checked = 0;
    for (int i = 0; i < results.size(); i++) {
      Result r = report.results().get(i);
      if (r.trials().isEmpty()) {
        continue;
      }
      ObjectNode stored = (ObjectNode) JSON.readTree(ResultFormat.write(StoredRun.of(r)));
      ObjectNode run = (ObjectNode) stored.get("history").get(0);
      assertTrue(run.get("trials").get(0).isArray(), "the store writes compact trials");
      // The report's object-form trials in place of the store's arrays: the same run.
      run.set("trials", results.get(i).get("trials"));
      run.remove("columns");
      // The store notes the run's provenance beside it (the report does not carry one).
      assertEquals(withoutCause(r).withProvenance(r.provenance()), ResultFormat.read(JSON.writeValueAsString(stored)).result(),
          r.key().toString());
      checked++;
    }
    assertTrue(checked >= 3, "checked " + checked);
  }

  @Test
  void reportAndStore_declareOneVersion_underOneName() throws Exception {
    Report report = RealRun.report();
    JsonNode reportRoot = JSON.readTree(Reports.json(report));
    JsonNode storeRoot = JSON.readTree(ResultFormat.write(StoredRun.of(report.results().get(0))));
    assertEquals(ResultFormat.VERSION, reportRoot.get("formatVersion").asInt());
    assertEquals(ResultFormat.VERSION, storeRoot.get("formatVersion").asInt());
    assertEquals(Reports.JSON_FORMAT, ResultFormat.VERSION);
    assertFalse(reportRoot.has("format"));
  }

  @Test
  void theGoldenReport_readsBack_andItsEnvironmentHasTheFingerprintItStates() throws Exception {
    String golden = Files.readString(Path.of("src", "test", "resources", "golden", "report.json"));
    List<Result> read = ResultFormat.readReport(golden);
    JsonNode root = JSON.readTree(golden);
    assertEquals(root.get("results").size(), read.size());
    for (Result r : read) {
      assertEquals(root.at("/environment/fingerprint").asText(), r.environment().fingerprint());
      assertEquals(r, ResultFormat.read(ResultFormat.write(StoredRun.of(r))).result(), r.key().toString());
    }
    // A report written before the result format had one version ("format": 1) reads the same.
    assertEquals(read, ResultFormat.readReport(golden.replace("\"formatVersion\" : 2", "\"format\" : 1")));
  }

  private static Result withoutCause(Result r) {
    return new Result(r.key(), r.trials(), r.notMeasured(), r.warnings(), r.error(), r.environment(), r.startedAt(),
        r.elapsed());
  }
}
