package dev.perfgate.baseline;

import dev.perfgate.api.BaselineStore;
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
 * What a run does with the stored baseline: the first run records it; later runs replace it only
 * when an update is asked for (the runner passes {@code -Dperfgate.baseline.update=true}); every
 * run is appended to the history. A baseline from another environment (see
 * {@link dev.perfgate.api.Environment#fingerprint()}) is never compared with: the decision says
 * "no comparable baseline", names the file and the two environments.
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
    Optional<Result> baseline = store.baseline(current.key());
    List<Result> history = store.history(current.key());
    String where = store instanceof DirectoryBaselineStore
        ? ((DirectoryBaselineStore) store).file(current.key()).toString() : "the stored baseline of " + current.key();

    if (!current.succeeded()) {
      store.append(current);
      return new BaselineDecision(current.key(), BaselineDecision.Action.NOT_RECORDED,
          current.key() + "  run failed (" + current.error().orElse("") + "): added to the history only, "
              + "the baseline is unchanged", List.of(), List.of(), Map.of());
    }

    List<Comparison> comparisons = new ArrayList<>();
    List<HistoryCheck> checks = new ArrayList<>();
    BaselineDecision.Action action;
    String message;
    if (baseline.isEmpty()) {
      store.saveBaseline(current);
      action = BaselineDecision.Action.RECORDED;
      message = current.key() + "  no baseline yet: this run was recorded as the baseline in " + where;
    } else if (!baseline.get().environment().fingerprint().equals(current.environment().fingerprint())) {
      if (update) {
        store.saveBaseline(current);
        action = BaselineDecision.Action.REPLACED;
        message = current.key() + "  baseline in " + where + " came from environment "
            + baseline.get().environment().fingerprint() + "; replaced by this run (update requested)";
      } else {
        action = BaselineDecision.Action.NO_COMPARABLE_BASELINE;
        message = current.key() + "  no comparable baseline: " + where + " was measured in environment "
            + baseline.get().environment() + ", this run in " + current.environment()
            + "; record one for this environment with -D" + UPDATE_PROPERTY + "=true";
      }
    } else {
      Set<Metric> metrics = new LinkedHashSet<>(baseline.get().metrics());
      metrics.addAll(current.metrics());
      for (Metric m : metrics) {
        comparisons.add(judge.compare(baseline.get(), current, m, history));
        checks.add(judge.againstHistory(history, current, m));
      }
      if (update) {
        store.saveBaseline(current);
        action = BaselineDecision.Action.REPLACED;
        message = current.key() + "  compared with the previous baseline, then replaced it in " + where
            + " (update requested)";
      } else {
        action = BaselineDecision.Action.KEPT;
        message = current.key() + "  compared with the baseline in " + where;
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
