package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Provenance;
import dev.perfgate.api.Result;
import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BaselinePolicyTest {

  private static final BenchmarkKey KEY = BenchmarkKey.of("render");
  private static final Metric TIME = Metric.WALL_TIME;
  private static final BaselinePolicy KEEP = BaselinePolicy.newBuilder().updateHint("-Dperfgate.baseline.update=true")
      .build();
  private static final BaselinePolicy UPDATE = BaselinePolicy.newBuilder().update(true).build();

  @TempDir
  Path dir;

  private DirectoryBaselineStore store;
  private final Random random = new Random(21);

  @BeforeEach
  void open() {
    store = BaselineStores.directory(dir.resolve(".perfgate"));
  }

  private Result run(double center) {
    return Fixtures.result(KEY, TIME, Fixtures.Noise.LOGNORMAL.draw(random, 12, center, 0.02));
  }

  @Test
  void firstRun_isRecordedAsTheBaseline() throws IOException {
    Result first = run(1000);
    BaselineDecision d = KEEP.apply(store, first);
    assertEquals(BaselineDecision.Action.RECORDED, d.action());
    assertEquals(first, store.baseline(KEY).orElseThrow());
    assertEquals(List.of(first), store.history(KEY));
    assertEquals(List.of(Status.PASS), d.verdicts().stream().map(Verdict::status).toList());
    assertTrue(d.message().contains("recorded as the baseline in " + store.file(KEY)), d.message());
  }

  @Test
  void laterRun_isComparedAndKeepsTheBaseline() throws IOException {
    Result first = run(1000);
    KEEP.apply(store, first);
    Result slower = run(1300);
    BaselineDecision d = KEEP.apply(store, slower);
    assertEquals(BaselineDecision.Action.KEPT, d.action());
    assertEquals(first, store.baseline(KEY).orElseThrow());
    assertEquals(2, store.history(KEY).size());
    Comparison c = d.comparisons().get(0);
    assertEquals(Outcome.REGRESSED, c.outcome());
    assertEquals(Status.FAIL, c.status());
    assertTrue(d.verdicts().stream().anyMatch(v -> v.status() == Status.FAIL && v.check().equals("time.wall vs baseline")));
    assertEquals(1, d.historyChecks().size());
    assertTrue(d.historyChecks().get(0).advisory());
    assertTrue(d.trends().containsKey(TIME));
  }

  @Test
  void updateRequested_replacesTheBaselineAfterComparing() throws IOException {
    KEEP.apply(store, run(1000));
    Result next = run(1010);
    BaselineDecision d = UPDATE.apply(store, next);
    assertEquals(BaselineDecision.Action.REPLACED, d.action());
    assertEquals(next, store.baseline(KEY).orElseThrow());
    assertEquals(1, d.comparisons().size());
  }

  @Test
  void baselineMeasuredInForks_isNotComparedWithARunInOneJvm_andSaysSo() throws IOException {
    Environment e = Fixtures.environment();
    Environment forked = new Environment(e.jvmVendor(), e.jvmVersion(), e.jvmName(), e.garbageCollectors(),
        e.maxHeapBytes(), e.jvmArguments(), e.cpuModel(), e.cpus(), e.os(), e.arch(), e.warnings(),
        Map.of(Environment.FORKS_PROPERTY, "4"));
    store.saveBaseline(Fixtures.result(KEY, forked, TIME, 4000, 4010, 3990));
    BaselineDecision d = KEEP.apply(store, run(1000));
    assertEquals(BaselineDecision.Action.NO_COMPARABLE_BASELINE, d.action());
    assertTrue(d.comparisons().isEmpty(), "a cold fork and a warm JVM differ by more than noise");
    assertTrue(d.verdicts().get(0).message().contains("trials in forked JVMs, this run one JVM"),
        d.verdicts().get(0).message());
  }

  @Test
  void baselineFromAnotherEnvironment_isNeverComparedAndSaysWhereAndWhy() throws IOException {
    Result foreign = Fixtures.result(KEY, Fixtures.otherEnvironment(), TIME, 500, 501, 502);
    store.saveBaseline(foreign);
    BaselineDecision d = KEEP.apply(store, run(1000));
    assertEquals(BaselineDecision.Action.NO_COMPARABLE_BASELINE, d.action());
    assertTrue(d.comparisons().isEmpty());
    assertEquals(foreign, store.baseline(KEY).orElseThrow());
    assertEquals(1, store.history(KEY).size());
    Verdict v = d.verdicts().get(0);
    assertEquals(Status.INCONCLUSIVE, v.status());
    assertTrue(v.message().contains("no comparable baseline: " + store.file(KEY)), v.message());
    assertTrue(v.message().contains(Fixtures.otherEnvironment().fingerprint()), v.message());
    assertTrue(v.message().endsWith("-Dperfgate.baseline.update=true"), v.message());

    assertTrue(v.message().contains("CPUs 8, this run 2"), "names what differs: " + v.message());

    // An update records this environment's baseline beside the other one, which it keeps.
    BaselineDecision recorded = UPDATE.apply(store, run(1000));
    assertEquals(BaselineDecision.Action.RECORDED, recorded.action());
    assertEquals(Fixtures.environment(), store.baseline(KEY).orElseThrow().environment());
    assertEquals(foreign, store.baseline(KEY, Fixtures.otherEnvironment()).orElseThrow());
    assertEquals(2, store.baselines(KEY).size());
  }

  @Test
  void failedRun_goesToTheHistoryOnly() throws IOException {
    Result first = run(1000);
    KEEP.apply(store, first);
    BaselineDecision d = UPDATE.apply(store, Fixtures.failed(KEY));
    assertEquals(BaselineDecision.Action.NOT_RECORDED, d.action());
    assertEquals(first, store.baseline(KEY).orElseThrow());
    assertEquals(2, store.history(KEY).size());
    assertTrue(d.verdicts().isEmpty());
  }

  @Test
  void tenRunsOfHistory_letTheHistoryCheckFail() throws IOException {
    for (int i = 0; i < 10; i++) {
      KEEP.apply(store, run(1000));
    }
    BaselineDecision d = KEEP.apply(store, run(1400));
    HistoryCheck h = d.historyChecks().get(0);
    assertEquals(10, h.runs());
    assertEquals(Status.FAIL, h.status());
    assertEquals(11, store.history(KEY).size());
  }

  @Test
  void unreadableBaselineFile_failsTheRunAndIsLeftAlone() throws IOException {
    Path file = store.file(KEY);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{ \"formatVersion\" : 1, ");
    byte[] before = Files.readAllBytes(file);
    IOException e = assertThrows(IOException.class, () -> UPDATE.apply(store, run(1000)));
    assertTrue(e.getMessage().startsWith("baseline file " + file), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void decide_readsAndWritesNothing_recordWritesTheDecision() throws IOException {
    Result first = run(1000);
    KEEP.apply(store, first);
    Result slower = run(1300);
    BaselinePolicy.Stored stored = BaselinePolicy.Stored.load(store, slower);
    assertEquals(store.file(KEY).toString(), stored.place());
    assertEquals(List.of(first), stored.history());
    byte[] before = Files.readAllBytes(store.historyFile(KEY));

    BaselineDecision decided = UPDATE.decide(stored, slower, java.util.Set.of(TIME));
    assertEquals(BaselineDecision.Action.REPLACED, decided.action(), "an update is what it is about to do");
    assertEquals(Outcome.REGRESSED, decided.comparisons().get(0).outcome());
    assertArrayEquals(before, Files.readAllBytes(store.historyFile(KEY)), "deciding wrote nothing");
    assertEquals(first, store.baseline(KEY).orElseThrow());

    BaselineDecision done = UPDATE.record(store, stored, slower, java.util.Set.of(TIME), decided);
    assertEquals(BaselineDecision.Action.REPLACED, done.action());
    assertEquals(slower, store.baseline(KEY).orElseThrow());
    assertEquals(List.of(first, slower), store.history(KEY));
  }

  @Test
  void decide_metricNotJudged_isNotCompared() throws IOException {
    KEEP.apply(store, run(1000));
    Result next = run(1000);
    BaselineDecision d = KEEP.decide(BaselinePolicy.Stored.load(store, next), next, java.util.Set.of(Metric.ALLOCATED_BYTES));
    assertEquals(BaselineDecision.Action.KEPT, d.action());
    assertTrue(d.comparisons().isEmpty(), d.comparisons().toString());
    assertTrue(d.historyChecks().isEmpty(), d.historyChecks().toString());
    assertTrue(d.trends().containsKey(TIME), "trends cover every metric, judged or not");
  }

  @Test
  void otherEnvironment_withoutAHint_namesTheBuilderOption() throws IOException {
    store.saveBaseline(Fixtures.result(KEY, Fixtures.otherEnvironment(), TIME, 500, 501, 502));
    BaselineDecision d = BaselinePolicy.newBuilder().build().apply(store, run(1000));
    assertTrue(d.message().endsWith(": BaselinePolicy.newBuilder().update(true)"), d.message());
  }

  @Test
  void builder_optionSetTwice_isRejected() {
    BaselinePolicy.Builder b = BaselinePolicy.newBuilder().update(true);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.update(false));
    assertTrue(e.getMessage().startsWith("update was already set"), e.getMessage());
  }

  private static final String C1 = "c1".repeat(20);
  private static final String C2 = "c2".repeat(20);
  private static final String C3 = "c3".repeat(20);

  /** Main's runs at c1 (the first baseline), c2 (30% slower, kept in the history) and c3 (the new baseline). */
  private void mainHistory() throws IOException {
    KEEP.apply(store, run(1000).withProvenance(Provenance.of(C1, "main", null)));
    KEEP.apply(store, run(1300).withProvenance(Provenance.of(C2, "main", null)));
    UPDATE.apply(store, run(1000).withProvenance(Provenance.of(C3, "main", null)));
  }

  @Test
  void branchRun_withAStoredRunAtItsMergeBase_isComparedWithThatRun_andWritesNothingOfMain() throws IOException {
    mainHistory();
    Result baselineBefore = store.baseline(KEY).orElseThrow();
    assertEquals(Optional.of(C3), baselineBefore.provenance().commit());
    List<Result> historyBefore = store.history(KEY);
    Result branchRun = run(1300).withProvenance(Provenance.of("f00d".repeat(10), "feature/x", null)
        .withMergeBase(C2.substring(0, 7)));
    BaselineDecision d = KEEP.apply(store, branchRun);
    // As slow as c2's run: unchanged against it, where against c3's baseline (1000) it would regress.
    assertEquals(Outcome.UNCHANGED, d.comparisons().get(0).outcome(), d.message());
    assertTrue(d.message().contains("compared with main's run at the merge base c2c2c2c in "), d.message());
    assertEquals(baselineBefore, store.baseline(KEY).orElseThrow());
    assertEquals(historyBefore, store.history(KEY));
    // The merge base is found again by every run, not stored with it.
    assertEquals(List.of(branchRun.withProvenance(branchRun.provenance().withMergeBase(null))),
        store.branchHistory(KEY, "feature/x"));
  }

  @Test
  void branchRun_withoutAStoredRunAtItsMergeBase_isComparedWithTheCurrentBaselineAndSaysSo() throws IOException {
    mainHistory();
    Result branchRun = run(1300).withProvenance(Provenance.of("f00d".repeat(10), "feature/x", null)
        .withMergeBase("abcdef0123"));
    BaselineDecision d = KEEP.apply(store, branchRun);
    assertEquals(Outcome.REGRESSED, d.comparisons().get(0).outcome(), d.message());
    assertTrue(d.message().contains("no run at the merge base abcdef0 stored: compared with the current baseline in "),
        d.message());
    assertEquals(Optional.of(C3), store.baseline(KEY).orElseThrow().provenance().commit());
  }

  @Test
  void branchRun_runAtTheMergeBaseOfAnotherEnvironment_isNotTheReference() throws IOException {
    mainHistory();
    String c4 = "c4".repeat(20);
    // Only another machine measured main at c4, as slow as the branch run.
    store.append(Fixtures.result(KEY, Fixtures.otherEnvironment(), TIME, 1300, 1301, 1302)
        .withProvenance(Provenance.of(c4, "main", null)));
    Result branchRun = run(1300).withProvenance(Provenance.of("f00d".repeat(10), "feature/x", null)
        .withMergeBase(c4));
    BaselineDecision d = KEEP.apply(store, branchRun);
    assertEquals(Outcome.REGRESSED, d.comparisons().get(0).outcome(), d.message());
    assertTrue(d.message().contains("no run at the merge base c4c4c4c stored"), d.message());
  }
}
