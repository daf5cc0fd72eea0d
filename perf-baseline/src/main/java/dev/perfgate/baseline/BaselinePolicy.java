package dev.perfgate.baseline;

import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Provenance;
import dev.perfgate.api.Result;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a run does with the stored baselines: the first run of a variant records its baseline;
 * later runs replace it only when an update is asked for, and then by compare-and-set, so that of
 * two runs updating at once the second is told ({@link BaselineDecision.Action#NOT_REPLACED})
 * instead of overwriting the first; every run is appended to the history. Baselines are kept per
 * environment (see {@link dev.perfgate.api.Environment#fingerprint()}): a run is compared with the
 * baseline of its own environment only. Without one, the decision says "no comparable baseline" and
 * names what differs from the nearest stored one (the JVM version, the maximum heap, ...); an update
 * then records one for this environment beside the others.
 *
 * <p>Three steps, which {@link #apply} runs in order: {@link Stored#load} reads the store once,
 * {@link #decide} compares without touching the store, {@link #record} writes last. A suite runs
 * them itself so that it can correct all its comparisons for multiplicity
 * ({@link Comparisons#holm}) and measure a regression again between deciding and recording.
 *
 * <p>A run on a branch other than the baseline branch ({@link Builder#baselineBranch}, by default
 * {@value #DEFAULT_BASELINE_BRANCH}; the branch is {@link dev.perfgate.api.Provenance#branch()}) is
 * compared with the baseline branch's baseline and history and never writes them: it goes to its
 * branch's own history ({@link BaselineStore#appendToBranch}), and an update it asks for is not made.
 * A run whose branch is unknown counts as a run of the baseline branch. When the run knows its merge
 * base ({@link dev.perfgate.api.Provenance#mergeBase()}) and the baseline branch's history holds a
 * run of that commit in the run's environment, the run is compared with that run instead of the
 * current baseline, so that what the baseline branch changed since is not blamed on the branch; the
 * decision's message says which one it was compared with.
 *
 * <pre>{@code
 * BaselinePolicy policy = BaselinePolicy.newBuilder().update(updateRequested).build();
 * BaselineDecision d = policy.apply(store, result);
 * d.verdicts().forEach(System.out::println);
 * }</pre>
 */
public final class BaselinePolicy {

  /** The branch whose runs keep the baselines and the history unless told otherwise. */
  public static final String DEFAULT_BASELINE_BRANCH = "main";

  private final RegressionJudge judge;
  private final boolean update;
  private final String updateHint;
  private final String baselineBranch;

  private BaselinePolicy(RegressionJudge judge, boolean update, String updateHint, String baselineBranch) {
    this.judge = judge;
    this.update = update;
    this.updateHint = updateHint;
    this.baselineBranch = baselineBranch;
  }

  /**
   * A builder: default judge, no update.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * What a store holds for the variant of a run, read once: everything {@link #decide} needs.
   *
   * @param place where the store keeps the variant's baselines, in words ({@link BaselineStore#describe})
   * @param baseline the baseline of the run's environment, if one is stored
   * @param otherBaselines without such a baseline, the baselines of other environments; otherwise empty
   * @param history the stored runs of the variant, oldest first, without the run being judged
   */
  public record Stored(String place, Optional<Result> baseline, List<Result> otherBaselines, List<Result> history) {

    /**
     * Creates what was read.
     *
     * @throws NullPointerException if an argument is null
     */
    public Stored {
      Objects.requireNonNull(place, "place must not be null");
      Objects.requireNonNull(baseline, "baseline must not be null");
      otherBaselines = List.copyOf(otherBaselines);
      history = List.copyOf(history);
    }

    /**
     * Reads what the store holds for a run's variant.
     *
     * @param store the store
     * @param current the run
     * @return what was read
     * @throws IOException if the store cannot be read; nothing is then changed
     */
    public static Stored load(BaselineStore store, Result current) throws IOException {
      Objects.requireNonNull(store, "store must not be null");
      Objects.requireNonNull(current, "current must not be null");
      Optional<Result> baseline = store.baseline(current.key(), current.environment());
      List<Result> others = baseline.isEmpty() && current.succeeded() ? store.baselines(current.key()) : List.of();
      return new Stored(store.describe(current.key()), baseline, others, store.history(current.key()));
    }
  }

  /**
   * Applies the policy to one run: loads the baseline and history, compares every metric, records.
   *
   * @param store the store
   * @param current the run's result
   * @return what was done and found
   * @throws IOException if the store cannot be read or written; nothing is then changed
   */
  public BaselineDecision apply(BaselineStore store, Result current) throws IOException {
    Stored stored = Stored.load(store, current);
    Set<Metric> all = new LinkedHashSet<>();
    stored.baseline().ifPresent(b -> all.addAll(b.metrics()));
    all.addAll(current.metrics());
    return record(store, stored, current, all, decide(stored, current, all));
  }

  /**
   * Decides what a run does with the store and compares it, without reading or writing the store:
   * its action is what {@link #record} will try ({@code RECORDED}, {@code REPLACED}) or what it
   * will leave ({@code KEPT}, {@code NO_COMPARABLE_BASELINE}, {@code NOT_RECORDED}).
   *
   * @param stored what the store holds for the run's variant
   * @param current the run's result
   * @param judged the metrics to compare with the baseline and the history; others are left out
   * @return the decision
   */
  public BaselineDecision decide(Stored stored, Result current, Set<Metric> judged) {
    return decide(stored, current, judged, "");
  }

  private BaselineDecision decide(Stored stored, Result current, Set<Metric> judged, String raced) {
    String where = stored.place();
    if (!current.succeeded()) {
      return new BaselineDecision(current.key(), BaselineDecision.Action.NOT_RECORDED,
          current.key() + "  run failed (" + current.error().orElse("") + "): added to the history only, "
              + "the baseline is unchanged", List.of(), List.of(), Map.of());
    }
    Map<Metric, Trend> trends = trends(stored.history(), current);
    if (stored.baseline().isEmpty()) {
      List<Result> others = stored.otherBaselines();
      if (!others.isEmpty() && !update) {
        return new BaselineDecision(current.key(), BaselineDecision.Action.NO_COMPARABLE_BASELINE,
            current.key() + "  no comparable baseline: " + where + " holds " + others.size()
            + (others.size() == 1 ? " baseline" : " baselines") + " of other environments; the nearest was measured"
            + " with " + differences(nearest(others, current.environment()).environment(), current.environment())
            + "; an update keeps them and adds one for this environment: " + updateHint,
            List.of(), List.of(), trends);
      }
      return new BaselineDecision(current.key(), BaselineDecision.Action.RECORDED, others.isEmpty()
          ? current.key() + "  no baseline yet: this run was recorded as the baseline in " + where
          : current.key() + "  no baseline for this environment yet: this run was recorded in " + where
              + " beside the baselines of " + others.size() + " other environment(s) (update requested); the"
              + " nearest was measured with " + differences(nearest(others, current.environment()).environment(),
              current.environment()), List.of(), List.of(), trends);
    }
    Reference reference = reference(stored, current);
    Result baseline = reference.run();
    Set<Metric> metrics = new LinkedHashSet<>(baseline.metrics());
    metrics.addAll(current.metrics());
    metrics.retainAll(judged);
    List<Comparison> comparisons = new ArrayList<>();
    List<HistoryCheck> checks = new ArrayList<>();
    for (Metric m : metrics) {
      comparisons.add(judge.compare(baseline, current, m, stored.history()));
      checks.add(judge.againstHistory(stored.history(), current, m));
    }
    return update
        ? new BaselineDecision(current.key(), BaselineDecision.Action.REPLACED,
            current.key() + "  compared with the previous baseline, then replaced it in " + where
            + " (update requested)", comparisons, checks, trends)
        : new BaselineDecision(current.key(), BaselineDecision.Action.KEPT,
            current.key() + "  " + reference.words() + raced, comparisons, checks, trends);
  }

  /** The run a run is compared with, and that comparison in words. */
  private record Reference(Result run, String words) {}

  /**
   * The stored baseline, or for a run of another branch whose merge base is known, the baseline
   * branch's run of that commit: the branch's changes are then judged alone, not mixed with what the
   * baseline branch changed since the branch left it.
   */
  private Reference reference(Stored stored, Result current) {
    String where = stored.place();
    Result baseline = stored.baseline().orElseThrow();
    Optional<String> mergeBase = otherBranch(current).flatMap(b -> current.provenance().mergeBase());
    if (mergeBase.isEmpty()) {
      return new Reference(baseline, "compared with the baseline in " + where);
    }
    String base = current.provenance().shortMergeBase().orElseThrow();
    String fingerprint = current.environment().fingerprint();
    Result atBase = null;
    for (Result r : stored.history()) {
      // The newest run of that commit in this environment; a branch's own runs are not in this history.
      if (r.succeeded() && r.environment().fingerprint().equals(fingerprint)
          && r.provenance().commit().filter(c -> Provenance.sameCommit(c, mergeBase.get())).isPresent()
          && r.provenance().branch().map(baselineBranch::equals).orElse(true)) {
        atBase = r;
      }
    }
    return atBase == null
        ? new Reference(baseline, "no run at the merge base " + base + " stored: compared with the current"
            + " baseline in " + where)
        : new Reference(atBase, "compared with " + baselineBranch + "'s run at the merge base " + base + " in "
            + where);
  }

  /**
   * Writes what a decision asks for, last: the baseline by compare-and-set against the one that was
   * read, then the run to the history. If another run recorded a first baseline since it was read,
   * the run is compared with that one instead; if another run replaced the baseline, this run is not
   * stored as the baseline and the decision says so ({@code NOT_REPLACED}).
   *
   * @param store the store that {@code stored} was read from
   * @param stored what was read
   * @param current the run's result
   * @param judged the metrics judged, for a comparison with a baseline recorded meanwhile
   * @param decided the decision from {@link #decide}, its comparisons possibly adjusted since
   * @return what was done and found
   * @throws IOException if the store cannot be read or written
   */
  public BaselineDecision record(BaselineStore store, Stored stored, Result current, Set<Metric> judged,
      BaselineDecision decided) throws IOException {
    Objects.requireNonNull(decided, "decided must not be null");
    Optional<String> branch = otherBranch(current);
    if (branch.isPresent()) {
      // Never the baseline branch's baseline or history: its own history only.
      store.appendToBranch(branch.get(), current);
      return onBranch(decided, branch.get(), stored, current);
    }
    BaselineDecision done = decided;
    String where = stored.place();
    if (decided.action() == BaselineDecision.Action.RECORDED
        && !store.compareAndSetBaseline(Optional.empty(), current)) {
      // Another run recorded one for this environment since we read: compare with it, never overwrite it.
      Optional<Result> baseline = store.baseline(current.key(), current.environment());
      if (baseline.isEmpty()) {
        // Recorded and removed again between two reads: nothing to compare with, nothing overwritten.
        done = new BaselineDecision(current.key(), BaselineDecision.Action.NOT_REPLACED,
            current.key() + "  the baseline in " + where + " changed while this run ran; run again",
            List.of(), List.of(), decided.trends());
      } else {
        stored = new Stored(where, baseline, List.of(), stored.history());
        done = decide(stored, current, judged, "; another run recorded this baseline while this one ran");
      }
    }
    if (done.action() == BaselineDecision.Action.REPLACED
        && !store.compareAndSetBaseline(stored.baseline(), current)) {
      done = new BaselineDecision(current.key(), BaselineDecision.Action.NOT_REPLACED,
          current.key() + "  compared with the baseline in " + where + ", but another run replaced it"
          + " while this one ran, so this run was not stored as the baseline (update requested): run the update"
          + " again if this run's figures should win", done.comparisons(), done.historyChecks(), done.trends());
    }
    store.append(current);
    return done;
  }

  /** The run's branch when it is known and not the baseline branch. */
  private Optional<String> otherBranch(Result current) {
    return current.provenance().branch().filter(b -> !b.equals(baselineBranch));
  }

  /** What a decision becomes for a run of another branch, which writes no baseline. */
  private BaselineDecision onBranch(BaselineDecision d, String branch, Stored stored, Result current) {
    String run = d.key() + "  run of branch " + branch;
    String never = "; a branch never writes the baseline branch's (" + baselineBranch + ") baselines, its runs go to"
        + " its own history";
    switch (d.action()) {
      case RECORDED:
        return stored.otherBaselines().isEmpty()
            ? new BaselineDecision(d.key(), BaselineDecision.Action.KEPT, run + ": no baseline of branch "
                + baselineBranch + " in " + stored.place() + " yet, nothing to compare with" + never,
                d.comparisons(), d.historyChecks(), d.trends())
            : new BaselineDecision(d.key(), BaselineDecision.Action.NO_COMPARABLE_BASELINE, run + ": no comparable"
                + " baseline of branch " + baselineBranch + " in " + stored.place() + ", which holds baselines of "
                + stored.otherBaselines().size() + " other environment(s)" + never, d.comparisons(), d.historyChecks(),
                d.trends());
      case REPLACED:
        return new BaselineDecision(d.key(), BaselineDecision.Action.KEPT, run + ": " + reference(stored, current)
            .words() + " (baseline branch " + baselineBranch + "); it did not replace the baseline although an"
            + " update was requested" + never, d.comparisons(), d.historyChecks(), d.trends());
      default:
        return d;
    }
  }

  /** The trend of each metric of a run over its history and itself. */
  private static Map<Metric, Trend> trends(List<Result> history, Result current) {
    List<Result> withCurrent = new ArrayList<>(history);
    withCurrent.add(current);
    Map<Metric, Trend> trends = new LinkedHashMap<>();
    for (Metric m : current.metrics()) {
      trends.put(m, Trends.analyse(withCurrent, m));
    }
    return trends;
  }

  /** The stored baseline whose environment differs from {@code env} in the fewest facts; the newest on a tie. */
  private static Result nearest(List<Result> baselines, Environment env) {
    Result best = null;
    int fewest = Integer.MAX_VALUE;
    for (Result b : baselines) {
      int n = differenceList(b.environment(), env).size();
      if (n < fewest || n == fewest && b.startedAt().isAfter(best.startedAt())) {
        best = b;
        fewest = n;
      }
    }
    return best;
  }

  /**
   * What makes two environments incomparable, named: "JVM version 17.0.14+7, this run 17.0.15+6",
   * so that a JDK update or a new heap size is visible instead of silently starting a new baseline.
   */
  static String differences(Environment baseline, Environment current) {
    List<String> d = differenceList(baseline, current);
    String facts = d.isEmpty() ? "the same facts (fingerprint " + baseline.fingerprint() + ")" : String.join("; ", d);
    return facts + " [" + baseline.fingerprint() + ", this run " + current.fingerprint() + "]";
  }

  private static List<String> differenceList(Environment b, Environment c) {
    List<String> out = new ArrayList<>();
    differs(out, "JVM version", b.jvmVersion(), c.jvmVersion());
    differs(out, "JVM vendor", b.jvmVendor(), c.jvmVendor());
    differs(out, "JVM", b.jvmName(), c.jvmName());
    differs(out, "garbage collectors", String.join(" + ", b.garbageCollectors()),
        String.join(" + ", c.garbageCollectors()));
    differs(out, "max heap", heap(b.maxHeapBytes()), heap(c.maxHeapBytes()));
    differs(out, "CPU", b.cpuModel(), c.cpuModel());
    differs(out, "CPUs", Integer.toString(b.cpus()), Integer.toString(c.cpus()));
    differs(out, "OS", b.os(), c.os());
    differs(out, "architecture", b.arch(), c.arch());
    differs(out, "trials in", mode(b), mode(c));
    return out;
  }

  private static void differs(List<String> out, String what, String baseline, String current) {
    if (!baseline.equals(current)) {
      out.add(what + " " + baseline + ", this run " + current);
    }
  }

  private static String mode(Environment e) {
    return e.forked() ? "forked JVMs" : "one JVM";
  }

  private static String heap(long bytes) {
    return bytes < 0 ? "undefined" : dev.perfgate.api.Unit.BYTES.format(bytes) + " (" + bytes + " bytes)";
  }

  @Override
  public String toString() {
    return "BaselinePolicy[update " + update + ", baseline branch " + baselineBranch + ", " + judge + "]";
  }

  /** Builds a {@link BaselinePolicy}; each option may be set once. */
  public static final class Builder {
    private RegressionJudge judge = RegressionJudge.defaults();
    private boolean update;
    private String updateHint = "BaselinePolicy.newBuilder().update(true)";
    private boolean judgeSet;
    private boolean updateSet;
    private boolean hintSet;
    private String baselineBranch = DEFAULT_BASELINE_BRANCH;
    private boolean branchSet;

    private Builder() {}

    /**
     * Sets the branch whose runs keep the baselines and the history; runs of other branches are
     * compared with them and kept apart. By default {@value BaselinePolicy#DEFAULT_BASELINE_BRANCH}.
     *
     * @param branch the branch, such as {@code main} or {@code master}
     * @return this builder
     * @throws IllegalStateException if already set
     * @throws IllegalArgumentException if the branch is blank
     */
    public Builder baselineBranch(String branch) {
      if (branchSet) {
        throw new IllegalStateException("baseline branch was already set on this builder; set it once");
      }
      Objects.requireNonNull(branch, "branch must not be null");
      if (branch.isBlank()) {
        throw new IllegalArgumentException("baseline branch must not be blank, such as main");
      }
      this.baselineBranch = branch.trim();
      branchSet = true;
      return this;
    }

    /**
     * Sets the judge that compares runs.
     *
     * @param judge the judge
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder judge(RegressionJudge judge) {
      if (judgeSet) {
        throw new IllegalStateException("judge was already set on this builder; set it once");
      }
      this.judge = Objects.requireNonNull(judge, "judge must not be null");
      judgeSet = true;
      return this;
    }

    /**
     * Sets whether runs replace the stored baseline.
     *
     * @param update true to replace
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder update(boolean update) {
      if (updateSet) {
        throw new IllegalStateException("update was already set on this builder; set it once");
      }
      this.update = update;
      updateSet = true;
      return this;
    }

    /**
     * Sets how a person asks for an update, for the message about a baseline of another environment;
     * by default {@code BaselinePolicy.newBuilder().update(true)}. A runner names its own switch,
     * such as the suite's system property.
     *
     * @param hint the words, such as {@code -Dmy.baseline.update=true}
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder updateHint(String hint) {
      if (hintSet) {
        throw new IllegalStateException("update hint was already set on this builder; set it once");
      }
      this.updateHint = Objects.requireNonNull(hint, "hint must not be null");
      hintSet = true;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return an immutable policy
     */
    public BaselinePolicy build() {
      return new BaselinePolicy(judge, update, updateHint, baselineBranch);
    }
  }
}
