package dev.perfgate.generator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Status;
import dev.perfgate.api.Trial;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.RegressionJudge;
import dev.perfgate.generator.BenchmarkReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The baseline stage reads each variant once, judges the whole suite, measures more where undecided, and writes last. */
final class BaselineStepTest {

  private static final Environment ENV = Environment.current();
  private static final BenchmarkKey FAST = BenchmarkKey.of("fast");
  private static final BenchmarkKey SLOW = BenchmarkKey.of("slow");

  /** A store in memory that logs every call, in order. */
  private static class LoggingStore implements BaselineStore {
    final List<String> calls = new ArrayList<>();
    final Map<BenchmarkKey, Result> baselines = new LinkedHashMap<>();
    final Map<BenchmarkKey, List<Result>> history = new LinkedHashMap<>();

    @Override
    public Optional<Result> baseline(BenchmarkKey key) {
      calls.add("baseline " + key);
      return Optional.ofNullable(baselines.get(key));
    }

    @Override
    public Optional<Result> baseline(BenchmarkKey key, Environment environment) {
      calls.add("baseline " + key);
      return Optional.ofNullable(baselines.get(key));
    }

    @Override
    public void saveBaseline(Result result) {
      calls.add("save " + result.key());
      baselines.put(result.key(), result);
    }

    @Override
    public void append(Result result) {
      calls.add("append " + result.key());
      history.computeIfAbsent(result.key(), k -> new ArrayList<>()).add(result);
    }

    @Override
    public List<Result> history(BenchmarkKey key) {
      calls.add("history " + key);
      return List.copyOf(history.getOrDefault(key, List.of()));
    }
  }

  /** A result whose time per operation in each trial is exactly the value given. */
  private static Result timed(BenchmarkKey key, double... perTrial) {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < perTrial.length; i++) {
      trials.add(new Trial(i, List.of(new Sample(1000, 1_000_000, Map.of(Metric.WALL_TIME, perTrial[i]))), Map.of()));
    }
    return new Result(key, trials, Map.of(), List.of(), Optional.empty(), ENV, Instant.parse("2026-12-02T12:00:00Z"),
        Duration.ofSeconds(1));
  }

  private static double[] around(double center) {
    return new double[] {center * 0.99, center, center * 1.01, center * 0.995, center * 1.005, center * 0.998};
  }

  /** A clock that moves only when told: every measuring-more call takes {@code step} of it. */
  private static final class FakeTicker implements Ticker {
    long now;

    @Override
    public long read() {
      return now;
    }
  }

  /** Trials scattered between the baseline's level and 25 % above it: look 1 cannot decide. */
  private static final double[] SCATTERED = {990, 1250, 1010, 1260, 1240, 1005};

  private static BaselineStep step(BaselineStore store, Duration budget, Ticker ticker) {
    return new BaselineStep(store, RegressionJudge.defaults(), false, "-Dupdate=true", MeasureMore.Budget.of(budget),
        ticker);
  }

  @Test
  void judge_readsOnceDecidesAll_measuresMoreOnlyTheUndecided_thenWrites() {
    LoggingStore store = new LoggingStore();
    store.baselines.put(FAST, timed(FAST, around(1000)));
    store.baselines.put(SLOW, timed(SLOW, around(1000)));
    List<String> measuredMore = new ArrayList<>();
    FakeTicker ticker = new FakeTicker();
    BaselineStep step = step(store, Duration.ofSeconds(10), ticker);
    List<BenchmarkReport> reports = List.of(new BenchmarkReport(timed(FAST, around(1000)), List.of()),
        new BenchmarkReport(timed(SLOW, SCATTERED), List.of()));

    List<BenchmarkReport> judged = step.judge(reports, key -> Set.of(Metric.WALL_TIME), (sofar, trials) -> {
      measuredMore.add(sofar.key() + " +" + trials + " after " + store.calls.size() + " store calls");
      ticker.now += 100_000_000L * trials;
      double[] more = new double[trials];
      for (int i = 0; i < trials; i++) {
        more[i] = 1250 * (1 + 0.002 * (i % 5 - 2));
      }
      return Optional.of(TrialScheduler.merge(sofar, timed(sofar.key(), more), false));
    });

    assertEquals(List.of("baseline fast", "history fast", "baseline slow", "history slow", "append fast",
        "append slow"), store.calls, "one read of each variant, the writes last");
    assertTrue(!measuredMore.isEmpty() && measuredMore.stream().allMatch(m -> m.startsWith("slow +")
        && m.endsWith("after 4 store calls")), "only the undecided variant is measured more, before any write: "
        + measuredMore);
    assertEquals("slow +6 after 4 store calls", measuredMore.get(0), "look 2 doubles the trials");
    Verdict slow = judged.get(1).verdicts().get(0);
    assertEquals(Status.FAIL, slow.status(), slow.message());
    assertTrue(slow.message().contains("decided after measuring more: "), slow.message());
    Result stored = store.history.get(SLOW).get(0);
    assertEquals(6 + measuredMore.stream().mapToInt(m -> Integer.parseInt(m.split("[+ ]")[2])).sum(),
        stored.trials().size(), "the run stored has every trial measured");
    assertEquals(stored.trials().size(), stored.trials().stream().map(Trial::index).distinct().count());
    Verdict fast = judged.get(0).verdicts().get(0);
    assertEquals(Status.PASS, fast.status(), fast.message());
    assertTrue(fast.message().contains("Holm-adjusted over 2 comparisons"), "one family for the suite: " + fast.message());
    assertEquals(1, judged.get(1).timeHistory().size(), "this run's median only: no stored history");
  }

  @Test
  void judge_budgetSpent_saysAfterHowManyTrialsAndWhatWouldDecide() {
    LoggingStore store = new LoggingStore();
    store.baselines.put(SLOW, timed(SLOW, around(1000)));
    FakeTicker ticker = new FakeTicker();
    BaselineStep step = step(store, Duration.ofSeconds(1), ticker);
    List<BenchmarkReport> judged = step.judge(List.of(new BenchmarkReport(timed(SLOW, SCATTERED), List.of())),
        key -> Set.of(Metric.WALL_TIME), (sofar, trials) -> {
          ticker.now += 1_000_000_000L;
          return Optional.of(TrialScheduler.merge(sofar, timed(sofar.key(), SCATTERED), false));
        });
    Verdict slow = judged.get(0).verdicts().get(0);
    assertEquals(Status.INCONCLUSIVE, slow.status(), slow.message());
    assertTrue(slow.message().contains("inconclusive after 12 trials in 1"), slow.message());
    assertTrue(slow.message().contains("spent"), slow.message());
    assertTrue(slow.message().matches(".*(about \\d+ trials would decide at this spread|the baseline's 6 trials alone).*"),
        slow.message());
  }

  @Test
  void judge_budgetZero_measuresNoMore() {
    LoggingStore store = new LoggingStore();
    store.baselines.put(SLOW, timed(SLOW, around(1000)));
    List<BenchmarkReport> judged = step(store, Duration.ZERO, Ticker.system()).judge(
        List.of(new BenchmarkReport(timed(SLOW, SCATTERED), List.of())), key -> Set.of(Metric.WALL_TIME),
        (sofar, trials) -> {
          throw new AssertionError("measured more with a zero budget");
        });
    Verdict slow = judged.get(0).verdicts().get(0);
    assertEquals(Status.INCONCLUSIVE, slow.status(), slow.message());
    assertTrue(slow.message().contains("95 % CI"), slow.message());
  }

  @Test
  void judge_storeThatCannotBeRead_isAnErrorOfThatVariantOnly() {
    LoggingStore broken = new LoggingStore() {
      @Override
      public List<Result> history(BenchmarkKey key) {
        if (key.equals(SLOW)) {
          throw new IllegalStateException("history of slow is unreadable");
        }
        return super.history(key);
      }
    };
    BaselineStep step = step(broken, MeasureMore.Budget.defaults().forVariant(Duration.ofSeconds(1)), Ticker.system());
    List<BenchmarkReport> judged = step.judge(List.of(new BenchmarkReport(timed(FAST, around(1000)), List.of()),
        new BenchmarkReport(timed(SLOW, around(1000)), List.of())), key -> Set.of(Metric.WALL_TIME),
        (sofar, trials) -> Optional.empty());
    assertEquals(Status.PASS, judged.get(0).verdicts().get(0).status(), "fast recorded its first baseline");
    Verdict error = judged.get(1).verdicts().get(0);
    assertEquals(Status.ERROR, error.status());
    assertEquals("slow  baseline could not be read or written: history of slow is unreadable", error.message());
    assertEquals(List.of("append fast"), broken.calls.stream().filter(c -> c.startsWith("append")).toList());
  }
}
