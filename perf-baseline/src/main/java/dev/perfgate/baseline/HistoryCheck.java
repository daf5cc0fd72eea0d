package dev.perfgate.baseline;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A new result checked against the robust prediction interval of the stored history of its variant
 * (see {@link RegressionJudge#againstHistory}).
 *
 * @param key the benchmark variant
 * @param metric the metric
 * @param outcome REGRESSED or IMPROVED when the new value lies outside the interval, UNCHANGED
 *     inside, CHANGED for a neutral metric outside, NOT_COMPARABLE when there is too little history;
 *     INCONCLUSIVE inside an interval of fewer than {@value RegressionJudge#HISTORY_RUNS_TO_GATE} runs
 *     but beyond the noise floor (an advisory check that cannot tell a change from its runs' spread;
 *     its status is PASS)
 * @param value the new run's value (median of its trial values)
 * @param prediction the stored runs' median and the prediction interval around it
 * @param limits what it was judged with: the noise floor (the narrowest half-width allowed for the
 *     interval, as a relative change), the tolerance (the relative regression against the median
 *     that fails once the history is long enough), the confidence of the interval and, for a count,
 *     its absolute tolerance
 * @param note why there is no check; for a check, the change point its runs follow; empty otherwise
 */
public record HistoryCheck(
    BenchmarkKey key,
    Metric metric,
    Outcome outcome,
    double value,
    Prediction prediction,
    Comparison.Limits limits,
    String note) implements Verdict.Detail {

  /**
   * The prediction interval from the stored history.
   *
   * @param median the median of the stored runs' values; NaN when there was no check
   * @param low the lower bound of the prediction interval; NaN when there was no check
   * @param high the upper bound of the prediction interval; NaN when there was no check
   * @param runs the number of stored runs used (same environment, most recent)
   */
  public record Prediction(double median, double low, double high, int runs) {

    /**
     * No interval: too little history, or no value to check.
     *
     * @param runs the number of stored runs there were
     * @return the prediction, every bound NaN
     */
    public static Prediction none(int runs) {
      return new Prediction(Double.NaN, Double.NaN, Double.NaN, runs);
    }
  }

  /**
   * Creates a check.
   *
   * @throws NullPointerException if an object argument is null
   */
  public HistoryCheck {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(metric, "metric must not be null");
    Objects.requireNonNull(outcome, "outcome must not be null");
    Objects.requireNonNull(prediction, "prediction must not be null");
    Objects.requireNonNull(limits, "limits must not be null");
    Objects.requireNonNull(note, "note must not be null");
  }

  /**
   * The median of the stored runs' values.
   *
   * @return {@code prediction().median()}
   */
  public double median() {
    return prediction.median();
  }

  /**
   * The lower bound of the prediction interval.
   *
   * @return {@code prediction().low()}
   */
  public double low() {
    return prediction.low();
  }

  /**
   * The upper bound of the prediction interval.
   *
   * @return {@code prediction().high()}
   */
  public double high() {
    return prediction.high();
  }

  /**
   * The number of stored runs used.
   *
   * @return {@code prediction().runs()}
   */
  public int runs() {
    return prediction.runs();
  }

  /**
   * The narrowest half-width allowed for the interval, as a relative change.
   *
   * @return {@code limits().noiseFloor()}
   */
  public double noiseFloor() {
    return limits.noiseFloor();
  }

  /**
   * The relative regression against the median that fails once the history is long enough.
   *
   * @return {@code limits().tolerance()}
   */
  public double tolerance() {
    return limits.tolerance();
  }

  /**
   * Whether the check is only advisory: fewer than {@value RegressionJudge#HISTORY_RUNS_TO_GATE}
   * stored runs, so it warns at most.
   *
   * @return true if it cannot fail
   */
  public boolean advisory() {
    return runs() < RegressionJudge.HISTORY_RUNS_TO_GATE;
  }

  /**
   * The status: FAIL for a regression beyond the tolerance() once the history is long enough, WARN
   * for other regressions, PASS for values inside the interval or better, NOT_MEASURED without history.
   *
   * @return the status
   */
  public Status status() {
    switch (outcome) {
      case REGRESSED:
        double worse = metric.direction() == dev.perfgate.api.Direction.HIGHER_IS_BETTER
            ? Math.log(median() / value) : Math.log(value / median());
        return !advisory() && worse > Math.log1p(tolerance()) ? Status.FAIL : Status.WARN;
      case NOT_COMPARABLE:
        return Status.NOT_MEASURED;
      default:
        return Status.PASS;
    }
  }

  /**
   * This check as a verdict, for example
   * {@code render  time.wall 1.31 ms vs history median 1.02 ms (+28.4 %), 95 % prediction 0.95 .. 1.10 ms over 12 runs  FAIL}.
   * Figures: value, median, low, high, runs.
   *
   * @return the verdict
   */
  public Verdict toVerdict() {
    return Verdict.of(Subject.of(key), metric, metric.name() + " vs history", status(), this);
  }

  /**
   * The figures of {@link #toVerdict()}: value, median, low, high, runs (value only when known, the
   * interval only when there was a check).
   *
   * @return the figures by name
   */
  @Override
  public Map<String, Double> figures() {
    return namedFigures();
  }

  /** The figures, for a {@link MetricJudgement} that shows them beside its own. */
  Map<String, Double> namedFigures() {
    Map<String, Double> figures = new LinkedHashMap<>();
    if (!Double.isNaN(value)) {
      figures.put("value", value);
    }
    if (outcome != Outcome.NOT_COMPARABLE) {
      figures.put("median", median());
      figures.put("low", low());
      figures.put("high", high());
    }
    figures.put("runs", (double) runs());
    return figures;
  }

  /**
   * This check in one line, as {@link #toVerdict()} shows it.
   *
   * @return the line
   */
  @Override
  public String message() {
    return key + "  " + metric.name() + " " + finding() + "  " + status();
  }

  /**
   * The finding without the variant, the metric and the status, such as
   * {@code 1.31 ms vs history median 1.02 ms (+28.4 %), prediction 0.95 ms .. 1.10 ms over 12 runs  regressed}.
   */
  String finding() {
    StringBuilder sb = new StringBuilder();
    if (outcome == Outcome.NOT_COMPARABLE) {
      return sb.append("no history check: ").append(note).toString();
    }
    sb.append(metric.format(value)).append(" vs history median ").append(metric.format(median()))
        .append(" (").append(changeText()).append("), prediction ")
        .append(metric.format(low())).append(" .. ").append(metric.format(high())).append(" over ").append(runs())
        .append(" runs");
    if (!note.isEmpty()) {
      sb.append(' ').append(note);
    }
    if (advisory()) {
      sb.append(advisoryWords());
    }
    return sb.append("  ").append(said()).toString();
  }

  /**
   * The finding in a few words for a line that another finding leads, such as
   * {@code history unchanged (+35.6 % vs median of 8 runs)}.
   */
  String summary() {
    if (outcome == Outcome.NOT_COMPARABLE) {
      return "no history check";
    }
    return "history " + said() + " (" + changeText() + " vs median of " + runs() + " runs"
        + (advisory() ? ", advisory until " + RegressionJudge.HISTORY_RUNS_TO_GATE + " runs" : "") + ")";
  }

  /** The outcome in a word, such as {@code regressed}. */
  String said() {
    return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String advisoryWords() {
    return " (advisory until " + RegressionJudge.HISTORY_RUNS_TO_GATE + " runs)";
  }

  /** The change against the median, such as {@code +28.4 %}; in the metric's unit where the median is 0. */
  private String changeText() {
    return median() == 0 ? (value < 0 ? "-" : "+") + metric.format(Math.abs(value))
        : String.format(Locale.ROOT, "%+.1f %%", (value / median() - 1) * 100);
  }

  @Override
  public String toString() {
    return message();
  }
}
