package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.baseline.internal.JsonDirectoryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DirectoryBaselineStoreTest extends BaselineStoreContract {

  private static final BenchmarkKey KEY = BenchmarkKey.of("render");

  @TempDir
  Path dir;

  @Override
  protected BaselineStore newStore() {
    return BaselineStores.directory(dir.resolve(".perfgate"));
  }

  private DirectoryBaselineStore directory() {
    return (DirectoryBaselineStore) store();
  }

  /** Every file of the store outside {@code branches/}, by path, with its bytes. */
  @Override
  protected Object baselineBranchState() throws IOException {
    java.util.Map<String, String> files = new java.util.TreeMap<>();
    try (Stream<Path> all = Files.walk(directory().root())) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String name = directory().root().relativize(p).toString();
        if (!name.startsWith(JsonDirectoryStore.BRANCHES_DIRECTORY + "/") && !name.equals(".lock")) {
          files.put(name, java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
        }
      }
    }
    return files;
  }

  @Test
  void branchRun_goesToItsBranchsOwnFile() throws IOException {
    Result r = Fixtures.result(KEY, Metric.WALL_TIME, 1).withProvenance(dev.perfgate.api.Provenance.of("c", "feature/X", "9"));
    directory().appendToBranch("feature/X", r);
    Path own = directory().branchHistoryFile(KEY, "feature/X");
    assertEquals(directory().root().resolve("branches"), own.getParent().getParent());
    assertTrue(own.getParent().getFileName().toString().startsWith("feature_x--"), own.toString());
    assertTrue(Files.exists(own));
    assertEquals(List.of(r), directory().branchHistory(KEY, "feature/X"));
    assertNotEquals(directory().branchHistoryFile(KEY, "feature/x"), own, "branches differing in case are kept apart");
  }

  @Test
  void file_plainName_isReadable() {
    assertEquals("render.json", directory().file(KEY).getFileName().toString());
    assertEquals("render--size-50--threads-4.json",
        directory().file(BenchmarkKey.of("render", 50).withThreads(4)).getFileName().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../x", "..", "/abs/path", "a\\b", "Render", "con", "nul.txt", "\u00e9t\u00e9"})
  void file_unsafeName_staysInsideTheRootWithAHash(String name) throws IOException {
    Path file = directory().file(BenchmarkKey.of(name));
    assertEquals(directory().root().normalize(), file.normalize().getParent());
    assertTrue(file.getFileName().toString().matches("_?[a-z0-9][a-z0-9._-]*--[0-9a-f]{16}\\.json"), file.toString());
    store().saveBaseline(Fixtures.result(BenchmarkKey.of(name), Metric.WALL_TIME, 1));
    try (Stream<Path> all = Files.walk(dir)) {
      assertTrue(all.filter(Files::isRegularFile).allMatch(p -> p.getParent().equals(directory().root())),
          "a file was written outside " + directory().root());
    }
  }

  @Test
  void describe_namesTheBaselineFile() {
    BenchmarkKey sized = BenchmarkKey.of("render", 50);
    assertEquals(directory().file(sized).toString(), directory().describe(sized));
  }

  @Test
  void file_namesThatDifferOnlyInCase_getDifferentFiles() {
    assertNotEquals(directory().file(BenchmarkKey.of("Render")), directory().file(BenchmarkKey.of("render")));
  }

  @Test
  void file_nameThatLooksLikeASizedVariant_getsItsOwnFile() {
    assertNotEquals(directory().file(BenchmarkKey.of("a", 5)), directory().file(BenchmarkKey.of("a--size-5")));
  }

  @Test
  void append_beyondTheLimit_dropsTheOldest() throws IOException {
    DirectoryBaselineStore small = BaselineStores.directory(dir.resolve("small"), 3);
    for (int i = 0; i < 5; i++) {
      small.append(Fixtures.result(KEY, Metric.WALL_TIME, 100 + i));
    }
    List<Result> history = small.history(KEY);
    assertEquals(3, history.size());
    assertEquals(102, history.get(0).trialValues(Metric.WALL_TIME)[0]);
    assertEquals(104, history.get(2).trialValues(Metric.WALL_TIME)[0]);
  }

  @Test
  void directory_historyLimitBelowOne_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BaselineStores.directory(dir, 0));
    assertEquals("history limit (0) must be >= 1 run", e.getMessage());
  }

  @Test
  void savedFiles_haveAStableFieldOrderAndOneLinePerTrial() throws IOException {
    store().saveBaseline(Fixtures.rich(KEY, 1));
    store().append(Fixtures.rich(KEY, 2));
    String json = Files.readString(directory().file(KEY));
    assertTrue(json.startsWith("{\n  \"formatVersion\": 2,\n  \"key\": {"), json.substring(0, 60));
    int[] order = {json.indexOf("\"key\""), json.indexOf("\"metrics\""), json.indexOf("\"baselines\"")};
    for (int i = 1; i < order.length; i++) {
      assertTrue(order[i - 1] >= 0 && order[i - 1] < order[i], "field order in " + json.substring(0, 400));
    }
    assertFalse(json.contains("\"history\""), "the history has its own file");
    assertTrue(json.contains("\"environment\": \"" + Fixtures.environment().fingerprint() + "-"), json);
    assertTrue(json.contains("\"revision\": \"abc1\""), "revision from the environment property");
    // Metric names are sorted, so a diff shows changed values, not reordered keys.
    assertTrue(json.indexOf("\"alloc.bytes\"") < json.indexOf("\"time.wall\""));
    assertEquals(3, json.lines().filter(l -> l.trim().startsWith("{\"index\":")).count(), "one line per trial");

    String history = Files.readString(directory().historyFile(KEY));
    assertTrue(history.startsWith("{\n  \"formatVersion\": 2,\n  \"key\": {"), history.substring(0, 60));
    assertTrue(history.contains("\"revision\": \"abc2\""), history);
    assertFalse(history.contains("\"baselines\""), history);
  }

  @Test
  void provenance_isStoredWithTheRunAndReadBack() throws IOException {
    BaselineStore withCi = new JsonDirectoryStore(dir.resolve("ci"), 10);
    Result tagged = Fixtures.result(KEY, Metric.WALL_TIME, 1)
        .withProvenance(dev.perfgate.api.Provenance.of("0123abc", "feature/x", "4711"));
    withCi.saveBaseline(tagged);
    String file = Files.readString(dir.resolve("ci/render.json"));
    assertTrue(file.contains("\"revision\": \"0123abc\",\n      \"branch\": \"feature/x\",\n      \"ciRunId\": \"4711\""), file);
    assertEquals(Optional.of(tagged), withCi.baseline(KEY));

    BaselineStore withoutCi = new JsonDirectoryStore(dir.resolve("none"), 10);
    withoutCi.saveBaseline(Fixtures.result(KEY, Metric.WALL_TIME, 1));
    assertFalse(Files.readString(dir.resolve("none/render.json")).contains("\"revision\""));
  }

  @Test
  void leftoverTemporaryFile_isIgnoredByReadsAndRemovedByTheNextWrite() throws IOException {
    store().saveBaseline(Fixtures.result(KEY, Metric.WALL_TIME, 1));
    store().append(Fixtures.result(KEY, Metric.WALL_TIME, 1));
    Path tmp = directory().root().resolve(".render.json.12345.tmp");
    Files.writeString(tmp, "{ \"formatVersion\" : 1, \"key\" : {\"na");
    Path historyTmp = directory().historyFile(KEY).resolveSibling(".render.json.12345.tmp");
    Files.writeString(historyTmp, "{ \"formatVersion\" : 2, \"key\" : {\"na");
    assertEquals(1, store().baseline(KEY).orElseThrow().trialValues(Metric.WALL_TIME)[0]);
    assertEquals(1, store().history(KEY).size());
    store().append(Fixtures.result(KEY, Metric.WALL_TIME, 2));
    assertFalse(Files.exists(tmp));
    assertFalse(Files.exists(historyTmp));
  }

  // ---- bad files: each gives an IOException naming the file and the fix, and is left as it was

  private Path writeRaw(String content) throws IOException {
    Path file = directory().file(KEY);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private IOException assertUnreadable(Path file) throws IOException {
    return assertUnreadable(file, "delete");
  }

  private IOException assertUnreadable(Path file, String fix) throws IOException {
    byte[] before = Files.readAllBytes(file);
    IOException e = assertThrows(IOException.class, () -> store().baseline(KEY));
    assertTrue(e.getMessage().startsWith("baseline file " + file + " "), e.getMessage());
    assertTrue(e.getMessage().contains(fix), e.getMessage());
    assertThrows(IOException.class, () -> store().history(KEY));
    IOException onWrite = assertThrows(IOException.class, () -> store().append(Fixtures.result(KEY, Metric.WALL_TIME, 1)));
    assertEquals(e.getMessage(), onWrite.getMessage());
    assertThrows(IOException.class, () -> store().saveBaseline(Fixtures.result(KEY, Metric.WALL_TIME, 1)));
    assertArrayEquals(before, Files.readAllBytes(file), "a failed read must not change the file");
    return e;
  }

  @Test
  void corruptFile_namesTheFileAndLine() throws IOException {
    Path file = writeRaw("{\n  \"formatVersion\" : 1,\n  \"key\" : { \"name\" : \"render\", \"threads\" : 1 },\n  oops\n}\n");
    IOException e = assertUnreadable(file);
    assertTrue(e.getMessage().contains("is not valid JSON at line 4"), e.getMessage());
    assertTrue(e.getMessage().endsWith("; fix or delete it"), e.getMessage());
  }

  @Test
  void truncatedFile_namesTheFileAndLine() throws IOException {
    store().saveBaseline(Fixtures.rich(KEY, 1));
    Path file = directory().file(KEY);
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
    IOException e = assertUnreadable(file);
    assertTrue(e.getMessage().matches("(?s).*is not valid JSON at line \\d+, column \\d+: .*; fix or delete it"), e.getMessage());
  }

  @Test
  void emptyFile_isReportedAsEmpty() throws IOException {
    IOException e = assertUnreadable(writeRaw(""));
    assertEquals("baseline file " + directory().file(KEY) + " is empty; fix or delete it", e.getMessage());
  }

  @Test
  void futureFormatVersion_asksForAnUpgrade() throws IOException {
    store().saveBaseline(Fixtures.result(KEY, Metric.WALL_TIME, 1));
    Path file = directory().file(KEY);
    Files.writeString(file, Files.readString(file).replace("\"formatVersion\": 2", "\"formatVersion\": 7"));
    IOException e = assertUnreadable(file);
    assertEquals("baseline file " + file + " has format version 7, newer than this Perfgate reads (2); "
        + "upgrade Perfgate, or delete the file", e.getMessage());
  }

  @Test
  void missingFormatVersion_isReported() throws IOException {
    IOException e = assertUnreadable(writeRaw("{ \"key\" : { \"name\" : \"render\", \"threads\" : 1 } }"));
    assertTrue(e.getMessage().contains("has no integer \"formatVersion\""), e.getMessage());
  }

  @Test
  void invalidEntry_namesTheEntryAndTheRule() throws IOException {
    store().append(Fixtures.result(KEY, Metric.WALL_TIME, 1));
    Path file = directory().historyFile(KEY);
    Files.writeString(file, Files.readString(file).replaceFirst("\\[\\[1000,", "[[-1,"));
    byte[] before = Files.readAllBytes(file);
    IOException e = assertThrows(IOException.class, () -> store().history(KEY));
    assertTrue(e.getMessage().contains("holds an invalid history entry 0: operations (-1) must be >= 1"), e.getMessage());
    assertThrows(IOException.class, () -> store().append(Fixtures.result(KEY, Metric.WALL_TIME, 2)));
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void fileOfAnotherBenchmark_isReported() throws IOException {
    store().saveBaseline(Fixtures.result(BenchmarkKey.of("other"), Metric.WALL_TIME, 1));
    Files.copy(directory().file(BenchmarkKey.of("other")), directory().file(KEY));
    // Deleting would lose a benchmark's history: the message says how to give the file back instead.
    IOException e = assertUnreadable(directory().file(KEY), "give it back the name other.json");
    assertTrue(e.getMessage().contains("holds benchmark \"other\", not \"render\""), e.getMessage());
  }

  @Test
  void classNamesInTheFile_areNeverInstantiated() throws IOException {
    // Polymorphic typing is off: a type hint is an unknown property, ignored, never a class to load.
    store().saveBaseline(Fixtures.result(KEY, Metric.WALL_TIME, 1));
    Path file = directory().file(KEY);
    Files.writeString(file, Files.readString(file).replaceFirst("\\{", "{ \"@class\" : \"java.lang.ProcessBuilder\","));
    assertEquals(1, store().baseline(KEY).orElseThrow().trialValues(Metric.WALL_TIME)[0]);
  }

  @Test
  void sizedKey_roundTripsItsSize() throws IOException {
    BenchmarkKey key = new BenchmarkKey("render", OptionalInt.of(0), 3);
    store().saveBaseline(Fixtures.result(key, Metric.WALL_TIME, 1));
    assertEquals(key, store().baseline(key).orElseThrow().key());
    assertTrue(Files.readString(directory().file(key), StandardCharsets.UTF_8).contains("\"size\":0"));
  }
}
