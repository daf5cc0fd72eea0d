package dev.perfgate.baseline;

import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.internal.stats.LogScale;
import dev.perfgate.api.internal.stats.Mad;
import dev.perfgate.api.internal.stats.Median;
import dev.perfgate.api.internal.stats.StudentT;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Checks a result against the stored history of its variant, the work behind {@link RegressionJudge#againstHistory}. */
final class HistoryJudgement {

  private final JudgeSettings settings;

  HistoryJudgement(JudgeSettings settings) {
    this.settings = settings;
  }

  HistoryCheck againstHistory(List<Result> history, Result current, Metric metric) {
    double noiseFloor = settings.noiseFloor();
    double tolerance = settings.tolerance();
    double confidence = settings.confidence();
    String fingerprint = current.environment().fingerprint();
    double[] window = StableSegment.runValues(history, fingerprint, metric, settings.historyWindow());
    StableSegment seg = StableSegment.of(window);
    double[] runs = seg.values(window);
    String since = seg.start() == 0 ? "" : "since the change point at stored run " + (seg.start() + 1) + " of "
        + window.length + " (median " + metric.format(seg.before()) + " before)";
    double value = StableSegment.runValue(current, metric);
    int m = runs.length;
    Adjusted adjusted = adjusted(history, fingerprint, seg, current, metric, runs, value);
    if (adjusted != null) {
      runs = adjusted.runs();
      value = adjusted.value();
      since = since.isEmpty() ? adjusted.note() : since + " " + adjusted.note();
    }
    if (JudgeSettings.isCount(metric) && m >= 2 && !Double.isNaN(value)) {
      return countAgainstHistory(current, metric, runs, value, since);
    }
    if (m < 2 || Double.isNaN(value) || !LogScale.allPositive(runs) || !(value > 0)) {
      String why = m < 2 ? m + " stored run(s) of " + metric.name() + " in environment " + fingerprint
          + (since.isEmpty() ? "" : " " + since) + " (of " + history.size() + " in all); 2 are needed"
          : Double.isNaN(value) ? "this run has no value of " + metric.name()
          : "values of " + metric.name() + " are not all > 0";
      return new HistoryCheck(current.key(), metric, Outcome.NOT_COMPARABLE, value, HistoryCheck.Prediction.none(m),
          new Comparison.Limits(noiseFloor, tolerance, confidence, 0), why);
    }
    double[] logs = LogScale.of(runs);
    double center = Median.of(logs);
    // A slope fitted on the same runs takes one more degree of freedom from their spread.
    double t = StudentT.quantile(1 - (1 - confidence) / 2, m - 1 - (adjusted != null ? 1 : 0));
    double spread = Mad.NORMAL_CONSISTENCY * Mad.of(logs);
    // The slope's own error on this run, as the comparison holds it (RulerAdjustment.slopeError).
    double slopeError = adjusted != null ? adjusted.slopeError() : 0;
    double half = t * Math.sqrt(spread * spread * (1 + 1.0 / m) + slopeError);
    half = Math.max(half, Math.log1p(noiseFloor));
    double lv = Math.log(value);
    Outcome o;
    if (Math.abs(lv - center) <= half) {
      o = within(m, Math.abs(lv - center) <= Math.log1p(noiseFloor));
    } else if (metric.direction() == Direction.NEUTRAL) {
      o = Outcome.CHANGED;
    } else {
      boolean higher = lv > center;
      o = higher == (metric.direction() == Direction.LOWER_IS_BETTER) ? Outcome.REGRESSED : Outcome.IMPROVED;
    }
    return new HistoryCheck(current.key(), metric, o, value,
        new HistoryCheck.Prediction(Math.exp(center), Math.exp(center - half), Math.exp(center + half), m),
        new Comparison.Limits(noiseFloor, tolerance, confidence, 0), since);
  }

  /**
   * Run values with the machine's speed taken out, this run's value likewise, the variance the
   * slope's own error adds to this run's value (log scale), and the words that say so.
   */
  private record Adjusted(double[] runs, double value, double slopeError, String note) {}

  /**
   * The stored runs' values and this run's with the machine's speed taken out ({@link RulerAdjustment}),
   * as the comparison with the baseline takes it out, so that the two pieces of evidence in one
   * verdict see the same times: where the segment's runs and this run carry the ruler's pass and the
   * time follows it; null otherwise. Each run's value is divided by its ruler's departure from the
   * runs' level, raised to the slope.
   */
  private Adjusted adjusted(List<Result> history, String fingerprint, StableSegment seg, Result current, Metric metric,
      double[] runs, double value) {
    if (!RulerAdjustment.applies(metric) || runs.length < RegressionJudge.HISTORY_RUNS_TO_GATE || !(value > 0)) {
      return null;
    }
    List<Result> window = StableSegment.runs(history, fingerprint, metric, settings.historyWindow());
    List<Result> segment = window.subList(seg.start(), window.size());
    Optional<RulerAdjustment> fit = RulerAdjustment.fit(segment, metric);
    double now = RulerAdjustment.rulerLevel(current, metric);
    if (fit.isEmpty() || fit.get().runs() < segment.size() || segment.size() != runs.length || Double.isNaN(now)) {
      return null;
    }
    RulerAdjustment a = fit.get();
    double[] out = new double[runs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = runs[i] * Math.exp(-a.beta() * (RulerAdjustment.rulerLevel(segment.get(i), metric) - a.center()));
    }
    double v = value * Math.exp(-a.beta() * (now - a.center()));
    String note = String.format(Locale.ROOT, "(machine's speed taken out: ruler %+.1f %% vs the runs' level, slope"
        + " %.2f, as measured %s)", Math.expm1(now - a.center()) * 100, a.beta(), metric.format(value));
    return new Adjusted(out, v, a.slopeError(now - a.center()), note);
  }

  /**
   * The history check of a count on its own scale: median +- t x 1.4826 x MAD x sqrt(1 + 1/m) of
   * the raw run values, never narrower than the noise band of a comparison (the larger of the
   * absolute tolerance and the noise floor times the median), so 0 B stored runs are checked too.
   */
  private HistoryCheck countAgainstHistory(Result current, Metric metric, double[] runs, double value, String since) {
    double noiseFloor = settings.noiseFloor();
    double tolerance = settings.tolerance();
    double confidence = settings.confidence();
    int m = runs.length;
    double center = Median.of(runs);
    double t = StudentT.quantile(1 - (1 - confidence) / 2, m - 1);
    double half = t * Mad.NORMAL_CONSISTENCY * Mad.of(runs) * Math.sqrt(1 + 1.0 / m);
    half = Math.max(half, Math.max(settings.absoluteTolerance(metric), noiseFloor * Math.abs(center)));
    Outcome o;
    if (Math.abs(value - center) <= half) {
      o = within(m, Math.abs(value - center) <= Math.max(settings.absoluteTolerance(metric),
          noiseFloor * Math.abs(center)));
    } else if (metric.direction() == Direction.NEUTRAL) {
      o = Outcome.CHANGED;
    } else {
      boolean higher = value > center;
      o = higher == (metric.direction() == Direction.LOWER_IS_BETTER) ? Outcome.REGRESSED : Outcome.IMPROVED;
    }
    return new HistoryCheck(current.key(), metric, o, value, new HistoryCheck.Prediction(center, center - half,
        center + half, m), new Comparison.Limits(noiseFloor, tolerance, confidence, settings.absoluteTolerance(metric)),
        since);
  }

  /**
   * The outcome of a value inside the prediction interval: UNCHANGED, except where fewer than
   * {@value RegressionJudge#HISTORY_RUNS_TO_GATE} runs make the interval so wide (Student's t has 1 to
   * 3 degrees of freedom, 12.7 at 2 runs) that a value beyond the noise floor still fits it: then the
   * history cannot tell a change from its spread, and saying "unchanged" of a +35 % run would be false.
   */
  private static Outcome within(int runs, boolean insideFloor) {
    return insideFloor || runs >= RegressionJudge.HISTORY_RUNS_TO_GATE ? Outcome.UNCHANGED : Outcome.INCONCLUSIVE;
  }
}
