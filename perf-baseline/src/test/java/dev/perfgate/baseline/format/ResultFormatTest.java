package dev.perfgate.baseline.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Result;
import dev.perfgate.api.Trial;
import dev.perfgate.baseline.DirectoryBaselineStore;
import dev.perfgate.baseline.Fixtures;
import dev.perfgate.baseline.internal.JsonDirectoryStore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ResultFormatTest {

  private static final BenchmarkKey KEY = BenchmarkKey.of("render");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void write_thenRead_givesTheSameRunAndWhatWasNotedBesideIt() throws Exception {
    StoredRun run = new StoredRun(Fixtures.rich(KEY, 3), Optional.of("2026-11-26T12:00:00Z"), Optional.of("abc3"),
        Optional.empty(), Optional.empty());
    StoredRun back = ResultFormat.read(ResultFormat.write(run));
    assertEquals(run, back);
    assertEquals(StoredRun.of(Fixtures.failed(KEY)), ResultFormat.read(ResultFormat.write(StoredRun.of(Fixtures.failed(KEY)))));
  }

  @Test
  void write_isByteForByteTheHistoryFileTheDirectoryStoreWrites() throws Exception {
    DirectoryBaselineStore store = new JsonDirectoryStore(dir, 10);
    store.append(Fixtures.rich(KEY, 7));
    String file = Files.readString(store.historyFile(KEY), StandardCharsets.UTF_8);
    StoredRun stored = ResultFormat.read(file);
    assertEquals(Optional.of("abc7"), stored.revision(), "the provenance's commit is the revision");
    assertEquals(Fixtures.rich(KEY, 7), stored.result());
    assertEquals(file, ResultFormat.write(stored));
  }

  @Test
  void storeDocument_leavesOutTheReportOnlyAndTheReservedFields() throws Exception {
    String json = ResultFormat.write(StoredRun.of(Fixtures.rich(KEY, 1)));
    for (String absent : List.of("\"fingerprint\"", "\"symbol\"", "\"statistics\"", "\"branch\"", "\"ciRunId\"",
        "\"fork\"", "\"baseline\"", "\"savedAt\"")) {
      assertFalse(json.contains(absent), absent + " in " + json);
    }
    assertTrue(json.startsWith("{\n  \"formatVersion\": 2,\n  \"key\": {\"name\":\"render\",\"threads\":1},\n"), json);
  }

  @Test
  void reservedFields_areReadAndTheRunsOnesKeptOnTheNextWrite() throws Exception {
    ObjectNode doc = (ObjectNode) JSON.readTree(ResultFormat.write(StoredRun.of(Fixtures.rich(KEY, 2))));
    ObjectNode run = (ObjectNode) doc.get("history").get(0);
    run.put("branch", "main").put("ciRunId", "12345");
    // A trial with a fork is an object, even where its index is its position.
    JsonNode firstTrial = run.get("trials").get(0);
    ObjectNode trial = JSON.createObjectNode().put("index", 0).put("fork", 1);
    trial.set("values", firstTrial.get("values"));
    trial.set("samples", firstTrial.get("samples"));
    run.withArray("trials").set(0, trial);
    StoredRun read = ResultFormat.read(JSON.writeValueAsString(doc));
    assertEquals(Optional.of("main"), read.branch());
    assertEquals(Optional.of("12345"), read.ciRunId());
    Result rich = Fixtures.rich(KEY, 2);
    List<Trial> trials = new java.util.ArrayList<>(rich.trials());
    trials.set(0, trials.get(0).inFork(0, 1));
    assertEquals(withTrials(rich, trials).withProvenance(dev.perfgate.api.Provenance.of("abc2", "main", "12345")),
        read.result(), "what the store noted is the result's provenance, and the fork of each trial");
    assertTrue(ResultFormat.write(read).contains("\"branch\": \"main\",\n      \"ciRunId\": \"12345\""));
  }

  private static Result withTrials(Result r, List<Trial> trials) {
    return new Result(r.key(), trials, r.notMeasured(), r.warnings(), r.error(), r.environment(), r.startedAt(),
        r.elapsed(), r.cause(), r.annotations(), r.provenance());
  }

  /** The trials of {@code rich} spread over forks 0, 1 and 2, as a joined forked run holds them. */
  private static Result forked(Result rich) {
    List<Trial> trials = new java.util.ArrayList<>();
    for (Trial t : rich.trials()) {
      trials.add(t.inFork(t.index(), t.index() % 3));
    }
    return withTrials(rich, trials);
  }

  @Test
  void write_thenRead_keepsWhichTrialRanInWhichFork() throws Exception {
    Result r = forked(Fixtures.result(KEY, dev.perfgate.api.Metric.WALL_TIME, 100, 101, 102, 110, 111, 120));
    String json = ResultFormat.write(StoredRun.of(r));
    StoredRun back = ResultFormat.read(json);
    assertEquals(r, back.result());
    assertEquals(List.of(0, 1, 2, 0, 1, 2), back.result().trials().stream().map(Trial::fork).toList());
    assertTrue(json.contains("\"fork\":1"), json);
    // Trials of fork 0 stay compact arrays; the others are objects that name their fork.
    JsonNode trials = JSON.readTree(json).get("history").get(0).get("trials");
    assertTrue(trials.get(0).isArray(), trials.toString());
    assertEquals(2, trials.get(2).get("fork").asInt(), trials.toString());
    assertEquals(json, ResultFormat.write(back), "a second write is byte for byte the first");
  }

  @Test
  void write_ofARunWithoutForks_writesNoForkAndReadsAsBefore() throws Exception {
    Result r = Fixtures.rich(KEY, 5);
    String json = ResultFormat.write(StoredRun.of(r));
    assertFalse(json.contains("\"fork\""), json);
    assertTrue(ResultFormat.read(json).result().trials().stream().allMatch(t -> t.fork() == 0));
  }

  @Test
  void aFileWrittenBeforeForksWereStored_readsWithEveryTrialInFork0() throws Exception {
    // A history file as the directory store wrote it before this change (commit 26328f9): trials as
    // arrays, one as an object with trial-level values, and no "fork" anywhere.
    String old = """
        {
          "formatVersion": 2,
          "key": {"name":"render","threads":1},
          "metrics": [
            {"name":"gc.count","unit":"COUNT","direction":"NEUTRAL"},
            {"name":"time.wall","unit":"NANOSECONDS","direction":"LOWER_IS_BETTER"}
          ],
          "environments": {
            "e1": {"jvmVendor":"Test Vendor","jvmVersion":"17.0.99+1","jvmName":"Test VM","garbageCollectors":["G1"],        "maxHeapBytes":536870912,"jvmArguments":["-Xmx512m"],"cpuModel":"Test CPU","cpus":2,"os":"Linux 6.1","arch":"amd64"}
          },
          "history": [
            {
              "startedAt": "2026-11-26T12:00:00Z",
              "elapsedNanos": 3000000000,
              "environment": "e1",
              "columns": ["operations","elapsedNanos","time.wall"],
              "trials": [
                [[1000,1000000,99.0],[1000,1000000,100.0]],
                {"index":1,"values":{"gc.count":2},"samples":[[1000,1000000,110.0]]}
              ]
            }
          ]
        }
        """;
    Result r = ResultFormat.read(old).result();
    assertEquals(2, r.trials().size());
    assertEquals(List.of(0, 0), r.trials().stream().map(Trial::fork).toList());
    assertEquals(List.of(0, 1), r.trials().stream().map(Trial::index).toList());
    assertEquals(110.0, r.trials().get(1).value(dev.perfgate.api.Metric.WALL_TIME));
  }

  @Test
  void read_ofANegativeFork_isRefusedWithTheTrial() throws Exception {
    ObjectNode doc = (ObjectNode) JSON.readTree(ResultFormat.write(StoredRun.of(
        forked(Fixtures.result(KEY, dev.perfgate.api.Metric.WALL_TIME, 100, 101)))));
    ((ObjectNode) doc.get("history").get(0).get("trials").get(1)).put("fork", -1);
    FormatException e = assertThrows(FormatException.class, () -> ResultFormat.read(JSON.writeValueAsString(doc)));
    assertTrue(e.getMessage().contains("trial 1 has fork -1, not an integer >= 0"), e.getMessage());
  }

  @Test
  void read_ofADocumentWithTwoRuns_isRefused() throws Exception {
    DirectoryBaselineStore store = new JsonDirectoryStore(dir, 10);
    store.append(Fixtures.rich(KEY, 1));
    store.append(Fixtures.rich(KEY, 2));
    FormatException e = assertThrows(FormatException.class,
        () -> ResultFormat.read(Files.readString(store.historyFile(KEY))));
    assertEquals("holds 2 runs, not one", e.getMessage());
  }

  @Test
  void newerVersion_saysSo_andAnInvalidRunNamesItself() throws Exception {
    String json = ResultFormat.write(StoredRun.of(Fixtures.rich(KEY, 1)));
    FormatException newer = assertThrows(FormatException.class,
        () -> ResultFormat.read(json.replace("\"formatVersion\": 2", "\"formatVersion\": 3")));
    assertTrue(newer.newerVersion());
    FormatException invalid = assertThrows(FormatException.class,
        () -> ResultFormat.read(json.replace("\"startedAt\": ", "\"startedAt0\": ")));
    assertFalse(invalid.newerVersion());
    assertEquals("holds an invalid history entry 0: startedAt is missing", invalid.getMessage());
  }

  @Test
  void theSchemaFile_isOnTheClassPath_andNamesTheVersionAndTheReservedFields() throws Exception {
    try (InputStream in = ResultFormat.class.getResourceAsStream("perfgate-result.schema.json")) {
      assertNotNull(in, "perfgate-result.schema.json beside ResultFormat");
      JsonNode schema = JSON.readTree(in);
      assertEquals(ResultFormat.VERSION, schema.at("/$defs/formatVersion/maximum").asInt());
      assertTrue(schema.at("/$defs/run/properties/branch").isObject());
      assertTrue(schema.at("/$defs/run/properties/ciRunId").isObject());
      assertTrue(schema.at("/$defs/trialObject/properties/fork").isObject());
      List<String> units = new java.util.ArrayList<>();
      schema.at("/$defs/metric/properties/unit/enum").forEach(n -> units.add(n.asText()));
      assertEquals(java.util.Arrays.stream(dev.perfgate.api.Unit.values()).map(Enum::name).toList(), units);
      List<String> directions = new java.util.ArrayList<>();
      schema.at("/$defs/metric/properties/direction/enum").forEach(n -> directions.add(n.asText()));
      assertEquals(java.util.Arrays.stream(dev.perfgate.api.Direction.values()).map(Enum::name).toList(), directions);
    }
  }

  @Test
  void aVersion1Run_readsAsTheSameResult() throws Exception {
    Result r = Fixtures.rich(KEY, 4);
    byte[] v1 = dev.perfgate.baseline.internal.FormatVersion1.bytes(r, List.of(), java.time.Instant.EPOCH);
    ResultFormat.Document d = ResultFormat.parse(v1);
    assertEquals(1, d.version());
    assertEquals(r, d.baselines().get(0).result());
  }

  @Test
  void aRunWithRulerFigures_roundTripsThemInItsEnvironment_andTheFingerprintIgnoresThem() throws Exception {
    Result plain = Fixtures.rich(KEY, 5);
    dev.perfgate.api.Ruler ruler = new dev.perfgate.api.Ruler(List.of(
        new dev.perfgate.api.Ruler.Part("cpu", 1.2345678e7, 2.5e5, 9),
        new dev.perfgate.api.Ruler.Part("memory", 8.1e6, 1.0e5, 9),
        new dev.perfgate.api.Ruler.Part("files", 3.3e6, 4.4e5, 9)), java.time.Duration.ofMillis(412));
    Result withRuler = new Result(plain.key(), plain.trials(), plain.notMeasured(), plain.warnings(), plain.error(),
        plain.environment().withRuler(ruler), plain.startedAt(), plain.elapsed());
    String json = ResultFormat.write(StoredRun.of(withRuler));
    assertTrue(json.contains("\"ruler\":{\"parts\":[{\"name\":\"cpu\",\"median\":1.2345678E7,"), json);
    StoredRun back = ResultFormat.read(json);
    assertEquals(withRuler, back.result());
    assertEquals(Optional.of(ruler), back.result().environment().ruler());
    assertEquals(plain.environment().fingerprint(), back.result().environment().fingerprint());
    assertEquals(json, ResultFormat.write(back));
  }

  @Test
  void aFileWrittenBeforeTheRuler_readsWithoutOne() throws Exception {
    String json = ResultFormat.write(StoredRun.of(Fixtures.rich(KEY, 6)));
    assertFalse(json.contains("\"ruler\""), "no ruler, no field: files stay as they were");
    Result back = ResultFormat.read(json).result();
    assertEquals(Optional.empty(), back.environment().ruler());
    assertEquals(Fixtures.rich(KEY, 6), back);
  }

  @Test
  void theSchema_describesTheRuler() throws Exception {
    try (InputStream in = ResultFormat.class.getResourceAsStream("perfgate-result.schema.json")) {
      JsonNode schema = JSON.readTree(in);
      assertEquals("#/$defs/ruler", schema.at("/$defs/environment/properties/ruler/$ref").asText());
      List<String> required = new java.util.ArrayList<>();
      schema.at("/$defs/ruler/properties/parts/items/required").forEach(n -> required.add(n.asText()));
      assertEquals(List.of("name", "median", "spread", "trials"), required);
    }
  }
}
