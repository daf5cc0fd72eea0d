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
 * The one judgement of one metric of a benchmark variant: its comparison with the baseline, its
 * check against the stored history and its trend, combined into one status with one line of
 * reasons, so that two verdicts on one metric can never disagree.
 *
 * <p>The rule: each piece of evidence has its own status (a trend only ever warns: degrading is
 * WARN, any other direction PASS, and it decides only when it warns), and the worst one wins, in the order
 * ERROR &gt; FAIL &gt; INCONCLUSIVE &gt; WARN &gt; PASS &gt; NOT_MEASURED. So a FAIL from any evidence is never
 * overturned by a PASS from another, and an INCONCLUSIVE comparison is not made a PASS by the
 * history. A history check with too few stored runs (fewer than
 * {@value RegressionJudge#HISTORY_RUNS_TO_GATE}) only warns ({@link HistoryCheck#advisory()}).
 * Where two pieces tie, the baseline comparison decides before the history check, and the history
 * check before the trend.
 *
 * <p>The line leads with the baseline comparison's finding (the history check's where there is no
 * comparison), then the other evidence in a few words, then the status; where the evidence
 * disagrees it says which evidence decided and why:
 *
 * <pre>{@code
 * render  time.wall +37.8 % vs baseline (95 % CI +30.1 .. +45.0 %)  beyond 3 % noise, beyond 20 % tolerance;
 *     history unchanged (+35.6 % vs median of 8 runs); trend stable +1.0 % per 10 runs (CI -0.8 .. +4.1 %)
 *     FAIL: the baseline comparison decides, a FAIL is never overturned; history said unchanged
 * }</pre>
 *
 * <p>The comparison and the history check stay whole here, and in {@link BaselineDecision#comparisons()}
 * and {@link BaselineDecision#historyChecks()}, for code and for the JSON report.
 *
 * @param key the benchmark variant
 * @param metric the metric judged
 * @param comparison the comparison with the baseline, if there was a baseline to compare with
 * @param history the check against the stored history, if one was made
 * @param trend the trend over the stored history and this run, if known
 */
public record MetricJudgement(BenchmarkKey key, Metric metric, Optional<Comparison> comparison,
    Optional<HistoryCheck> history, Optional<Trend> trend) implements Verdict.Detail {

  /** A kind of evidence about one metric. */
  public enum Evidence {
    /** The comparison with the stored baseline. */
    BASELINE("the baseline comparison", "baseline"),
    /** The check against the stored history's prediction interval. */
    HISTORY("the history check", "history"),
    /** The trend over the stored runs and this one. */
    TREND("the trend", "trend");

    private final String name;
    private final String shortName;

    Evidence(String name, String shortName) {
      this.name = name;
      this.shortName = shortName;
    }
  }

  /**
   * Creates a judgement.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if there is neither a comparison nor a history check, or one of
   *     them is about another variant or metric
   */
  public MetricJudgement {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(metric, "metric must not be null");
    Objects.requireNonNull(comparison, "comparison must not be null");
    Objects.requireNonNull(history, "history must not be null");
    Objects.requireNonNull(trend, "trend must not be null");
    if (comparison.isEmpty() && history.isEmpty()) {
      throw new IllegalArgumentException("a judgement of " + key + " " + metric.name()
          + " needs a comparison with the baseline or a history check");
    }
    comparison.ifPresent(c -> requireSame(key, metric, c.key(), c.metric(), "comparison"));
    history.ifPresent(h -> requireSame(key, metric, h.key(), h.metric(), "history check"));
  }

  private static void requireSame(BenchmarkKey key, Metric metric, BenchmarkKey k, Metric m, String what) {
    if (!key.equals(k) || !metric.equals(m)) {
      throw new IllegalArgumentException("the " + what + " of " + k + " " + m.name() + " cannot judge " + key + " "
          + metric.name());
    }
  }

  /**
   * The status of one piece of evidence: the comparison's and the history check's own (the latter
   * at most WARN while advisory), WARN for a degrading trend, PASS for any other trend,
   * NOT_MEASURED for a trend with too few runs or evidence that is missing.
   *
   * @param evidence the evidence
   * @return its status
   */
  public Status statusOf(Evidence evidence) {
    return switch (evidence) {
      case BASELINE -> comparison.map(Comparison::status).orElse(Status.NOT_MEASURED);
      case HISTORY -> history.map(h -> h.advisory() && h.status() == Status.FAIL ? Status.WARN : h.status())
          .orElse(Status.NOT_MEASURED);
      case TREND -> trend.map(t -> switch (t.direction()) {
        case DEGRADING -> Status.WARN;
        case TOO_FEW_RUNS -> Status.NOT_MEASURED;
        default -> Status.PASS;
      }).orElse(Status.NOT_MEASURED);
    };
  }

  /**
   * The evidence that decided: the one with the worst status, the baseline comparison first among
   * equals, then the history check, then the trend; a trend decides only when it warns.
   *
   * @return the deciding evidence
   */
  public Evidence decidedBy() {
    Evidence worst = comparison.isPresent() ? Evidence.BASELINE : Evidence.HISTORY;
    for (Evidence e : Evidence.values()) {
      // A trend can raise a warning but never pass a metric that nothing else judged.
      boolean counts = e != Evidence.TREND || statusOf(e) == Status.WARN;
      if (counts && rank(statusOf(e)) > rank(statusOf(worst))) {
        worst = e;
      }
    }
    return worst;
  }

  /**
   * The status of the metric: that of the evidence that decided.
   *
   * @return the status
   */
  public Status status() {
    return statusOf(decidedBy());
  }

  /**
   * The evidence that said otherwise than the status: a comparison or history check with another
   * status (one that was made), or a degrading trend under a better status. A trend that is stable
   * beside a failing run is not counted against it: one run hardly moves a trend.
   *
   * @return the evidence that disagreed, in the order baseline, history, trend; empty if all agreed
   */
  public List<Evidence> overruled() {
    List<Evidence> out = new ArrayList<>();
    Status status = status();
    for (Evidence e : Evidence.values()) {
      Status s = statusOf(e);
      if (s != status && s != Status.NOT_MEASURED && !(e == Evidence.TREND && s == Status.PASS)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * This judgement as a verdict, checked as {@code time.wall vs baseline} (or {@code vs history}
   * where there was no baseline to compare with).
   *
   * @return the verdict
   */
  public Verdict toVerdict() {
    String against = comparison.isPresent() ? " vs baseline" : " vs history";
    return Verdict.of(Subject.of(key), metric, metric.name() + against, status(), this);
  }

  /**
   * One line: the leading finding, the other evidence in a few words, the status and, where the
   * evidence disagrees, which evidence decided and why.
   */
  @Override
  public String message() {
    StringBuilder sb = new StringBuilder(key.toString()).append("  ").append(metric.name()).append(' ');
    sb.append(comparison.isPresent() ? comparison.get().finding() : history.get().finding());
    if (comparison.isPresent() && statusOf(Evidence.HISTORY) != Status.NOT_MEASURED) {
      sb.append("; ").append(history.get().summary());
    }
    trend.ifPresent(t -> sb.append("; ").append(t.summary()));
    Status status = status();
    sb.append("  ").append(status);
    List<Evidence> overruled = overruled();
    if (!overruled.isEmpty()) {
      sb.append(": ").append(decidedBy().name).append(" decides, ")
          .append(status.isFailure() ? "a " + status + " is never overturned" : "the worst evidence wins");
      for (Evidence e : overruled) {
        sb.append("; ").append(e.shortName).append(" said ").append(said(e));
      }
    }
    return sb.toString();
  }

  private String said(Evidence e) {
    return switch (e) {
      case BASELINE -> comparison.get().said();
      case HISTORY -> history.get().said();
      case TREND -> trend.get().said();
    };
  }

  /**
   * The comparison's figures under their own names, the history check's with the prefix
   * {@code history.}, and the trend's {@code trend.perTenRuns}, {@code trend.low}, {@code trend.high}
   * and {@code trend.confidence} where it has them.
   */
  @Override
  public Map<String, Double> figures() {
    Map<String, Double> figures = new LinkedHashMap<>();
    comparison.ifPresent(c -> figures.putAll(c.namedFigures()));
    history.ifPresent(h -> h.namedFigures().forEach((k, v) -> figures.put("history." + k, v)));
    trend.filter(t -> t.direction() != TrendDirection.TOO_FEW_RUNS).ifPresent(t -> {
      figures.put("trend.perTenRuns", t.perTenRuns());
      figures.put("trend.low", t.low());
      figures.put("trend.high", t.high());
      figures.put("trend.confidence", t.confidence());
    });
    return figures;
  }

  /** Severity for the rule: ERROR > FAIL > INCONCLUSIVE > WARN > PASS > NOT_MEASURED. */
  static int rank(Status s) {
    return switch (s) {
      case NOT_MEASURED -> 0;
      case PASS -> 1;
      case WARN -> 2;
      case INCONCLUSIVE -> 3;
      case FAIL -> 4;
      case ERROR -> 5;
    };
  }

  @Override
  public String toString() {
    return message();
  }
}
