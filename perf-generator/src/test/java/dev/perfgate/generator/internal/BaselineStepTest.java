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

/** The baseline stage reads each variant once, judges the whole suite, measures again, and writes last. */
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

  @Test
  void judge_readsOnceDecidesAllMeasuresAgainThenWrites() {
    LoggingStore store = new LoggingStore();
    store.baselines.put(FAST, timed(FAST, around(1000)));
    store.baselines.put(SLOW, timed(SLOW, around(1000)));
    List<String> remeasured = new ArrayList<>();
    BaselineStep step = new BaselineStep(store, RegressionJudge.defaults(), false, "-Dupdate=true", true);
    List<BenchmarkReport> reports = List.of(new BenchmarkReport(timed(FAST, around(1000)), List.of()),
        new BenchmarkReport(timed(SLOW, around(2000)), List.of()));

    List<BenchmarkReport> judged = step.judge(reports, key -> Set.of(Metric.WALL_TIME), key -> {
      remeasured.add(key + " after " + store.calls.size() + " store calls");
      return Optional.of(timed(key, around(2000)));
    });

    assertEquals(List.of("baseline fast", "history fast", "baseline slow", "history slow", "append fast",
        "append slow"), store.calls, "one read of each variant, the writes last");
    assertEquals(List.of("slow after 4 store calls"), remeasured, "only the regression is measured again, before any write");
    Verdict slow = judged.get(1).verdicts().get(0);
    assertEquals(Status.FAIL, slow.status(), slow.message());
    assertTrue(slow.message().contains("confirmed by a second measurement"), slow.message());
    Verdict fast = judged.get(0).verdicts().get(0);
    assertEquals(Status.PASS, fast.status(), fast.message());
    assertTrue(fast.message().contains("Holm-adjusted over 2 comparisons"), "one family for the suite: " + fast.message());
    assertEquals(1, judged.get(1).timeHistory().size(), "this run's median only: no stored history");
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
    BaselineStep step = new BaselineStep(broken, RegressionJudge.defaults(), false, "-Dupdate=true", true);
    List<BenchmarkReport> judged = step.judge(List.of(new BenchmarkReport(timed(FAST, around(1000)), List.of()),
        new BenchmarkReport(timed(SLOW, around(1000)), List.of())), key -> Set.of(Metric.WALL_TIME),
        key -> Optional.empty());
    assertEquals(Status.PASS, judged.get(0).verdicts().get(0).status(), "fast recorded its first baseline");
    Verdict error = judged.get(1).verdicts().get(0);
    assertEquals(Status.ERROR, error.status());
    assertEquals("slow  baseline could not be read or written: history of slow is unreadable", error.message());
    assertEquals(List.of("append fast"), broken.calls.stream().filter(c -> c.startsWith("append")).toList());
  }
}
