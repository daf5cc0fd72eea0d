package dev.perfgate.baseline;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link BaselinePolicy#apply} did with a run and what it found; from
 * {@link BaselinePolicy#decide}, what it is about to do.
 *
 * @param key the benchmark variant
 * @param action what happened to the stored baseline
 * @param message one line for a person about the baseline, the words of its verdict
 * @param comparisons the run against the baseline, one per metric (empty without a comparable baseline)
 * @param historyChecks the run against the stored history, one per metric
 * @param trends the trend of each metric over the history including this run
 */
public record BaselineDecision(BenchmarkKey key, Action action, String message, List<Comparison> comparisons,
    List<HistoryCheck> historyChecks, Map<Metric, Trend> trends) implements Verdict.Detail {

  /** What happened to the stored baseline. */
  public enum Action {
    /** There was none: this run was recorded as the baseline. */
    RECORDED,
    /** An update was asked for: this run replaced the baseline. */
    REPLACED,
    /** The baseline was kept; this run was compared with it. */
    KEPT,
    /** The stored baselines come from other environments: nothing was compared, they were kept. */
    NO_COMPARABLE_BASELINE,
    /**
     * An update was asked for, but another run replaced the baseline while this one ran: this run
     * was compared with the baseline it read and not stored as the baseline, so neither run's
     * update was lost silently.
     */
    NOT_REPLACED,
    /** The run failed: it was added to the history only. */
    NOT_RECORDED
  }

  /**
   * Creates a decision.
   *
   * @throws NullPointerException if an argument is null
   */
  public BaselineDecision {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(action, "action must not be null");
    Objects.requireNonNull(message, "message must not be null");
    comparisons = List.copyOf(comparisons);
    historyChecks = List.copyOf(historyChecks);
    trends = Map.copyOf(new LinkedHashMap<>(trends));
  }

  /**
   * This decision with other comparisons, such as the same ones after Holm's correction or after
   * measuring more ({@link Comparisons}).
   *
   * @param adjusted the comparisons
   * @return the decision
   */
  public BaselineDecision withComparisons(List<Comparison> adjusted) {
    return new BaselineDecision(key, action, message, adjusted, historyChecks, trends);
  }

  /**
   * This decision with other history checks, such as the same ones held against the machine's
   * change ({@link MachineChange#applyToHistory}).
   *
   * @param adjusted the history checks
   * @return the decision
   */
  public BaselineDecision withHistoryChecks(List<HistoryCheck> adjusted) {
    return new BaselineDecision(key, action, message, comparisons, adjusted, trends);
  }

  /**
   * The judgement of each metric: its comparison with the baseline, its history check and its trend
   * brought together ({@link MetricJudgement}), in the order of the comparisons, then of history
   * checks without a comparison.
   *
   * @return the judgements, one per metric judged; empty when nothing was compared
   */
  public List<MetricJudgement> judgements() {
    Map<Metric, Comparison> byComparison = new LinkedHashMap<>();
    comparisons.forEach(c -> byComparison.put(c.metric(), c));
    Map<Metric, HistoryCheck> byHistory = new LinkedHashMap<>();
    historyChecks.forEach(h -> byHistory.put(h.metric(), h));
    java.util.Set<Metric> metrics = new java.util.LinkedHashSet<>(byComparison.keySet());
    metrics.addAll(byHistory.keySet());
    List<MetricJudgement> out = new ArrayList<>();
    for (Metric m : metrics) {
      out.add(new MetricJudgement(key, m, Optional.ofNullable(byComparison.get(m)),
          Optional.ofNullable(byHistory.get(m)), Optional.ofNullable(trends.get(m))));
    }
    return List.copyOf(out);
  }

  /**
   * All verdicts: one about the baseline when nothing was compared (INCONCLUSIVE for another
   * environment, PASS when a first baseline was recorded) or when an update lost a race with
   * another run (INCONCLUSIVE), then one per metric judged ({@link #judgements()}), never one for
   * the comparison and another for the history check of the same metric.
   *
   * @return the verdicts, possibly empty
   */
  public List<Verdict> verdicts() {
    List<Verdict> out = new ArrayList<>();
    if (action == Action.NO_COMPARABLE_BASELINE || action == Action.NOT_REPLACED) {
      out.add(Verdict.of(Subject.of(key), "baseline", Status.INCONCLUSIVE, this));
    } else if (comparisons.isEmpty() && action != Action.NOT_RECORDED) {
      out.add(Verdict.of(Subject.of(key), "baseline", Status.PASS, this));
    }
    judgements().forEach(j -> out.add(j.toVerdict()));
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return message;
  }
}
