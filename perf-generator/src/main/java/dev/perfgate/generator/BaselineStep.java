package dev.perfgate.generator;

import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.BaselineDecision;
import dev.perfgate.baseline.BaselinePolicy;
import dev.perfgate.baseline.Comparison;
import dev.perfgate.baseline.HistoryCheck;
import dev.perfgate.baseline.RegressionJudge;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares a suite's results with the stored baselines and history: the baseline policy per
 * variant, Holm's correction over every comparison of the suite, and one re-measurement before a
 * regression fails the build.
 */
final class BaselineStep {

  /** What the step produced for one variant. */
  record Outcome(BaselineDecision decision, List<Verdict> verdicts, List<Double> timeHistory) {}

  private final BaselineStore store;
  private final RegressionJudge judge;
  private final boolean update;
  private final boolean confirm;

  BaselineStep(BaselineStore store, RegressionJudge judge, boolean update, boolean confirm) {
    this.store = store;
    this.judge = judge;
    this.update = update;
    this.confirm = confirm;
  }

  /**
   * Judges every result.
   *
   * @param results the suite's results
   * @param judged the metrics judged for each variant (others are stored, not judged)
   * @param remeasure runs a variant again, for confirmation
   * @return one outcome per result, in order
   */
  List<Outcome> apply(List<Result> results, Function<BenchmarkKey, Set<Metric>> judged,
      Function<BenchmarkKey, Optional<Result>> remeasure) {
    BaselinePolicy policy = BaselinePolicy.newBuilder().judge(judge).update(update).build();
    List<BaselineDecision> decisions = new ArrayList<>();
    List<Optional<Result>> previous = new ArrayList<>();
    List<List<Result>> histories = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Result r : results) {
      Optional<Result> baseline = Optional.empty();
      List<Result> history = List.of();
      BaselineDecision decision = null;
      String error = null;
      try {
        // Read before the policy may replace them: a re-measurement is judged against the same ones,
        // and the baseline of this run's environment, the one the policy compares with (the store
        // keeps one per environment; baseline(key) alone may be another machine's).
        baseline = store.baseline(r.key(), r.environment());
        history = store.history(r.key());
        BaselineDecision d = policy.apply(store, r);
        Set<Metric> metrics = judged.apply(r.key());
        decision = new BaselineDecision(d.key(), d.action(), d.message(),
            d.comparisons().stream().filter(c -> metrics.contains(c.metric())).toList(),
            d.historyChecks().stream().filter(h -> metrics.contains(h.metric())).toList(),
            d.trends());
      } catch (IOException | RuntimeException e) {
        error = e.getMessage();
      }
      previous.add(baseline);
      histories.add(history);
      decisions.add(decision);
      errors.add(error);
    }

    // Holm over the whole suite: fifty benchmarks at 5 % each would otherwise raise a false alarm
    // in most runs.
    List<Comparison> all = new ArrayList<>();
    decisions.forEach(d -> {
      if (d != null) {
        all.addAll(d.comparisons());
      }
    });
    List<Comparison> adjusted = judge.holm(all);

    List<Outcome> out = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < results.size(); i++) {
      BaselineDecision d = decisions.get(i);
      if (d == null) {
        out.add(new Outcome(null, List.of(Verdict.of(Subject.of(results.get(i).key()), "baseline", Status.ERROR,
            new RunError(RunError.Kind.BASELINE, results.get(i).key().toString(), "baseline",
                String.valueOf(errors.get(i)), 0))), List.of()));
        continue;
      }
      List<Comparison> mine = new ArrayList<>(adjusted.subList(next, next + d.comparisons().size()));
      next += d.comparisons().size();
      Optional<Result> retry = Optional.empty();
      for (int c = 0; c < mine.size(); c++) {
        Comparison first = mine.get(c);
        if (confirm && first.needsConfirmation() && previous.get(i).isPresent()) {
          if (retry.isEmpty()) {
            retry = remeasure.apply(results.get(i).key());
          }
          if (retry.isPresent() && retry.get().succeeded()) {
            Comparison second = judge.compare(previous.get(i).get(), retry.get(), first.metric(), histories.get(i));
            mine.set(c, judge.confirm(first, second));
          }
        }
      }
      BaselineDecision finalDecision = new BaselineDecision(d.key(), d.action(), d.message(), mine,
          d.historyChecks(), d.trends());
      List<Double> timeHistory = new ArrayList<>();
      String fingerprint = results.get(i).environment().fingerprint();
      for (Result h : histories.get(i)) {
        if (!h.environment().fingerprint().equals(fingerprint)) {
          continue; // another machine's or heap's runs: the judge and the trend leave them out too
        }
        double median = h.statistic(Metric.WALL_TIME, dev.perfgate.api.Statistic.MEDIAN);
        if (Double.isFinite(median)) {
          timeHistory.add(median);
        }
      }
      double now = results.get(i).statistic(Metric.WALL_TIME, dev.perfgate.api.Statistic.MEDIAN);
      if (Double.isFinite(now)) {
        timeHistory.add(now);
      }
      // A history check that could not run yet (too few stored runs) says nothing worth a line.
      Set<Verdict> tooEarly = finalDecision.historyChecks().stream().map(HistoryCheck::toVerdict)
          .filter(v -> v.status() == Status.NOT_MEASURED).collect(java.util.stream.Collectors.toSet());
      List<Verdict> verdicts = finalDecision.verdicts().stream().filter(v -> !tooEarly.contains(v)).toList();
      out.add(new Outcome(finalDecision, verdicts, timeHistory));
    }
    return out;
  }
}
