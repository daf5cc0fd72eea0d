package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.MetricJudgement.Evidence;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The combining rule of one metric's evidence, case by case, on hand-made evidence with known statuses. */
final class MetricJudgementTest {
  private static final BenchmarkKey KEY = BenchmarkKey.of("parse");
  private static final Metric TIME = Metric.WALL_TIME;
  private static final Comparison.Limits LIMITS = new Comparison.Limits(0.03, 0.20, 0.95, 0);

  /** A comparison of times with ratio {@code ratio} (interval +-1 %) and the outcome given. */
  private static Comparison comparison(Outcome outcome, double ratio) {
    return new Comparison(KEY, TIME, outcome, new Comparison.Shift(Comparison.Scale.RATIO, ratio, ratio * 0.99,
        ratio * 1.01, outcome == Outcome.REGRESSED ? 0.001 : 0.5, 0.5), new Comparison.Sides(10, 10, 23_000), LIMITS,
        "");
  }

  /** A history check of {@code value} against a median of 23 us over {@code runs} stored runs. */
  private static HistoryCheck history(Outcome outcome, double value, int runs) {
    return new HistoryCheck(KEY, TIME, outcome, value, new HistoryCheck.Prediction(23_000, 21_000, 25_000, runs),
        LIMITS, "");
  }

  private static Trend trend(TrendDirection d) {
    return d == TrendDirection.TOO_FEW_RUNS
        ? new Trend(d, Double.NaN, Double.NaN, Double.NaN, 0, 0, 3, 3, List.of())
        : new Trend(d, d == TrendDirection.DEGRADING ? 0.05 : 0.001, d == TrendDirection.DEGRADING ? 0.03 : -0.01,
            d == TrendDirection.DEGRADING ? 0.07 : 0.012, 0.9, 0, 12, 12, List.of());
  }

  private static MetricJudgement judge(Comparison c, HistoryCheck h, Trend t) {
    return new MetricJudgement(KEY, TIME, Optional.ofNullable(c), Optional.ofNullable(h), Optional.ofNullable(t));
  }

  @Test
  void failingComparison_againstAnUnchangedHistory_failsAndSaysTheHistoryWasOverruled() {
    MetricJudgement j = judge(comparison(Outcome.REGRESSED, 1.378), history(Outcome.UNCHANGED, 31_200, 8),
        trend(TrendDirection.STABLE));
    assertEquals(Status.FAIL, j.statusOf(Evidence.BASELINE));
    assertEquals(Status.PASS, j.statusOf(Evidence.HISTORY));
    assertEquals(Status.FAIL, j.status());
    assertEquals(Evidence.BASELINE, j.decidedBy());
    assertEquals(List.of(Evidence.HISTORY), j.overruled());
    String line = j.message();
    assertTrue(line.startsWith("parse  time.wall +37.8 % vs baseline (95 % CI "), line);
    assertTrue(line.contains("; history unchanged (+35.7 % vs median of 8 runs); trend stable "), line);
    assertTrue(line.endsWith("  FAIL: the baseline comparison decides, a FAIL is never overturned; history said unchanged"),
        line);
  }

  @Test
  void unchangedComparison_againstARegressedHistory_failsByTheHistory() {
    MetricJudgement j = judge(comparison(Outcome.UNCHANGED, 1.01), history(Outcome.REGRESSED, 31_200, 8), null);
    assertEquals(Status.FAIL, j.statusOf(Evidence.HISTORY));
    assertEquals(Status.FAIL, j.status());
    assertEquals(Evidence.HISTORY, j.decidedBy());
    assertEquals(List.of(Evidence.BASELINE), j.overruled());
    assertTrue(j.message().startsWith("parse  time.wall +1.0 % vs baseline"), j.message());
    assertTrue(j.message().endsWith("  FAIL: the history check decides, a FAIL is never overturned; baseline said unchanged"),
        j.message());
  }

  @Test
  void inconclusiveComparison_isNotMadeAPassByTheHistory() {
    MetricJudgement j = judge(comparison(Outcome.INCONCLUSIVE, 1.05), history(Outcome.UNCHANGED, 23_500, 8), null);
    assertEquals(Status.INCONCLUSIVE, j.status());
    assertEquals(Evidence.BASELINE, j.decidedBy());
    assertTrue(j.message().endsWith("  INCONCLUSIVE: the baseline comparison decides, the worst evidence wins;"
        + " history said unchanged"), j.message());
  }

  @Test
  void regressedHistory_withTooFewRuns_onlyWarns() {
    // +35.7 % is beyond the 20 % tolerance, but 3 stored runs are fewer than the 5 a history check needs to gate.
    MetricJudgement j = judge(comparison(Outcome.UNCHANGED, 1.01), history(Outcome.REGRESSED, 31_200, 3), null);
    assertEquals(Status.WARN, j.statusOf(Evidence.HISTORY));
    assertEquals(Status.WARN, j.status());
    assertEquals(Evidence.HISTORY, j.decidedBy());
    assertTrue(j.message().contains("history regressed (+35.7 % vs median of 3 runs, advisory until 5 runs)"),
        j.message());
  }

  @Test
  void degradingTrend_warnsWhereBaselineAndHistoryPass() {
    MetricJudgement j = judge(comparison(Outcome.UNCHANGED, 1.01), history(Outcome.UNCHANGED, 23_100, 8),
        trend(TrendDirection.DEGRADING));
    assertEquals(Status.WARN, j.status());
    assertEquals(Evidence.TREND, j.decidedBy());
    assertEquals(List.of(Evidence.BASELINE, Evidence.HISTORY), j.overruled());
    assertTrue(j.message().contains("; trend degrading +5.0 % per 10 runs (CI +3.0 .. +7.0 %)  WARN: the trend decides"),
        j.message());
  }

  @Test
  void stableTrend_besideAFailure_isNotADisagreement() {
    MetricJudgement j = judge(comparison(Outcome.REGRESSED, 1.5), history(Outcome.REGRESSED, 34_500, 8),
        trend(TrendDirection.STABLE));
    assertEquals(Status.FAIL, j.status());
    assertTrue(j.overruled().isEmpty());
    assertTrue(j.message().endsWith("  FAIL"), j.message());
  }

  @Test
  void warningComparison_andFailingHistory_failByTheHistory() {
    MetricJudgement j = judge(comparison(Outcome.REGRESSED, 1.10), history(Outcome.REGRESSED, 31_200, 8), null);
    assertEquals(Status.WARN, j.statusOf(Evidence.BASELINE));
    assertEquals(Status.FAIL, j.status());
    assertEquals(Evidence.HISTORY, j.decidedBy());
    assertTrue(j.message().endsWith("; baseline said regressed"), j.message());
  }

  @Test
  void nothingCompared_isNotMeasured_evenBesideAStableTrend() {
    Comparison none = new Comparison(KEY, TIME, Outcome.NOT_COMPARABLE, Comparison.Shift.none(Comparison.Scale.RATIO),
        new Comparison.Sides(10, 10, Double.NaN), LIMITS, "values of time.wall are not all > 0");
    HistoryCheck early = new HistoryCheck(KEY, TIME, Outcome.NOT_COMPARABLE, 23_000, HistoryCheck.Prediction.none(1),
        LIMITS, "1 stored run(s); 2 are needed");
    MetricJudgement j = judge(none, early, trend(TrendDirection.STABLE));
    assertEquals(Status.NOT_MEASURED, j.status());
    assertEquals(Evidence.BASELINE, j.decidedBy());
    assertFalse(j.message().contains("history"), "a history check that was not made has no words: " + j.message());
  }

  @Test
  void trendWithTooFewRuns_saysSo_andDecidesNothing() {
    MetricJudgement j = judge(comparison(Outcome.UNCHANGED, 1.0), null, trend(TrendDirection.TOO_FEW_RUNS));
    assertEquals(Status.PASS, j.status());
    assertEquals(Status.NOT_MEASURED, j.statusOf(Evidence.TREND));
    assertTrue(j.message().endsWith("; trend: too few runs (3 since run 0)  PASS"), j.message());
  }

  @Test
  void severity_followsTheStatedOrder() {
    List<Status> worstFirst = List.of(Status.ERROR, Status.FAIL, Status.INCONCLUSIVE, Status.WARN, Status.PASS,
        Status.NOT_MEASURED);
    for (int i = 1; i < worstFirst.size(); i++) {
      assertTrue(MetricJudgement.rank(worstFirst.get(i - 1)) > MetricJudgement.rank(worstFirst.get(i)),
          worstFirst.get(i - 1) + " before " + worstFirst.get(i));
    }
  }

  @Test
  void verdict_isOneForTheMetric_checkedAgainstTheBaseline() {
    MetricJudgement j = judge(comparison(Outcome.REGRESSED, 1.378), history(Outcome.UNCHANGED, 31_200, 8), null);
    Verdict v = j.toVerdict();
    assertEquals(Status.FAIL, v.status());
    assertEquals("time.wall vs baseline", v.check());
    assertEquals(Optional.of(TIME), v.metric());
    assertEquals(j, v.detail());
  }

  @Test
  void figures_holdEveryPieceOfEvidence() {
    Map<String, Double> f = judge(comparison(Outcome.REGRESSED, 1.378), history(Outcome.UNCHANGED, 31_200, 8),
        trend(TrendDirection.DEGRADING)).figures();
    assertEquals(1.378, f.get("ratio"), 1e-12);
    assertEquals(23_000, f.get("history.median"), 1e-9);
    assertEquals(0.05, f.get("trend.perTenRuns"), 1e-12);
  }

  @Test
  void decision_givesOneVerdictPerMetric() {
    BaselineDecision d = new BaselineDecision(KEY, BaselineDecision.Action.KEPT, "parse  compared",
        List.of(comparison(Outcome.REGRESSED, 1.378)), List.of(history(Outcome.UNCHANGED, 31_200, 8)),
        Map.of(TIME, trend(TrendDirection.STABLE)));
    assertEquals(1, d.verdicts().size(), d.verdicts().toString());
    assertEquals(Status.FAIL, d.verdicts().get(0).status());
    assertEquals(1, d.comparisons().size());
    assertEquals(1, d.historyChecks().size());
  }

  @Test
  void judgement_needsEvidenceAboutItsOwnMetric() {
    assertThrows(IllegalArgumentException.class, () -> judge(null, null, trend(TrendDirection.STABLE)));
    assertThrows(IllegalArgumentException.class, () -> new MetricJudgement(BenchmarkKey.of("other"), TIME,
        Optional.of(comparison(Outcome.UNCHANGED, 1.0)), Optional.empty(), Optional.empty()));
  }
}
