package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Status;
import dev.perfgate.api.Unit;
import dev.perfgate.api.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Counts (allocated bytes, counters) compared on the difference of trial values, with known
 * answers: every case below has values whose Hodges-Lehmann shift and rank interval can be read off
 * by hand (all pairwise differences are listed in the comments).
 */
final class CountComparisonJudgeTest {

  private static final BenchmarkKey KEY = BenchmarkKey.of("alloc");
  private static final Metric BYTES = Metric.ALLOCATED_BYTES;
  private static final RegressionJudge JUDGE = RegressionJudge.defaults();

  private static Comparison compare(double[] before, double[] now) {
    return JUDGE.compare(Fixtures.result(KEY, BYTES, before), Fixtures.result(KEY, BYTES, now), BYTES);
  }

  private static double[] times(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  @Test
  void compare_zeroAllocationThatStartsAllocating24Bytes_failsBy24Bytes() {
    // 8 trials (the default) of 0 B against 8 of 24 B: all 64 differences are 24 B.
    Comparison c = compare(times(8, 0), times(8, 24));
    assertEquals(Outcome.REGRESSED, c.outcome());
    assertEquals(Status.FAIL, c.status());
    assertEquals(24.0, c.ratio());
    assertEquals(24.0, c.ciLow());
    assertEquals(24.0, c.ciHigh());
    assertEquals("alloc  alloc.bytes +24 B/op vs baseline (95 % CI +24 B .. +24 B)  beyond 8 B tolerance  FAIL",
        c.toVerdict().message());
    Verdict v = c.toVerdict();
    assertEquals(24.0, v.figures().get("difference"));
    assertEquals(8.0, v.figures().get("absoluteTolerance"));
    assertFalse(v.figures().containsKey("ratio"), "a difference is not a ratio: " + v.figures());
  }

  @Test
  void compare_24BytesAgainst24WithAZeroTrialInTheBaseline_isUnchangedAndSaysTrialsDisagree() {
    // Escape analysis removed the allocation in one baseline trial: 8 of 64 differences are 24 B, 56 are 0.
    double[] before = times(8, 24);
    before[3] = 0;
    Comparison c = compare(before, times(8, 24));
    assertEquals(Outcome.UNCHANGED, c.outcome());
    assertEquals(Status.PASS, c.status());
    assertEquals(0.0, c.ratio());
    assertEquals("alloc  alloc.bytes +0 B/op vs baseline (95 % CI +0 B .. +0 B)  within 8 B tolerance;"
        + " trials disagree beyond 8 B: baseline 0 B .. 24 B  PASS", c.toVerdict().message());
  }

  @Test
  void compare_24BytesAgainst24WithAZeroTrialNow_isUnchanged() {
    double[] now = times(8, 24);
    now[0] = 0;
    Comparison c = compare(times(8, 24), now);
    assertEquals(Outcome.UNCHANGED, c.outcome());
    assertTrue(c.note().contains("now 0 B .. 24 B"), c.note());
  }

  @Test
  void compare_24BytesAgainst24WithAZeroTrialThreeTrialsASide_isUnchangedOnTheEstimate() {
    // Quick mode: 3 trials a side. Differences: 0 x6, +24 x3; shift 0, interval -inf .. +inf, no shift found.
    Comparison c = compare(new double[] {24, 0, 24}, new double[] {24, 24, 24});
    assertEquals(Outcome.UNCHANGED, c.outcome());
    assertEquals(0.0, c.ratio());
  }

  @Test
  void compare_mixedZeroAndNonZeroTrialsOnBothSides_isJudgedOnTheDifferenceNeverNotCompared() {
    // Half the trials escape-analysed to 0 before, all allocate 48 B now: differences 48 x32, 48/.. 
    Comparison c = compare(new double[] {0, 24, 0, 24, 0, 24, 0, 24}, times(8, 48));
    assertEquals(Outcome.REGRESSED, c.outcome());
    assertEquals(Status.FAIL, c.status());
    assertTrue(c.ratio() >= 24 && c.ratio() <= 48, c.toString());
    assertTrue(c.note().contains("trials disagree beyond 8 B: baseline 0 B .. 24 B"), c.note());
  }

  @Test
  void compare_changeWithinEightBytes_isUnchanged() {
    Comparison c = compare(times(8, 24), times(8, 28));
    assertEquals(Outcome.UNCHANGED, c.outcome());
    assertEquals(4.0, c.ratio());
  }

  @Test
  void compare_largeAllocationTenPercentMore_isJudgedOnTheRelativeFloorAndWarns() {
    // 10 kB per call: the band is 3 % of 10000 B = 300 B (not 8 B), the failing step 20 % = 2000 B.
    double[] before = new double[8];
    double[] now = new double[8];
    for (int i = 0; i < 8; i++) {
      before[i] = 10_000 + i; // median 10003.5 B = 9.77 KB
      now[i] = 11_000 + i; // every difference lies in 993 .. 1007 B, the shift is 1000 B
    }
    Comparison c = compare(before, now);
    assertEquals(Outcome.REGRESSED, c.outcome());
    assertEquals(Status.WARN, c.status());
    assertEquals(1000.0, c.ratio());
    assertEquals(10003.5, c.reference());
    assertEquals(0.03 * c.reference(), c.noiseBand(), 1e-9);
    assertEquals(0.20 * c.reference(), c.failBand(), 1e-9);
    assertTrue(c.toVerdict().message().contains("+1000 B/op vs baseline"),
        c.toVerdict().message());
    assertTrue(c.toVerdict().message().endsWith("beyond 300 B noise (3 % of 9.77 KB), within 1.95 KB tolerance (20 % of 9.77 KB)  WARN"),
        c.toVerdict().message());
  }

  @Test
  void compare_counterOneMoreQueryPerCall_failsBeyondHalfAnEvent() {
    Metric queries = Metric.of("db.queries", Unit.COUNT, Direction.LOWER_IS_BETTER);
    Comparison c = JUDGE.compare(Fixtures.result(KEY, queries, times(8, 2)), Fixtures.result(KEY, queries, times(8, 3)),
        queries);
    assertEquals(Status.FAIL, c.status());
    assertEquals(0.5, c.absoluteTolerance());
    Comparison same = JUDGE.compare(Fixtures.result(KEY, queries, times(8, 2)),
        Fixtures.result(KEY, queries, 2, 2, 2, 2.25, 2, 2, 2, 2), queries);
    assertEquals(Outcome.UNCHANGED, same.outcome());
  }

  @Test
  void holm_differenceComparisonsAreAdjustedAndReclassifiedOnTheirOwnScale() {
    // 0 -> 24 B with 4 trials a side: p = 0.0105 (normal approximation with ties), interval 24 .. 24.
    Comparison small = compare(times(4, 0), times(4, 24));
    assertEquals(Outcome.REGRESSED, small.outcome());
    List<Comparison> family = new ArrayList<>();
    family.add(small);
    for (int i = 0; i < 9; i++) {
      family.add(compare(times(4, 24), times(4, 24)));
    }
    List<Comparison> adjusted = Comparisons.holm(family);
    // One comparison has p < 1 (the identical ones report p = 1): its adjusted p is 10 x 0.0105 > 0.05.
    assertTrue(adjusted.get(0).pWorse() > small.pWorse(), adjusted.get(0).toString());
    assertEquals(Outcome.INCONCLUSIVE, adjusted.get(0).outcome(), adjusted.get(0).toString());
    assertTrue(adjusted.get(0).isDifference());
    assertTrue(adjusted.get(0).toVerdict().message().startsWith("alloc  alloc.bytes +24 B/op"), adjusted.get(0).toString());
    // With 8 trials the evidence survives the same family.
    family.set(0, compare(times(8, 0), times(8, 24)));
    assertEquals(Status.FAIL, Comparisons.holm(family).get(0).status());
  }

  @Test
  void sequential_zeroThen24Bytes_failsOnTheDifferenceAtEveryLook() {
    RegressionJudge judge = RegressionJudge.defaults();
    Comparison look1 = judge.atConfidence(Comparisons.lookConfidence(1, 0.95)).compare(
        Fixtures.result(KEY, BYTES, times(8, 0)), Fixtures.result(KEY, BYTES, times(8, 24)), BYTES);
    Comparison c = Comparisons.sequential(List.of(look1), 0.95);
    assertEquals(Status.FAIL, c.status(), c.toString());
    assertTrue(c.isDifference());
    assertEquals(0.95, c.confidence());
  }

  @Test
  void builder_absoluteTolerance_isUsedAndCheckedAndOnlyForCounts() {
    RegressionJudge strict = RegressionJudge.newBuilder().absoluteTolerance(Unit.BYTES, 0).build();
    Result before = Fixtures.result(KEY, BYTES, times(8, 24));
    Result now = Fixtures.result(KEY, BYTES, times(8, 28));
    assertEquals(Outcome.REGRESSED, strict.compare(before, now, BYTES).outcome());
    assertThrows(IllegalArgumentException.class, () -> RegressionJudge.newBuilder().absoluteTolerance(Unit.NANOSECONDS, 1));
    assertThrows(IllegalArgumentException.class, () -> RegressionJudge.newBuilder().absoluteTolerance(Unit.BYTES, -1));
    assertThrows(IllegalStateException.class,
        () -> RegressionJudge.newBuilder().absoluteTolerance(Unit.BYTES, 1).absoluteTolerance(Unit.BYTES, 2));
  }

  @Test
  void againstHistory_zeroByteRunsThenA24ByteRun_failsInsteadOfNotCompared() {
    List<Result> history = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      history.add(Fixtures.result(KEY, BYTES, times(8, 0)));
    }
    HistoryCheck h = JUDGE.againstHistory(history, Fixtures.result(KEY, BYTES, times(8, 24)), BYTES);
    assertEquals(Outcome.REGRESSED, h.outcome(), h.toString());
    assertEquals(Status.FAIL, h.status());
    assertEquals(-8.0, h.low());
    assertEquals(8.0, h.high());
    assertTrue(h.toString().contains("alloc.bytes 24 B vs history median 0 B (+24 B), prediction -8 B .. 8 B over 6 runs"),
        h.toString());
    HistoryCheck same = JUDGE.againstHistory(history, Fixtures.result(KEY, BYTES, 0, 0, 0, 24, 0, 0, 0, 0), BYTES);
    assertEquals(Outcome.UNCHANGED, same.outcome(), same.toString());
  }

  /**
   * The trials of a ~10 us fold, measured in forks: the first trials of each fork allocate its boxed
   * result (24 B), those after C2's escape analysis none, and the share of 24 B trials ran from 31 %
   * to 56 % over 15 runs of unchanged code. The median of a run jumps between 0 B and 24 B with the
   * share; the history check failed one such run as +24 B. Judged on run means it moves with the share.
   */
  @Test
  void againstHistory_unchangedRunsWhoseTrialsMixZeroAnd24Bytes_isNotAnAlarm() {
    int[] shares = {13, 15, 14, 12, 15, 14, 13, 15, 10, 12, 14, 15};
    List<Result> history = new ArrayList<>();
    for (int share : shares) {
      history.add(Fixtures.result(KEY, BYTES, mixture(32, share)));
    }
    Result halfAndHalf = Fixtures.result(KEY, BYTES, mixture(32, 18));
    assertEquals(24.0, dev.perfgate.api.internal.stats.Median.of(halfAndHalf.trialValues(BYTES)));
    HistoryCheck h = JUDGE.againstHistory(history, halfAndHalf, BYTES);
    assertEquals(Outcome.UNCHANGED, h.outcome(), h.toString());
    assertEquals(Status.PASS, h.status());
    // The path that starts allocating in every trial is still caught.
    HistoryCheck all = JUDGE.againstHistory(history, Fixtures.result(KEY, BYTES, times(32, 24)), BYTES);
    assertEquals(Outcome.REGRESSED, all.outcome(), all.toString());
    assertEquals(Status.FAIL, all.status());
  }

  /** {@code n} trials, the first {@code allocating} of them at 24 B, the rest at 0 B. */
  private static double[] mixture(int n, int allocating) {
    double[] v = new double[n];
    for (int i = 0; i < allocating; i++) {
      v[i] = 24;
    }
    return v;
  }
}
