package dev.perfgate.baseline;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Unit;

/**
 * The settings of a {@link RegressionJudge}, handed to the pieces that do its work.
 *
 * @param noiseFloor the smallest relative change treated as real
 * @param tolerance the relative regression beyond which a check fails
 * @param confidence the two-sided confidence level of intervals
 * @param historyWindow how many of the most recent stored runs the history check and the noise estimate use
 * @param byteTolerance the absolute tolerance of allocated bytes per operation
 * @param countTolerance the absolute tolerance of counters per operation
 */
record JudgeSettings(double noiseFloor, double tolerance, double confidence, int historyWindow, double byteTolerance,
    double countTolerance) {

  /** The defaults of {@link RegressionJudge#defaults()}. */
  static JudgeSettings defaults() {
    return new JudgeSettings(RegressionJudge.DEFAULT_NOISE_FLOOR, RegressionJudge.DEFAULT_TOLERANCE,
        RegressionJudge.DEFAULT_CONFIDENCE, RegressionJudge.DEFAULT_HISTORY_WINDOW,
        RegressionJudge.DEFAULT_BYTE_TOLERANCE, RegressionJudge.DEFAULT_COUNT_TOLERANCE);
  }

  JudgeSettings withNoiseFloor(double v) {
    return new JudgeSettings(v, tolerance, confidence, historyWindow, byteTolerance, countTolerance);
  }

  JudgeSettings withTolerance(double v) {
    return new JudgeSettings(noiseFloor, v, confidence, historyWindow, byteTolerance, countTolerance);
  }

  JudgeSettings withConfidence(double v) {
    return new JudgeSettings(noiseFloor, tolerance, v, historyWindow, byteTolerance, countTolerance);
  }

  JudgeSettings withHistoryWindow(int v) {
    return new JudgeSettings(noiseFloor, tolerance, confidence, v, byteTolerance, countTolerance);
  }

  /** With the absolute tolerance of a count unit ({@code BYTES} or {@code COUNT}, see {@link #checkAbsoluteTolerance}). */
  JudgeSettings withAbsoluteTolerance(Unit unit, double v) {
    return unit == Unit.BYTES
        ? new JudgeSettings(noiseFloor, tolerance, confidence, historyWindow, v, countTolerance)
        : new JudgeSettings(noiseFloor, tolerance, confidence, historyWindow, byteTolerance, v);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "[noise floor %.3g, tolerance %.3g, confidence %.3g, history %d runs]",
        noiseFloor, tolerance, confidence, historyWindow);
  }

  /** Whether a metric is a count judged on the difference: allocated bytes and counters. */
  static boolean isCount(Metric metric) {
    return metric.unit() == Unit.BYTES || metric.unit() == Unit.COUNT;
  }

  /** The absolute tolerance of a metric compared on the difference; 0 for one compared on the ratio. */
  double absoluteTolerance(Metric metric) {
    return metric.unit() == Unit.BYTES ? byteTolerance : metric.unit() == Unit.COUNT ? countTolerance : 0;
  }

  /** The limits of a comparison of this metric, with the noise floor that applies to it. */
  Comparison.Limits limits(Metric metric, double floor) {
    return new Comparison.Limits(floor, tolerance, confidence, isCount(metric) ? absoluteTolerance(metric) : 0);
  }

  static void checkAbsoluteTolerance(Unit unit, double tolerance) {
    if (unit != Unit.BYTES && unit != Unit.COUNT) {
      throw new IllegalArgumentException("absolute tolerance is for counts compared on the difference (BYTES, COUNT),"
          + " not " + unit + "; set the relative tolerance for other units");
    }
    if (!(tolerance >= 0 && Double.isFinite(tolerance))) {
      throw new IllegalArgumentException("absolute tolerance (" + tolerance + ") must be >= 0 in " + unit
          + ", such as 8 for 8 B per operation");
    }
  }
}
