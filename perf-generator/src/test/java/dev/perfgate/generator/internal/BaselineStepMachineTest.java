package dev.perfgate.generator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Ruler;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Status;
import dev.perfgate.api.Trial;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.BaselineStores;
import dev.perfgate.baseline.RegressionJudge;
import dev.perfgate.generator.BenchmarkReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline step holds time regressions against the machine's change that the stored rulers show. */
final class BaselineStepMachineTest {

  private static final Environment ENV = Environment.current();
  private static final BenchmarkKey KEY = BenchmarkKey.of("render");

  @TempDir
  Path dir;

  private static Ruler ruler(double scale) {
    return new Ruler(List.of(new Ruler.Part("cpu", 20e6 * scale, 2e5 * scale, 9),
        new Ruler.Part("memory", 10e6 * scale, 1e5 * scale, 9), new Ruler.Part("files", 5e6 * scale, 5e4 * scale, 9)),
        Duration.ofMillis(400));
  }

  /** A result whose trial times are spread 1 % around the center, measured with this ruler. */
  private static Result timed(double center, Optional<Ruler> ruler) {
    double[] factors = {0.99, 1.0, 1.01, 0.995, 1.005, 0.998, 1.002, 1.0};
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < factors.length; i++) {
      trials.add(new Trial(i, List.of(new Sample(1000, 1_000_000, Map.of(Metric.WALL_TIME, center * factors[i]))),
          Map.of()));
    }
    Environment env = ruler.map(ENV::withRuler).orElse(ENV);
    return new Result(KEY, trials, Map.of(), List.of(), Optional.empty(), env, Instant.parse("2026-12-02T12:00:00Z"),
        Duration.ofSeconds(1));
  }

  private static Verdict judge(BaselineStore store, Result result) {
    BaselineStep step = new BaselineStep(store, RegressionJudge.defaults(), false, "-Dupdate=true",
        MeasureMore.Budget.of(Duration.ZERO), Ticker.system());
    List<BenchmarkReport> judged = step.judge(List.of(new BenchmarkReport(result, List.of())),
        key -> Set.of(Metric.WALL_TIME), (sofar, trials) -> Optional.empty());
    return judged.get(0).verdicts().get(0);
  }

  @Test
  void judge_regressionWithinAThirtyPercentSlowerRuler_passesAsMachineSlower_andBeyondItFails() throws Exception {
    BaselineStore store = BaselineStores.directory(dir);
    assertEquals(Status.PASS, judge(store, timed(1000, Optional.of(ruler(1)))).status(), "first baseline");
    assertEquals(Optional.of(ruler(1)), store.baseline(KEY, ENV).orElseThrow().environment().ruler(),
        "the ruler is stored with the baseline");
    for (int run = 1; run < 5; run++) {
      judge(store, timed(1000, Optional.of(ruler(1))));
    }

    Verdict within = judge(store, timed(1250, Optional.of(ruler(1.3))));
    assertEquals(Status.PASS, within.status(), within.message());
    assertTrue(within.message().contains("machine slower by 30.0 %"), within.message());

    Verdict beyond = judge(store, timed(1600, Optional.of(ruler(1.3))));
    assertEquals(Status.FAIL, beyond.status(), beyond.message());
    assertTrue(beyond.message().contains("machine slower by 30.0 %"), beyond.message());
  }

  @Test
  void judge_fewerThanFiveStoredRulers_excuseNothing() throws Exception {
    // One stored ruler shows nothing of the ruler's own noise between JVMs (a quiet machine read
    // rulers 20 % apart): a regression is not excused until five stored runs have a ruler.
    BaselineStore store = BaselineStores.directory(dir);
    judge(store, timed(1000, Optional.of(ruler(1))));
    Verdict v = judge(store, timed(1250, Optional.of(ruler(1.3))));
    assertEquals(Status.FAIL, v.status(), v.message());
    assertTrue(!v.message().contains("machine"), v.message());
  }

  @Test
  void judge_withoutARulerOnThisRun_judgesAsBefore() throws Exception {
    BaselineStore store = BaselineStores.directory(dir);
    judge(store, timed(1000, Optional.of(ruler(1))));
    Verdict v = judge(store, timed(1250, Optional.empty()));
    assertEquals(Status.FAIL, v.status(), v.message());
    assertTrue(!v.message().contains("machine"), v.message());
  }

  @Test
  void judge_keptStore_holdsTheHistoryCheckAgainstTheHistorysTypicalRuler() throws Exception {
    BaselineStore store = BaselineStores.directory(dir);
    for (int run = 0; run < 6; run++) {
      judge(store, timed(1000, Optional.of(ruler(1))));
    }
    List<Verdict> slower = judgeAll(store, timed(1250, Optional.of(ruler(1.3))));
    // One verdict for the metric: the baseline comparison, the history check and the trend together.
    assertEquals(1, slower.size(), slower.toString());
    for (Verdict v : slower) {
      assertEquals(Status.PASS, v.status(), v.message());
      assertTrue(v.message().contains("machine slower by 30.0 %"), v.message());
    }
    List<Verdict> unexplained = judgeAll(store, timed(1250, Optional.of(ruler(1))));
    assertTrue(unexplained.stream().anyMatch(v -> v.message().contains("history regressed") && v.status() == Status.FAIL),
        "the same regression on an unchanged machine fails: " + unexplained);
  }

  private static List<Verdict> judgeAll(BaselineStore store, Result result) {
    BaselineStep step = new BaselineStep(store, RegressionJudge.defaults(), false, "-Dupdate=true",
        MeasureMore.Budget.of(Duration.ZERO), Ticker.system());
    return step.judge(List.of(new BenchmarkReport(result, List.of())), key -> Set.of(Metric.WALL_TIME),
        (sofar, trials) -> Optional.empty()).get(0).verdicts();
  }
}
