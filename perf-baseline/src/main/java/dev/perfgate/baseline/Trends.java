package dev.perfgate.baseline;

import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.internal.stats.LogScale;
import dev.perfgate.api.internal.stats.MannKendall;
import dev.perfgate.api.internal.stats.Median;
import dev.perfgate.api.internal.stats.TheilSen;
import dev.perfgate.baseline.internal.ChangePointSearch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trends over stored runs: the series is cut at its last confirmed change point (e-divisive means
 * with a t-test, deterministic), then Sen's slope with a Mann-Kendall test gives direction,
 * magnitude per ten runs and confidence. A change stays a candidate until
 * {@value ChangePoint#RUNS_TO_CONFIRM} runs follow it; the runs from a candidate on are left out of
 * the trend, since they may belong to a new level.
 *
 * <pre>{@code
 * Trend t = Trends.analyse(store.history(key), Metric.WALL_TIME);
 * }</pre>
 */
public final class Trends {
  private Trends() {}

  /** Two-sided significance of the Mann-Kendall test. */
  public static final double ALPHA = 0.05;
  /** The largest t-test p-value at which a change point is accepted (Otava's default). */
  public static final double CHANGE_P_VALUE = 0.001;
  /**
   * Sen's interval needs at least five runs to be bounded at 95 %: with four, [min, max] of the
   * pairwise slopes misses the slope with probability 2/4! = 8.3 %, so the kernel gives infinite
   * bounds, which read as "-100.0 .. +Infinity %" on the log scale.
   */
  private static final int MIN_RUNS = 5;

  /**
   * The trend of a metric over a stored history: one value per run (the median of its trial
   * values, the mean for a count), over the successful runs of the newest run's environment.
   *
   * @param history stored runs, oldest first
   * @param metric the metric
   * @return the trend; TOO_FEW_RUNS if there are too few usable runs to bound its interval
   */
  public static Trend analyse(List<Result> history, Metric metric) {
    List<Double> values = new ArrayList<>();
    List<java.util.Optional<String>> commits = new ArrayList<>();
    if (!history.isEmpty()) {
      String fingerprint = history.get(history.size() - 1).environment().fingerprint();
      for (Result r : history) {
        if (r.succeeded() && r.environment().fingerprint().equals(fingerprint)) {
          double v = StableSegment.runValue(r, metric);
          if (!Double.isNaN(v)) {
            values.add(v);
            commits.add(r.provenance().shortCommit());
          }
        }
      }
    }
    Trend t = analyse(values.stream().mapToDouble(Double::doubleValue).toArray(), metric.direction());
    // Name the commits where the runs name them: a change "between a1b2c3d and e4f5a6b".
    List<ChangePoint> points = new ArrayList<>();
    for (ChangePoint p : t.changePoints()) {
      points.add(p.withCommits(range(commits, p.index() - 1, p.index())));
    }
    return new Trend(t.direction(), t.perTenRuns(), t.low(), t.high(), t.confidence(), t.from(), t.to(), t.runs(),
        points, t.to() > t.from() ? range(commits, t.from(), t.to() - 1) : java.util.Optional.empty());
  }

  private static java.util.Optional<ChangePoint.Commits> range(List<java.util.Optional<String>> commits, int from,
      int to) {
    if (from < 0 || to >= commits.size() || commits.get(from).isEmpty() || commits.get(to).isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new ChangePoint.Commits(commits.get(from).get(), commits.get(to).get()));
  }

  /**
   * The trend of a series of run values, oldest first.
   *
   * @param series the values; when all are positive the analysis runs on their logarithms, so the
   *     magnitude is a relative change compounded per run
   * @param direction the metric's direction, to tell improving from degrading
   * @return the trend
   * @throws IllegalArgumentException if a value is not finite
   */
  public static Trend analyse(double[] series, Direction direction) {
    for (double v : series) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("trend values must be finite numbers, got " + v + " in " + Arrays.toString(series));
      }
    }
    int n = series.length;
    boolean logScale = n > 0 && LogScale.allPositive(series);
    double[] x = logScale ? LogScale.of(series) : series;
    List<ChangePointSearch.Split> splits = ChangePointSearch.find(x, CHANGE_P_VALUE);
    List<ChangePoint> points = new ArrayList<>();
    int from = 0;
    int to = n;
    for (int i = 0; i < splits.size(); i++) {
      int index = splits.get(i).index();
      int prev = i == 0 ? 0 : splits.get(i - 1).index();
      int next = i + 1 < splits.size() ? splits.get(i + 1).index() : n;
      boolean candidate = n - 1 - index < ChangePoint.RUNS_TO_CONFIRM;
      points.add(new ChangePoint(index, Median.of(Arrays.copyOfRange(series, prev, index)),
          Median.of(Arrays.copyOfRange(series, index, next)), splits.get(i).pValue(), candidate));
      if (candidate) {
        to = Math.min(to, index);
      } else {
        from = index;
      }
    }
    if (to - from < MIN_RUNS) {
      return new Trend(TrendDirection.TOO_FEW_RUNS, Double.NaN, Double.NaN, Double.NaN, 0, from, to, n, points);
    }
    double[] segment = Arrays.copyOfRange(x, from, to);
    TheilSen tm = TheilSen.fit(segment, 1 - ALPHA);
    if (!Double.isFinite(tm.low()) || !Double.isFinite(tm.high())) {
      // Too few runs for an interval at this confidence: a magnitude without bounds would read as a
      // finding, so the trend says it needs more runs. From five runs on the kernel bounds it; this
      // guards the rule should the confidence or the kernel change.
      return new Trend(TrendDirection.TOO_FEW_RUNS, Double.NaN, Double.NaN, Double.NaN, 0, from, to, n, points);
    }
    MannKendall mk = MannKendall.of(segment);
    double perTen;
    double low;
    double high;
    if (logScale) {
      perTen = Math.expm1(10 * tm.slope());
      low = Math.expm1(10 * tm.low());
      high = Math.expm1(10 * tm.high());
    } else {
      double scale = Math.abs(Median.of(segment));
      perTen = 10 * tm.slope() / scale;
      low = 10 * tm.low() / scale;
      high = 10 * tm.high() / scale;
    }
    if (!Double.isFinite(perTen) || !Double.isFinite(low) || !Double.isFinite(high)) {
      // Only a slope of some 70 e-folds per run overflows here: no trend of a benchmark, but never a "+Infinity %".
      return new Trend(TrendDirection.TOO_FEW_RUNS, Double.NaN, Double.NaN, Double.NaN, 0, from, to, n, points);
    }
    boolean significant = mk.pValue() < ALPHA && (tm.low() > 0 || tm.high() < 0);
    TrendDirection d;
    if (!significant) {
      d = TrendDirection.STABLE;
    } else if (direction == Direction.NEUTRAL) {
      d = TrendDirection.CHANGING;
    } else {
      boolean rising = tm.slope() > 0;
      d = rising == (direction == Direction.LOWER_IS_BETTER) ? TrendDirection.DEGRADING : TrendDirection.IMPROVING;
    }
    return new Trend(d, perTen, low, high, 1 - mk.pValue(), from, to, n, points);
  }
}
