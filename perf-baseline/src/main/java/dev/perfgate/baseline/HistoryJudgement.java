package dev.perfgate.baseline;

import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.internal.stats.LogScale;
import dev.perfgate.api.internal.stats.Mad;
import dev.perfgate.api.internal.stats.Median;
import dev.perfgate.api.internal.stats.StudentT;
import java.util.List;

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
    double t = StudentT.quantile(1 - (1 - confidence) / 2, m - 1);
    double half = t * Mad.NORMAL_CONSISTENCY * Mad.of(logs) * Math.sqrt(1 + 1.0 / m);
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
