package dev.perfgate.generator.internal;

import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Ruler;
import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.BaselineDecision;
import dev.perfgate.baseline.BaselinePolicy;
import dev.perfgate.baseline.Comparison;
import dev.perfgate.baseline.Comparisons;
import dev.perfgate.baseline.HistoryCheck;
import dev.perfgate.baseline.MachineChange;
import dev.perfgate.baseline.RegressionJudge;
import dev.perfgate.generator.BenchmarkReport;
import dev.perfgate.generator.RunError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Judges a suite's results against the stored baselines and history, in four steps: read each
 * variant's baseline and history once, decide each variant without touching the store, measure more
 * of each variant whose comparison cannot decide ({@link MeasureMore}), correct all comparisons of
 * the suite at once (Holm), hold each time regression against the machine's change that the two
 * runs' rulers show ({@link MachineChange}), then write.
 */
public final class BaselineStep {

  /** One variant on its way through the step; {@code error} set once the store failed it. */
  private record Judgement(BenchmarkReport report, BaselinePolicy.Stored stored, Set<Metric> judged,
      BaselineDecision decision, String error) {
    Result result() {
      return report.result();
    }

    Judgement with(BaselineDecision d) {
      return new Judgement(report, stored, judged, d, error);
    }

    Judgement failed(String why) {
      return new Judgement(report, stored, judged, null, why);
    }
  }

  private final BaselineStore store;
  private final RegressionJudge judge;
  private final BaselinePolicy policy;
  private final MeasureMore more;

  /**
   * Creates the step.
   *
   * @param store the store
   * @param judge compares runs
   * @param update whether this run replaces the stored baselines
   * @param updateHint how a person asks for an update, named in messages
   * @param budget the time each variant may spend measuring more while its comparison is undecided
   * @param ticker the clock that times measuring more
   */
  public BaselineStep(BaselineStore store, RegressionJudge judge, boolean update, String updateHint,
      MeasureMore.Budget budget, Ticker ticker) {
    this(store, judge, update, updateHint, budget, ticker, BaselinePolicy.DEFAULT_BASELINE_BRANCH);
  }

  /**
   * Creates the step for a project whose baselines are kept by another branch than {@code main}.
   *
   * @param store the store
   * @param judge compares runs
   * @param update whether this run replaces the stored baselines
   * @param updateHint how a person asks for an update, named in messages
   * @param budget the time each variant may spend measuring more while its comparison is undecided
   * @param ticker the clock that times measuring more
   * @param baselineBranch the branch whose runs keep the baselines and the history
   */
  public BaselineStep(BaselineStore store, RegressionJudge judge, boolean update, String updateHint,
      MeasureMore.Budget budget, Ticker ticker, String baselineBranch) {
    this.store = store;
    this.judge = judge;
    this.policy = BaselinePolicy.newBuilder().judge(judge).update(update).updateHint(updateHint)
        .baselineBranch(baselineBranch).build();
    this.more = budget.off() ? null : new MeasureMore(judge, budget, ticker);
  }

  /**
   * Whether every variant may be measured in this JVM for its comparison with the store: its history
   * of this environment holds {@value RegressionJudge#HISTORY_RUNS_TO_GATE} or more runs in its
   * current stable segment (see {@link RegressionJudge#runSpread}), so that the spread between them
   * enters the interval. Without those runs a comparison would see the noise inside each JVM only,
   * and the suite measures in forks to put the noise between JVMs in.
   *
   * <p>Runs measured in forks do not count here: they are of another environment
   * ({@link Environment#fingerprint()}), because a fork meets the code cold where this JVM meets it
   * warmed by what ran before, and the two are never compared. So a project whose history was forked
   * keeps forking, and one whose history was measured in one JVM stays there. A store that cannot be
   * read answers yes: judging then reports the store's error, and forks would only delay it.
   *
   * @param keys the suite's variants
   * @param environment this run's environment, of this JVM
   * @return true if no variant needs forks for its comparison
   */
  public boolean judgedInThisJvm(List<BenchmarkKey> keys, Environment environment) {
    String fingerprint = environment.fingerprint();
    for (BenchmarkKey key : keys) {
      List<Result> same;
      try {
        same = store.history(key).stream().filter(r -> r.environment().fingerprint().equals(fingerprint)).toList();
      } catch (IOException | RuntimeException e) {
        return true;
      }
      if (Double.isNaN(judge.runSpread(same, Metric.WALL_TIME))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Judges every variant and records its run.
   *
   * @param reports the variants' results and target verdicts
   * @param judged the metrics judged for each variant (others are stored, not judged)
   * @param source measures more trials of a variant whose comparison cannot decide
   * @return the reports with the baseline verdicts, decisions and time histories added, in order
   */
  public List<BenchmarkReport> judge(List<BenchmarkReport> reports, Function<BenchmarkKey, Set<Metric>> judged,
      MeasureMore.Source source) {
    List<Judgement> all = new ArrayList<>();
    for (BenchmarkReport r : reports) {
      all.add(decide(r, judged.apply(r.result().key())));
    }
    all = measureMore(all, source);
    all = holm(all);
    all = all.stream().map(BaselineStep::machine).toList();
    return all.stream().map(this::record).map(BaselineStep::report).toList();
  }

  private Judgement decide(BenchmarkReport report, Set<Metric> judged) {
    Judgement j = new Judgement(report, null, judged, null, null);
    try {
      BaselinePolicy.Stored stored = BaselinePolicy.Stored.load(store, report.result());
      return new Judgement(report, stored, judged, policy.decide(stored, report.result(), judged), null);
    } catch (IOException | RuntimeException e) {
      return j.failed(e.getMessage());
    }
  }

  /**
   * Holm over the whole suite: fifty benchmarks at 5 % each would otherwise raise a false alarm in
   * most runs. Each variant takes back its own comparisons by key.
   */
  private static List<Judgement> holm(List<Judgement> all) {
    List<Comparison> family = new ArrayList<>();
    all.stream().filter(j -> j.decision() != null).forEach(j -> family.addAll(j.decision().comparisons()));
    Map<BenchmarkKey, List<Comparison>> adjusted = new LinkedHashMap<>();
    Comparisons.holm(family).forEach(c -> adjusted.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c));
    return all.stream().map(j -> j.decision() == null ? j
        : j.with(j.decision().withComparisons(adjusted.getOrDefault(j.decision().key(), List.of())))).toList();
  }

  /**
   * Where the ruler moved beyond its noise, the machine changed: a time regression within that
   * change is not the code's. Its noise must include the noise between runs (between JVMs: the
   * ruler's own JIT and heap layout differ too), which one stored ruler cannot show: a quiet
   * machine's separate JVMs read rulers 20 % apart, and a +27 % regression passed as "machine
   * slower" against the baseline's ruler alone. So the change is read against the typical ruler of
   * the environment's stored runs, whose band holds the spread between them, and only once
   * {@value RegressionJudge#HISTORY_RUNS_TO_GATE} stored runs have a ruler; before that, the ruler is
   * stored and shown but excuses nothing.
   */
  private static Judgement machine(Judgement j) {
    Optional<Ruler> now = j.result().environment().ruler();
    if (j.decision() == null || now.isEmpty()) {
      return j;
    }
    BaselineDecision d = j.decision();
    String fingerprint = j.result().environment().fingerprint();
    List<Ruler> recent = j.stored().history().stream().filter(h -> h.environment().fingerprint().equals(fingerprint))
        .map(h -> h.environment().ruler()).flatMap(Optional::stream).toList();
    if (recent.size() < RegressionJudge.HISTORY_RUNS_TO_GATE) {
      return j;
    }
    int runs = Math.max(RegressionJudge.HISTORY_RUNS_TO_GATE,
        d.historyChecks().stream().mapToInt(HistoryCheck::runs).max().orElse(0));
    Optional<MachineChange> change = MachineChange.between(
        MachineChange.typical(recent.subList(Math.max(0, recent.size() - runs), recent.size())), now);
    List<Comparison> comparisons = change.map(m -> m.apply(d.comparisons())).orElse(d.comparisons());
    List<HistoryCheck> checks = change.map(m -> m.applyToHistory(d.historyChecks())).orElse(d.historyChecks());
    return j.with(d.withComparisons(comparisons).withHistoryChecks(checks));
  }

  /**
   * A run that becomes a baseline is measured more first ({@link MeasureMore#fill}); every variant
   * compared with a baseline becomes a sequential comparison (look 1 at its share of the error
   * rate), and the undecided ones are measured more; a variant measured more is decided again on all
   * its trials (history check and trend too), with the sequential comparisons.
   */
  private List<Judgement> measureMore(List<Judgement> all, MeasureMore.Source source) {
    if (more == null) {
      return all;
    }
    List<MeasureMore.Variant> variants = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    List<Comparison> others = new ArrayList<>();
    List<Judgement> out = new ArrayList<>(all);
    for (int i = 0; i < all.size(); i++) {
      Judgement j = all.get(i);
      if (j.decision() == null) {
        continue;
      }
      MeasureMore.Filled filled = new MeasureMore.Filled(j.result(), j.result(), java.time.Duration.ZERO);
      BaselineDecision.Action action = j.decision().action();
      if (action == BaselineDecision.Action.RECORDED || action == BaselineDecision.Action.REPLACED) {
        filled = more.fill(j.result(), source);
        if (filled.result() != j.result()) {
          j = new Judgement(new BenchmarkReport(filled.result(), j.report().verdicts()), j.stored(), j.judged(),
              policy.decide(j.stored(), filled.result(), j.judged()), null);
          out.set(i, j);
        }
      }
      if (j.stored().baseline().isEmpty() || j.decision().comparisons().isEmpty()) {
        others.addAll(j.decision().comparisons());
        continue;
      }
      variants.add(more.start(j.stored().baseline().get(), j.stored().history(), filled,
          j.decision().comparisons().stream().map(Comparison::metric).toList()));
      at.add(i);
    }
    List<List<Comparison>> reported = more.run(variants, others, source);
    for (int v = 0; v < variants.size(); v++) {
      Judgement j = out.get(at.get(v));
      Result result = variants.get(v).result();
      BaselineDecision d = result == j.result() ? j.decision() : policy.decide(j.stored(), result, j.judged());
      BenchmarkReport report = result == j.result() ? j.report() : new BenchmarkReport(result, j.report().verdicts());
      out.set(at.get(v), new Judgement(report, j.stored(), j.judged(), d.withComparisons(reported.get(v)), null));
    }
    return out;
  }

  /** Writes the run to the store, last. */
  private Judgement record(Judgement j) {
    if (j.decision() == null) {
      return j;
    }
    try {
      return j.with(policy.record(store, j.stored(), j.result(), j.judged(), j.decision()));
    } catch (IOException | RuntimeException e) {
      return j.failed(e.getMessage());
    }
  }

  private static BenchmarkReport report(Judgement j) {
    BenchmarkReport r = j.report();
    List<Verdict> all = new ArrayList<>(r.verdicts());
    if (j.decision() == null) {
      all.add(Verdict.of(Subject.of(j.result().key()), "baseline", Status.ERROR,
          new RunError(RunError.Kind.BASELINE, j.result().key().toString(), "baseline", String.valueOf(j.error()), 0)));
      return new BenchmarkReport(r.result(), all, Optional.empty(), List.of());
    }
    BaselineDecision finalDecision = j.decision();
    // One verdict per metric: the comparison, the history check and the trend judged together.
    all.addAll(finalDecision.verdicts());
    return new BenchmarkReport(r.result(), all, Optional.of(finalDecision), timeHistory(j));
  }

  /** The median time of every stored run of this environment, oldest first, this run last. */
  private static List<Double> timeHistory(Judgement j) {
    List<Double> timeHistory = new ArrayList<>();
    String fingerprint = j.result().environment().fingerprint();
    for (Result h : j.stored().history()) {
      if (!h.environment().fingerprint().equals(fingerprint)) {
        continue; // another machine's or heap's runs: the judge and the trend leave them out too
      }
      double median = h.statistic(Metric.WALL_TIME, dev.perfgate.api.Statistic.MEDIAN);
      if (Double.isFinite(median)) {
        timeHistory.add(median);
      }
    }
    double now = j.result().statistic(Metric.WALL_TIME, dev.perfgate.api.Statistic.MEDIAN);
    if (Double.isFinite(now)) {
      timeHistory.add(now);
    }
    return timeHistory;
  }
}
