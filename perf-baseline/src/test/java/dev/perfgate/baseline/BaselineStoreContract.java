package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link BaselineStore}: every implementation extends it and passes it.
 * Ship your own store's test as
 *
 * <pre>{@code
 * final class MyStoreTest extends BaselineStoreContract {
 *   protected BaselineStore newStore() { return new MyStore(...); }   // empty, keeps >= 100 runs
 * }
 * }</pre>
 *
 * <p>Besides round trips (hostile names included: path tricks, names that differ only in an
 * unpaired surrogate or a NUL) and concurrent appends, it checks that baselines are kept per environment
 * fingerprint side by side ({@code baselines}, {@code baseline(key, environment)}) and that
 * {@code compareAndSetBaseline} replaces only the baseline it expects, with exactly one winner among
 * eight threads racing to record the first baseline: a store shared by several processes overrides
 * the non-atomic default.
 *
 * <p>It is published in the {@code perf-baseline} test jar ({@code <type>test-jar</type>}).
 */
public abstract class BaselineStoreContract {

  /** The history every store under test must keep at least. */
  protected static final int MIN_HISTORY = 100;

  private BaselineStore store;

  /**
   * A new, empty store that keeps at least {@link #MIN_HISTORY} runs per variant.
   *
   * @return the store
   * @throws Exception if it cannot be created
   */
  protected abstract BaselineStore newStore() throws Exception;

  /**
   * What the store holds for the baseline branch, raw, as it lies on disk or in the database
   * (files' bytes, rows), so that a test can show that a branch run changed none of it. The
   * default is what the store reads back, for a store with nothing rawer to show.
   *
   * @return a value that is equal before and after a change of nothing
   * @throws Exception if it cannot be read
   */
  protected Object baselineBranchState() throws Exception {
    List<Object> state = new ArrayList<>();
    for (BenchmarkKey key : List.of(BenchmarkKey.of("render"), BenchmarkKey.of("parse"))) {
      state.add(store.baselines(key));
      state.add(store.history(key));
    }
    return state;
  }

  /**
   * The store under test in this test method.
   *
   * @return the store
   */
  protected final BaselineStore store() {
    return store;
  }

  @BeforeEach
  final void createStore() throws Exception {
    store = newStore();
  }

  @Test
  public void emptyStore_hasNoBaselineAndNoHistory() throws Exception {
    assertEquals(Optional.empty(), store.baseline(BenchmarkKey.of("render")));
    assertEquals(List.of(), store.history(BenchmarkKey.of("render")));
  }

  @Test
  public void describe_namesAPlaceWithoutTouchingTheStore() throws Exception {
    BenchmarkKey key = BenchmarkKey.of("render", 1000);
    String where = store.describe(key);
    assertFalse(where.isBlank(), "describe(key) names where the baselines of " + key + " are kept");
    assertEquals(Optional.empty(), store.baseline(key), "describing a variant stores nothing");
    assertEquals(List.of(), store.history(key));
  }

  @Test
  public void saveBaseline_thenLoad_givesAnEqualResult() throws Exception {
    Result r = Fixtures.rich(BenchmarkKey.of("render"), 1);
    store.saveBaseline(r);
    assertEquals(Optional.of(r), store.baseline(r.key()));
  }

  @Test
  public void saveBaseline_twice_keepsTheNewest() throws Exception {
    Result first = Fixtures.rich(BenchmarkKey.of("render"), 1);
    Result second = Fixtures.rich(BenchmarkKey.of("render"), 2);
    store.saveBaseline(first);
    store.saveBaseline(second);
    assertEquals(Optional.of(second), store.baseline(first.key()));
  }

  @Test
  public void saveBaseline_inTwoEnvironments_keepsBothSideBySide() throws Exception {
    Result here = Fixtures.result(BenchmarkKey.of("render"), Fixtures.environment(), Metric.WALL_TIME, 10, 11);
    Result there = Fixtures.result(BenchmarkKey.of("render"), Fixtures.otherEnvironment(), Metric.WALL_TIME, 20, 21);
    store.saveBaseline(here);
    store.saveBaseline(there);
    assertEquals(Optional.of(here), store.baseline(here.key(), Fixtures.environment()));
    assertEquals(Optional.of(there), store.baseline(here.key(), Fixtures.otherEnvironment()));
    assertEquals(Set.of(here, there), Set.copyOf(store.baselines(here.key())));
    assertEquals(Optional.of(there), store.baseline(here.key()), "baseline(key) is the most recently saved");

    Result hereAgain = Fixtures.result(here.key(), Fixtures.environment(), Metric.WALL_TIME, 12, 13);
    store.saveBaseline(hereAgain);
    assertEquals(Optional.of(hereAgain), store.baseline(here.key(), Fixtures.environment()));
    assertEquals(Optional.of(there), store.baseline(here.key(), Fixtures.otherEnvironment()), "the other is kept");
    assertEquals(2, store.baselines(here.key()).size());
  }

  @Test
  public void baselineForAnEnvironment_withNoneStored_isEmpty() throws Exception {
    store.saveBaseline(Fixtures.result(BenchmarkKey.of("render"), Fixtures.environment(), Metric.WALL_TIME, 10));
    assertEquals(Optional.empty(), store.baseline(BenchmarkKey.of("render"), Fixtures.otherEnvironment()));
    assertEquals(Optional.empty(), store.baseline(BenchmarkKey.of("other"), Fixtures.environment()));
    assertEquals(List.of(), store.baselines(BenchmarkKey.of("other")));
  }

  @Test
  public void compareAndSetBaseline_replacesOnlyTheBaselineItExpects() throws Exception {
    BenchmarkKey key = BenchmarkKey.of("render");
    Result first = Fixtures.rich(key, 1);
    Result second = Fixtures.rich(key, 2);
    Result third = Fixtures.rich(key, 3);
    assertTrue(store.compareAndSetBaseline(Optional.empty(), first));
    assertFalse(store.compareAndSetBaseline(Optional.empty(), second), "a baseline exists: empty is not expected");
    assertEquals(Optional.of(first), store.baseline(key, first.environment()));
    assertTrue(store.compareAndSetBaseline(Optional.of(first), second));
    assertFalse(store.compareAndSetBaseline(Optional.of(first), third), "first was replaced meanwhile");
    assertEquals(Optional.of(second), store.baseline(key, first.environment()));
  }

  @Test
  public void compareAndSetBaseline_fromEightThreadsAtOnce_exactlyOneWins() throws Exception {
    BenchmarkKey key = BenchmarkKey.of("contended");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(8);
    List<Future<Boolean>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < 8; t++) {
        Result mine = Fixtures.result(key, Metric.WALL_TIME, 100 + t);
        futures.add(pool.submit(() -> {
          start.await(60, TimeUnit.SECONDS);
          return store.compareAndSetBaseline(Optional.empty(), mine);
        }));
      }
      List<Double> winners = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        if (futures.get(t).get(60, TimeUnit.SECONDS)) {
          winners.add(100.0 + t);
        }
      }
      assertEquals(1, winners.size(), "winners of 8 racing first baselines: " + winners);
      assertEquals(winners.get(0), store.baseline(key).orElseThrow().trialValues(Metric.WALL_TIME)[0]);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  public void append_keepsEveryRunOldestFirst() throws Exception {
    BenchmarkKey key = BenchmarkKey.of("render");
    List<Result> runs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      runs.add(Fixtures.rich(key, i));
      store.append(runs.get(i));
    }
    assertEquals(runs, store.history(key));
  }

  @Test
  public void baselineAndHistory_areIndependent() throws Exception {
    BenchmarkKey key = BenchmarkKey.of("render");
    store.append(Fixtures.rich(key, 1));
    store.saveBaseline(Fixtures.rich(key, 2));
    store.append(Fixtures.rich(key, 3));
    assertEquals(Optional.of(Fixtures.rich(key, 2)), store.baseline(key));
    assertEquals(List.of(Fixtures.rich(key, 1), Fixtures.rich(key, 3)), store.history(key));
  }

  @Test
  public void variants_areKeptApart() throws Exception {
    BenchmarkKey plain = BenchmarkKey.of("render");
    BenchmarkKey sized = BenchmarkKey.of("render", 50);
    BenchmarkKey threaded = sized.withThreads(4);
    BenchmarkKey other = BenchmarkKey.of("Render");
    for (BenchmarkKey k : List.of(plain, sized, threaded, other)) {
      store.saveBaseline(Fixtures.result(k, Metric.WALL_TIME, k.hashCode() & 0xffff, 2, 3));
    }
    for (BenchmarkKey k : List.of(plain, sized, threaded, other)) {
      assertEquals(k, store.baseline(k).orElseThrow().key());
      assertEquals(k.hashCode() & 0xffff, store.baseline(k).orElseThrow().trialValues(Metric.WALL_TIME)[0]);
    }
  }

  @Test
  public void hostileNames_roundTrip() throws Exception {
    for (String name : List.of("../../x", "/etc/passwd", "a/b\\c:d*e?f", "..", "con", " spaces and \u00e9 ", "x".repeat(300))) {
      BenchmarkKey key = new BenchmarkKey(name, OptionalInt.of(-3), 2);
      Result r = Fixtures.result(key, Metric.WALL_TIME, 1, 2, 3);
      store.saveBaseline(r);
      store.append(r);
      assertEquals(Optional.of(r), store.baseline(key), name);
      assertEquals(List.of(r), store.history(key), name);
    }
  }

  @Test
  public void namesDifferingOnlyInAnUnpairedSurrogateOrAControlCharacter_areKeptApart() throws Exception {
    // A name cut inside an emoji holds an unpaired surrogate, which has no UTF-8 form: a store that
    // encodes names (a file name, a database key) must not fold these onto one another or onto "a?".
    List<String> names = List.of("a\uD800", "a\uDC00", "a\uDBFF", "a?", "a\u0000", "a", "cut \uD83D", "\uD83D\uDE00");
    for (int i = 0; i < names.size(); i++) {
      BenchmarkKey key = new BenchmarkKey(names.get(i), OptionalInt.empty(), 1);
      Result r = Fixtures.result(key, Metric.WALL_TIME, i + 1);
      store.saveBaseline(r);
      store.append(r);
    }
    for (int i = 0; i < names.size(); i++) {
      BenchmarkKey key = new BenchmarkKey(names.get(i), OptionalInt.empty(), 1);
      Result expected = Fixtures.result(key, Metric.WALL_TIME, i + 1);
      assertEquals(Optional.of(expected), store.baseline(key), "baseline of name " + i);
      assertEquals(List.of(expected), store.history(key), "history of name " + i);
    }
  }

  @Test
  public void failedRun_roundTrips() throws Exception {
    Result failed = Fixtures.failed(BenchmarkKey.of("render"));
    store.append(failed);
    assertEquals(List.of(failed), store.history(failed.key()));
  }

  @Test
  public void concurrentAppends_fromEightThreads_loseNothing() throws Exception {
    BenchmarkKey key = BenchmarkKey.of("contended");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 10; i++) {
            store.append(Fixtures.result(key, Metric.WALL_TIME, thread * 100 + i));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    Set<Double> seen = new HashSet<>();
    for (Result r : store.history(key)) {
      seen.add(r.trialValues(Metric.WALL_TIME)[0]);
    }
    assertEquals(80, seen.size(), "distinct runs kept of 80 appended");
    assertTrue(seen.contains(705.0));
  }

  @Test
  public void branchRun_neverChangesTheBaselineBranchsBaselinesOrHistory() throws Exception {
    BenchmarkKey render = BenchmarkKey.of("render");
    BenchmarkKey parse = BenchmarkKey.of("parse");
    Result mainRun = Fixtures.result(render, Metric.WALL_TIME, 100, 101, 99)
        .withProvenance(dev.perfgate.api.Provenance.of("a1b2c3d4", "main", "1"));
    store.saveBaseline(mainRun);
    store.append(mainRun);
    Object before = baselineBranchState();
    // A branch run through the policy, with an update asked for, of a variant with a baseline and of one without.
    BaselinePolicy policy = BaselinePolicy.newBuilder().update(true).build();
    Result branchRun = Fixtures.result(render, Metric.WALL_TIME, 150, 151, 149)
        .withProvenance(dev.perfgate.api.Provenance.of("e4f5a6b7", "feature/x", "2"));
    BaselineDecision d = policy.apply(store, branchRun);
    BaselineDecision first = policy.apply(store, Fixtures.result(parse, Metric.WALL_TIME, 5)
        .withProvenance(dev.perfgate.api.Provenance.of("e4f5a6b7", "feature/x", "2")));
    assertEquals(before, baselineBranchState(), "a branch run changed the baseline branch's store");
    assertEquals(BaselineDecision.Action.KEPT, d.action(), d.message());
    assertFalse(d.comparisons().isEmpty(), "compared with the baseline branch's baseline: " + d.message());
    assertEquals(BaselineDecision.Action.KEPT, first.action(), first.message());
    assertEquals(List.of(mainRun), store.history(render));
    assertEquals(Optional.empty(), store.baseline(parse));
    assertTrue(store.history(parse).isEmpty());
    // Its runs are kept apart, per branch; a store that keeps no branch history (the SPI's default) keeps none.
    List<Result> own = store.branchHistory(render, "feature/x");
    assertTrue(own.isEmpty() || own.equals(List.of(branchRun)), own.toString());
    assertTrue(store.branchHistory(render, "feature/y").isEmpty());
  }

  @Test
  public void baselineBranchRun_writesAsBefore() throws Exception {
    BenchmarkKey render = BenchmarkKey.of("render");
    Result mainRun = Fixtures.result(render, Metric.WALL_TIME, 100, 101, 99)
        .withProvenance(dev.perfgate.api.Provenance.of("a1b2c3d4", "main", "1"));
    BaselineDecision d = BaselinePolicy.newBuilder().build().apply(store, mainRun);
    assertEquals(BaselineDecision.Action.RECORDED, d.action(), d.message());
    assertEquals(Optional.of(mainRun), store.baseline(render));
    assertEquals(List.of(mainRun), store.history(render));
    assertTrue(store.branchHistory(render, "main").isEmpty());
  }

  @Test
  public void provenance_roundTrips() throws Exception {
    Result tagged = Fixtures.result(BenchmarkKey.of("render"), Metric.WALL_TIME, 1)
        .withProvenance(dev.perfgate.api.Provenance.of("0123456789abcdef", "release/1.x", "run-77"));
    store.saveBaseline(tagged);
    store.append(tagged);
    assertEquals(Optional.of(tagged), store.baseline(tagged.key()));
    assertEquals(List.of(tagged), store.history(tagged.key()));
  }
}
