package dev.perfgate.baseline;

import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
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
 * later runs replace it only when an update is asked for (the runner passes
 * {@code -Dperfgate.baseline.update=true}), and then by compare-and-set, so that of two runs
 * updating at once the second is told ({@link BaselineDecision.Action#NOT_REPLACED}) instead of
 * overwriting the first; every run is appended to the history. Baselines are kept per environment
 * (see {@link dev.perfgate.api.Environment#fingerprint()}): a run is compared with the baseline of
 * its own environment only. Without one, the decision says "no comparable baseline" and names what
 * differs from the nearest stored one (the JVM version, the maximum heap, ...); an update then
 * records one for this environment beside the others.
 *
 * <pre>{@code
 * BaselinePolicy policy = BaselinePolicy.newBuilder().update(Boolean.getBoolean(BaselinePolicy.UPDATE_PROPERTY)).build();
 * BaselineDecision d = policy.apply(store, result);
 * d.verdicts().forEach(System.out::println);
 * }</pre>
 *
 * <p>Over a suite, give all comparisons to {@link RegressionJudge#holm} before failing anything.
 */
public final class BaselinePolicy {

  /** The system property a build sets to replace the stored baselines with this run's results. */
  public static final String UPDATE_PROPERTY = "perfgate.baseline.update";

  private final RegressionJudge judge;
  private final boolean update;

  private BaselinePolicy(RegressionJudge judge, boolean update) {
    this.judge = judge;
    this.update = update;
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
   * Whether this policy replaces stored baselines.
   *
   * @return true if it does
   */
  public boolean update() {
    return update;
  }

  /**
   * Applies the policy to one run: loads the baseline and history, compares, records.
   *
   * @param store the store
   * @param current the run's result
   * @return what was done and found
   * @throws IOException if the store cannot be read or written; nothing is then changed
   */
  public BaselineDecision apply(BaselineStore store, Result current) throws IOException {
    Objects.requireNonNull(store, "store must not be null");
    Objects.requireNonNull(current, "current must not be null");
    Optional<Result> baseline = store.baseline(current.key(), current.environment());
    List<Result> history = store.history(current.key());
    String where = store instanceof DirectoryBaselineStore
        ? ((DirectoryBaselineStore) store).file(current.key()).toString() : "the stored baselines of " + current.key();

    if (!current.succeeded()) {
      store.append(current);
      return new BaselineDecision(current.key(), BaselineDecision.Action.NOT_RECORDED,
          current.key() + "  run failed (" + current.error().orElse("") + "): added to the history only, "
              + "the baseline is unchanged", List.of(), List.of(), Map.of());
    }

    List<Comparison> comparisons = new ArrayList<>();
    List<HistoryCheck> checks = new ArrayList<>();
    BaselineDecision.Action action = null;
    String message = null;
    String raced = "";
    if (baseline.isEmpty()) {
      List<Result> others = store.baselines(current.key());
      if (!others.isEmpty() && !update) {
        action = BaselineDecision.Action.NO_COMPARABLE_BASELINE;
        message = current.key() + "  no comparable baseline: " + where + " holds " + others.size()
            + (others.size() == 1 ? " baseline" : " baselines") + " of other environments; the nearest was measured"
            + " with " + differences(nearest(others, current.environment()).environment(), current.environment())
            + "; an update keeps them and adds one for this environment: -D" + UPDATE_PROPERTY + "=true";
      } else if (store.compareAndSetBaseline(Optional.empty(), current)) {
        action = BaselineDecision.Action.RECORDED;
        message = others.isEmpty()
            ? current.key() + "  no baseline yet: this run was recorded as the baseline in " + where
            : current.key() + "  no baseline for this environment yet: this run was recorded in " + where
                + " beside the baselines of " + others.size() + " other environment(s) (update requested); the"
                + " nearest was measured with " + differences(nearest(others, current.environment()).environment(),
                current.environment());
      } else {
        // Another run recorded one for this environment since we read: compare with it, never overwrite it.
        baseline = store.baseline(current.key(), current.environment());
        raced = "; another run recorded this baseline while this one ran";
      }
    }
    if (action == null && baseline.isEmpty()) {
      // Recorded and removed again between two reads: nothing to compare with, nothing overwritten.
      action = BaselineDecision.Action.NOT_REPLACED;
      message = current.key() + "  the baseline in " + where + " changed while this run ran; run again";
    } else if (action == null) {
      Set<Metric> metrics = new LinkedHashSet<>(baseline.get().metrics());
      metrics.addAll(current.metrics());
      for (Metric m : metrics) {
        comparisons.add(judge.compare(baseline.get(), current, m, history));
        checks.add(judge.againstHistory(history, current, m));
      }
      if (!update) {
        action = BaselineDecision.Action.KEPT;
        message = current.key() + "  compared with the baseline in " + where + raced;
      } else if (store.compareAndSetBaseline(baseline, current)) {
        action = BaselineDecision.Action.REPLACED;
        message = current.key() + "  compared with the previous baseline, then replaced it in " + where
            + " (update requested)";
      } else {
        action = BaselineDecision.Action.NOT_REPLACED;
        message = current.key() + "  compared with the baseline in " + where + ", but another run replaced it"
            + " while this one ran, so this run was not stored as the baseline (update requested): run the update"
            + " again if this run's figures should win";
      }
    }
    store.append(current);
    List<Result> withCurrent = new ArrayList<>(history);
    withCurrent.add(current);
    Map<Metric, Trend> trends = new LinkedHashMap<>();
    for (Metric m : current.metrics()) {
      trends.put(m, Trends.analyse(withCurrent, m));
    }
    return new BaselineDecision(current.key(), action, message, comparisons, checks, trends);
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
    return out;
  }

  private static void differs(List<String> out, String what, String baseline, String current) {
    if (!baseline.equals(current)) {
      out.add(what + " " + baseline + ", this run " + current);
    }
  }

  private static String heap(long bytes) {
    return bytes < 0 ? "undefined" : dev.perfgate.api.Unit.BYTES.format(bytes) + " (" + bytes + " bytes)";
  }

  @Override
  public String toString() {
    return "BaselinePolicy[update " + update + ", " + judge + "]";
  }

  /** Builds a {@link BaselinePolicy}; each option may be set once. */
  public static final class Builder {
    private RegressionJudge judge = RegressionJudge.defaults();
    private boolean update;
    private boolean judgeSet;
    private boolean updateSet;

    private Builder() {}

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
     * Sets whether runs replace the stored baseline (from {@code -Dperfgate.baseline.update=true}).
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
     * Builds the policy.
     *
     * @return an immutable policy
     */
    public BaselinePolicy build() {
      return new BaselinePolicy(judge, update);
    }
  }
}
