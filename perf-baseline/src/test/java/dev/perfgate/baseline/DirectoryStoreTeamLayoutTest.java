package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.internal.FormatVersion1;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, defect 8: the directory store laid out for a team. The baseline file changes only when
 * baselines are updated, and then by compare-and-set; the history has its own file; baselines are
 * kept per environment side by side; every file follows the umask; a changed JVM is named.
 */
final class DirectoryStoreTeamLayoutTest {

  private static final BenchmarkKey KEY = BenchmarkKey.of("render");
  private static final String UPDATE_HINT = "-Dperfgate.baseline.update=true";
  private static final BaselinePolicy KEEP = BaselinePolicy.newBuilder().updateHint(UPDATE_HINT).build();
  private static final BaselinePolicy UPDATE = BaselinePolicy.newBuilder().update(true).build();

  @TempDir
  Path dir;

  private final Random random = new Random(14);

  private DirectoryBaselineStore store() {
    return BaselineStores.directory(dir.resolve(".perfgate"));
  }

  private Result run(Environment env, double center) {
    return Fixtures.result(KEY, env, Metric.WALL_TIME, Fixtures.Noise.LOGNORMAL.draw(random, 12, center, 0.02));
  }

  /** The fixed environment with another maximum heap, as {@code -Xmx1g} gives. */
  private static Environment withHeap(long bytes, String flag) {
    Environment e = Fixtures.environment();
    return new Environment(e.jvmVendor(), e.jvmVersion(), e.jvmName(), e.garbageCollectors(), bytes, List.of(flag),
        e.cpuModel(), e.cpus(), e.os(), e.arch(), e.warnings(), e.properties());
  }

  private static Environment withJvmVersion(String version) {
    Environment e = Fixtures.environment();
    return new Environment(e.jvmVendor(), version, e.jvmName(), e.garbageCollectors(), e.maxHeapBytes(),
        e.jvmArguments(), e.cpuModel(), e.cpus(), e.os(), e.arch(), e.warnings(), e.properties());
  }

  @Test
  void policy_runsThatAreNotUpdates_leaveTheBaselineFileBytesUnchanged() throws IOException {
    DirectoryBaselineStore store = store();
    assertEquals(BaselineDecision.Action.RECORDED, KEEP.apply(store, run(Fixtures.environment(), 1000)).action());
    byte[] baseline = Files.readAllBytes(store.file(KEY));

    assertEquals(BaselineDecision.Action.KEPT, KEEP.apply(store, run(Fixtures.environment(), 1000)).action());
    assertArrayEquals(baseline, Files.readAllBytes(store.file(KEY)), "a passing run rewrote the baseline file");
    assertEquals(BaselineDecision.Action.KEPT, KEEP.apply(store, run(Fixtures.environment(), 1400)).action());
    assertArrayEquals(baseline, Files.readAllBytes(store.file(KEY)), "a regressed run rewrote the baseline file");
    assertEquals(BaselineDecision.Action.NOT_RECORDED, KEEP.apply(store, Fixtures.failed(KEY)).action());
    assertArrayEquals(baseline, Files.readAllBytes(store.file(KEY)), "a failed run rewrote the baseline file");
    assertEquals(BaselineDecision.Action.NO_COMPARABLE_BASELINE,
        KEEP.apply(store, run(Fixtures.otherEnvironment(), 1000)).action());
    assertArrayEquals(baseline, Files.readAllBytes(store.file(KEY)), "another environment rewrote the baseline file");

    assertEquals(5, store.history(KEY).size(), "every run went to the history");
    assertTrue(Files.exists(store.historyFile(KEY)), store.historyFile(KEY).toString());
    assertFalse(Files.readString(store.file(KEY)).contains("\"history\""), "the baseline file holds no history");

    assertEquals(BaselineDecision.Action.REPLACED, UPDATE.apply(store, run(Fixtures.environment(), 990)).action());
    assertFalse(java.util.Arrays.equals(baseline, Files.readAllBytes(store.file(KEY))), "an update changes it");
  }

  @Test
  void policy_twoRunsWithDifferentXmx_keepTwoBaselines() throws IOException {
    DirectoryBaselineStore store = store();
    Environment small = withHeap(512L << 20, "-Xmx512m");
    Environment large = withHeap(1L << 30, "-Xmx1g");
    assertFalse(small.fingerprint().equals(large.fingerprint()));
    Result onSmall = run(small, 1000);
    Result onLarge = run(large, 800);
    assertEquals(BaselineDecision.Action.RECORDED, UPDATE.apply(store, onSmall).action());
    BaselineDecision second = UPDATE.apply(store, onLarge);
    assertEquals(BaselineDecision.Action.RECORDED, second.action());
    assertTrue(second.message().contains("max heap 512 MiB (536870912 bytes), this run 1 GiB (1073741824 bytes)")
        || second.message().contains("max heap"), second.message());

    assertEquals(2, store.baselines(KEY).size());
    assertEquals(Optional.of(onSmall), store.baseline(KEY, small));
    assertEquals(Optional.of(onLarge), store.baseline(KEY, large));

    // Each later run is compared with its own environment's baseline, and neither replaces the other.
    BaselineDecision again = KEEP.apply(store, run(small, 1000));
    assertEquals(BaselineDecision.Action.KEPT, again.action());
    assertEquals(1.0, again.comparisons().get(0).ratio(), 0.05, "compared with the -Xmx512m baseline");
    BaselineDecision againLarge = KEEP.apply(store, run(large, 800));
    assertEquals(BaselineDecision.Action.KEPT, againLarge.action());
    assertEquals(1.0, againLarge.comparisons().get(0).ratio(), 0.05, "compared with the -Xmx1g baseline");
    assertEquals(Optional.of(onSmall), store.baseline(KEY, small));
    assertEquals(Optional.of(onLarge), store.baseline(KEY, large));
  }

  @Test
  void policy_changedJvmVersion_isNamedInTheMessage() throws IOException {
    DirectoryBaselineStore store = store();
    KEEP.apply(store, run(withJvmVersion("17.0.14+7"), 1000));
    byte[] before = Files.readAllBytes(store.file(KEY));
    BaselineDecision d = KEEP.apply(store, run(withJvmVersion("17.0.15+6"), 1000));
    assertEquals(BaselineDecision.Action.NO_COMPARABLE_BASELINE, d.action());
    assertTrue(d.message().contains("JVM version 17.0.14+7, this run 17.0.15+6"), d.message());
    assertTrue(d.message().contains(UPDATE_HINT), d.message());
    assertFalse(d.message().contains("max heap"), "only what differs is named: " + d.message());
    assertEquals(List.of(Status.INCONCLUSIVE), d.verdicts().stream().map(Verdict::status).toList());
    assertArrayEquals(before, Files.readAllBytes(store.file(KEY)), "no new baseline without an update");
  }

  @Test
  void policy_twoUpdatesAtOnce_theSecondIsToldInsteadOfOverwritingTheFirst() throws IOException {
    DirectoryBaselineStore store = store();
    Result original = run(Fixtures.environment(), 1000);
    KEEP.apply(store, original);
    Result other = run(Fixtures.environment(), 1100);
    // A store through which another run's update lands between this run's read and its write.
    BaselineStore racing = new BaselineStore() {
      private boolean raced;

      @Override
      public Optional<Result> baseline(BenchmarkKey key) throws IOException {
        return store.baseline(key);
      }

      @Override
      public List<Result> baselines(BenchmarkKey key) throws IOException {
        return store.baselines(key);
      }

      @Override
      public void saveBaseline(Result result) throws IOException {
        store.saveBaseline(result);
      }

      @Override
      public boolean compareAndSetBaseline(Optional<Result> expected, Result result) throws IOException {
        if (!raced) {
          raced = true;
          assertEquals(BaselineDecision.Action.REPLACED, UPDATE.apply(store, other).action());
        }
        return store.compareAndSetBaseline(expected, result);
      }

      @Override
      public void append(Result result) throws IOException {
        store.append(result);
      }

      @Override
      public List<Result> history(BenchmarkKey key) throws IOException {
        return store.history(key);
      }
    };
    BaselineDecision d = UPDATE.apply(racing, run(Fixtures.environment(), 900));
    assertEquals(BaselineDecision.Action.NOT_REPLACED, d.action());
    assertTrue(d.message().contains("another run replaced it"), d.message());
    assertTrue(d.verdicts().stream().anyMatch(v -> v.status() == Status.INCONCLUSIVE), d.verdicts().toString());
    assertEquals(Optional.of(other), store.baseline(KEY, Fixtures.environment()), "the first update was kept");
    assertEquals(3, store.history(KEY).size());
  }

  @Test
  void files_followTheUmask_theLockFileAndHistoryIncluded() throws IOException {
    DirectoryBaselineStore store = store();
    KEEP.apply(store, run(Fixtures.environment(), 1000));
    KEEP.apply(store, run(Fixtures.environment(), 1000));
    Path probeFile = Files.createFile(store.root().resolve("probe"));
    Path probeDir = Files.createDirectory(store.root().resolve("probe-dir"));
    Set<PosixFilePermission> file = Files.getPosixFilePermissions(probeFile);
    Set<PosixFilePermission> directory = Files.getPosixFilePermissions(probeDir);
    List<Path> checked = new ArrayList<>();
    try (Stream<Path> all = Files.walk(store.root())) {
      for (Path p : all.filter(p -> !p.equals(probeFile) && !p.equals(probeDir) && !p.equals(store.root())).toList()) {
        assertEquals(Files.isDirectory(p) ? directory : file, Files.getPosixFilePermissions(p), p.toString());
        checked.add(store.root().relativize(p));
      }
    }
    assertEquals(Set.of(Path.of(".lock"), Path.of("render.json"), Path.of("history"), Path.of("history/render.json")),
        Set.copyOf(checked));
  }

  @Test
  void formatVersion1File_isReadAndSplitIntoBaselineAndHistoryOnTheNextWrite() throws IOException {
    DirectoryBaselineStore store = store();
    Result baseline = Fixtures.rich(KEY, 1);
    List<Result> history = List.of(Fixtures.rich(KEY, 2), Fixtures.failed(KEY), Fixtures.rich(KEY, 3));
    FormatVersion1.write(store.file(KEY), baseline, history);
    assertTrue(Files.readString(store.file(KEY)).contains("\"formatVersion\" : 1"));
    assertEquals(Optional.of(baseline), store.baseline(KEY));
    assertEquals(Optional.of(baseline), store.baseline(KEY, baseline.environment()));
    assertEquals(history, store.history(KEY));

    Result next = Fixtures.rich(KEY, 4);
    store.append(next);
    List<Result> all = new ArrayList<>(history);
    all.add(next);
    assertEquals(all, store.history(KEY));
    assertEquals(Optional.of(baseline), store.baseline(KEY));
    String baselineFile = Files.readString(store.file(KEY));
    assertTrue(baselineFile.contains("\"formatVersion\": 2"), baselineFile);
    assertFalse(baselineFile.contains("\"history\""), baselineFile);

    byte[] split = Files.readAllBytes(store.file(KEY));
    store.append(Fixtures.rich(KEY, 5));
    assertArrayEquals(split, Files.readAllBytes(store.file(KEY)), "after the split, appends leave the baseline alone");
    assertEquals(5, store.history(KEY).size());
  }

  @Test
  void formatVersion1File_splitInterruptedAfterTheHistory_losesAndDoublesNothing() throws IOException {
    DirectoryBaselineStore store = store();
    Result baseline = Fixtures.rich(KEY, 1);
    List<Result> history = List.of(Fixtures.rich(KEY, 2), Fixtures.rich(KEY, 3));
    FormatVersion1.write(store.file(KEY), baseline, history);
    // What a kill between the two steps of the split leaves: the history file written, the old file not yet.
    DirectoryBaselineStore elsewhere = BaselineStores.directory(dir.resolve("elsewhere"));
    for (Result r : history) {
      elsewhere.append(r);
    }
    Files.createDirectories(store.historyFile(KEY).getParent());
    Files.copy(elsewhere.historyFile(KEY), store.historyFile(KEY));

    assertEquals(history, store.history(KEY));
    assertEquals(Optional.of(baseline), store.baseline(KEY));
    store.append(Fixtures.rich(KEY, 4));
    assertEquals(List.of(Fixtures.rich(KEY, 2), Fixtures.rich(KEY, 3), Fixtures.rich(KEY, 4)), store.history(KEY));
    assertEquals(Optional.of(baseline), store.baseline(KEY));
    assertTrue(Files.readString(store.file(KEY)).contains("\"formatVersion\": 2"));
  }

  @Test
  void formatVersion1File_withOnlyAHistory_becomesAHistoryFile() throws IOException {
    DirectoryBaselineStore store = store();
    FormatVersion1.write(store.file(KEY), null, List.of(Fixtures.rich(KEY, 2)));
    assertEquals(Optional.empty(), store.baseline(KEY));
    store.append(Fixtures.rich(KEY, 3));
    assertFalse(Files.exists(store.file(KEY)), "no baseline file without a baseline");
    assertEquals(List.of(Fixtures.rich(KEY, 2), Fixtures.rich(KEY, 3)), store.history(KEY));
  }

  /** The lines of the run with the given fingerprint, from its savedAt line to its closing brace. */
  private static String run(String json, String fingerprint) {
    int at = json.indexOf("\"environment\": \"" + fingerprint + "-");
    int start = json.lastIndexOf("\"savedAt\"", at);
    int end = json.indexOf("\n    }", at);
    assertTrue(at > 0 && start > 0 && end > at, json);
    return json.substring(start, end);
  }

  @Test
  void baselineFile_keepsEnvironmentsSortedByFingerprint_soADiffShowsOnlyTheChangedOne() throws IOException {
    DirectoryBaselineStore store = store();
    Environment a = withHeap(256L << 20, "-Xmx256m");
    Environment b = withHeap(2L << 30, "-Xmx2g");
    store.saveBaseline(run(b, 1000));
    store.saveBaseline(run(a, 1000));
    String first = Files.readString(store.file(KEY));
    store.saveBaseline(run(a, 900));
    String json = Files.readString(store.file(KEY));
    String low = a.fingerprint().compareTo(b.fingerprint()) < 0 ? a.fingerprint() : b.fingerprint();
    String high = low.equals(a.fingerprint()) ? b.fingerprint() : a.fingerprint();
    assertTrue(json.indexOf("\"environment\": \"" + low + "-") < json.indexOf("\"environment\": \"" + high + "-"),
        json);
    assertEquals(2, store.baselines(KEY).size(), first);
    // Replacing a's baseline changed a's lines only: b's run is the same text before and after.
    String bRun = run(json, b.fingerprint());
    assertEquals(run(first, b.fingerprint()), bRun);
  }
}
