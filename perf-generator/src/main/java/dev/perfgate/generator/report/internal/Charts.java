package dev.perfgate.generator.report.internal;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Trial;
import dev.perfgate.api.Unit;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.scaling.Complexity;
import dev.perfgate.baseline.scaling.ModelFit;
import dev.perfgate.baseline.scaling.ScalingCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * Inline SVG charts drawn from measured values only. Every chart is XML-clean (attributes quoted,
 * elements closed) so that the page parses as XHTML, and scales with its container through its
 * {@code viewBox}.
 */
final class Charts {
  private static final int WIDTH = 640;
  private static final int LEFT = 78;
  private static final int RIGHT = 18;
  private static final int TOP = 14;
  private static final int BOTTOM = 38;
  private static final int ROW = 26;

  private Charts() {}

  /**
   * A strip plot of one metric's sample values: a row per trial, a dot per sample, a box from the
   * trial's first to third quartile and a bar at its median. Empty when no sample has a value.
   */
  static Optional<String> strip(Result r, Metric m) {
    List<double[]> rows = new ArrayList<>();
    for (Trial t : r.trials()) {
      rows.add(t.samples().stream().map(s -> s.values().get(m)).filter(v -> v != null)
          .mapToDouble(Double::doubleValue).toArray());
    }
    double[] all = r.sampleValues(m);
    if (all.length == 0) {
      return Optional.empty();
    }
    double[] domain = padded(Statistic.MIN.of(all), Statistic.MAX.of(all));
    int plotHeight = ROW * rows.size();
    int height = TOP + plotHeight + BOTTOM;
    Axis x = new Axis(domain[0], domain[1], LEFT, WIDTH - RIGHT, false);
    StringBuilder sb = open(height, "Distribution of " + m.name() + " per sample, by trial");
    for (double tick : x.ticks()) {
      double px = x.map(tick);
      sb.append(line(px, TOP, px, TOP + plotHeight, "grid"));
      sb.append(text(px, TOP + plotHeight + 16, "middle", "tick", m.format(tick)));
    }
    for (int i = 0; i < rows.size(); i++) {
      double[] v = rows.get(i);
      double cy = TOP + ROW * i + ROW / 2.0;
      sb.append(text(LEFT - 8, cy + 4, "end", "tick", "trial " + (i + 1)));
      if (v.length == 0) {
        continue;
      }
      double[] sorted = v.clone();
      Arrays.sort(sorted);
      double q1 = x.map(Statistic.percentile(sorted, 0.25));
      double q3 = x.map(Statistic.percentile(sorted, 0.75));
      sb.append(String.format(Locale.ROOT, "<rect class=\"box\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\"/>",
          q1, cy - 8, Math.max(q3 - q1, 1), 16));
      double med = x.map(Statistic.percentile(sorted, 0.5));
      sb.append(line(med, cy - 10, med, cy + 10, "median"));
      for (int j = 0; j < v.length; j++) {
        // A fixed, repeating vertical offset keeps equal values from hiding each other; it is layout, not data.
        double dy = ((j % 5) - 2) * 2.5;
        sb.append(String.format(Locale.ROOT, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\">", x.map(v[j]),
            cy + dy)).append("<title>").append(Text.html("trial " + (i + 1) + ", sample " + (j + 1) + ": "
            + m.format(v[j]))).append("</title></circle>");
      }
    }
    sb.append(line(LEFT, TOP + plotHeight, WIDTH - RIGHT, TOP + plotHeight, "axis"));
    sb.append(text((LEFT + WIDTH - RIGHT) / 2.0, height - 4, "middle", "label", m.name() + " per sample"));
    return Optional.of(sb.append("</svg>").toString());
  }

  /**
   * The scaling curve of a sized benchmark on log-log axes: the median of each size with a whisker
   * over its trials' values, and, when a scaling verdict carries them, the fitted power law (from
   * an {@code exponent} figure) and the fitted class {@code c0 + c1 g(n)} (from {@code c0}/{@code
   * c1} figures and the class named in the message).
   */
  static Optional<String> scaling(List<Result> sized, Metric m, List<Verdict> verdicts) {
    List<double[]> points = new ArrayList<>();
    for (Result r : sized) {
      double med = r.statistic(m, Statistic.MEDIAN);
      double[] trials = r.trialValues(m);
      if (r.key().size().isPresent() && r.key().size().getAsInt() > 0 && med > 0 && trials.length > 0) {
        points.add(new double[] {r.key().size().getAsInt(), med, Statistic.MIN.of(trials), Statistic.MAX.of(trials)});
      }
    }
    if (points.size() < 2) {
      return Optional.empty();
    }
    double xMin = points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
    double xMax = points.stream().mapToDouble(p -> p[0]).max().orElseThrow();
    double yMin = points.stream().mapToDouble(p -> Math.min(p[1], p[2])).filter(v -> v > 0).min().orElse(points.get(0)[1]);
    double yMax = points.stream().mapToDouble(p -> Math.max(p[1], p[3])).max().orElseThrow();
    int plotHeight = 260;
    int height = TOP + plotHeight + BOTTOM;
    Axis x = new Axis(xMin, xMax, LEFT, WIDTH - RIGHT, true);
    Axis y = new Axis(yMin, yMax, TOP + plotHeight, TOP, true);
    StringBuilder sb = open(height, "Median " + m.name() + " against size, log-log");
    for (double t : x.ticks()) {
      double px = x.map(t);
      sb.append(line(px, TOP, px, TOP + plotHeight, "grid"));
      sb.append(text(px, TOP + plotHeight + 16, "middle", "tick", Unit.COUNT.format(t)));
    }
    for (double t : y.ticks()) {
      double py = y.map(t);
      sb.append(line(LEFT, py, WIDTH - RIGHT, py, "grid"));
      sb.append(text(LEFT - 6, py + 4, "end", "tick", m.format(t)));
    }
    sb.append(line(LEFT, TOP + plotHeight, WIDTH - RIGHT, TOP + plotHeight, "axis"));
    sb.append(line(LEFT, TOP, LEFT, TOP + plotHeight, "axis"));
    List<String> legend = new ArrayList<>();
    for (Verdict v : verdicts) {
      if (!(v.detail() instanceof ScalingCheck check)) {
        continue;
      }
      double exponent = check.fit().exponent().value();
      if (Double.isFinite(exponent)) {
        // The verdict gives the slope; the intercept that fits these medians best for that slope is
        // the mean of log(t) - b log(n), so the line sits on the measured points.
        double a = points.stream().mapToDouble(p -> Math.log(p[1]) - exponent * Math.log(p[0])).average().orElseThrow();
        sb.append(curve(x, y, xMin, xMax, n -> Math.exp(a) * Math.pow(n, exponent), "fit"));
        legend.add(String.format(Locale.ROOT, "power fit: exponent %.2f", exponent));
      }
      ModelFit best = check.fit().best();
      if (Double.isFinite(best.c0()) && Double.isFinite(best.c1())) {
        Complexity c = best.complexity();
        sb.append(curve(x, y, xMin, xMax, n -> best.c0() + best.c1() * c.growth(n), "model"));
        legend.add("class fit: " + c.label());
      }
    }
    for (double[] p : points) {
      double px = x.map(p[0]);
      sb.append(line(px, y.map(p[2]), px, y.map(p[3]), "whisker"));
      sb.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\">", px, y.map(p[1])))
          .append("<title>").append(Text.html(String.format(Locale.ROOT, "size %d: median %s (trials %s .. %s)",
              (long) p[0], m.format(p[1]), m.format(p[2]), m.format(p[3])))).append("</title></circle>");
    }
    for (int i = 0; i < legend.size(); i++) {
      sb.append(text(LEFT + 10, TOP + 16 + 16 * i, "start", "legend " + (legend.get(i).startsWith("power") ? "fit" : "model"),
          legend.get(i)));
    }
    sb.append(text((LEFT + WIDTH - RIGHT) / 2.0, height - 4, "middle", "label", "size (log scale)"));
    return Optional.of(sb.append("</svg>").toString());
  }

  /**
   * The trend over stored history: one point per stored run's median, then this run's median in
   * the accent colour. Empty when there is no history to draw.
   */
  static Optional<String> trend(double[] history, double current, Metric m) {
    List<Double> values = new ArrayList<>();
    for (double h : history) {
      if (Double.isFinite(h)) {
        values.add(h);
      }
    }
    if (values.isEmpty()) {
      return Optional.empty();
    }
    boolean withCurrent = Double.isFinite(current);
    List<Double> all = new ArrayList<>(values);
    if (withCurrent) {
      all.add(current);
    }
    double lo = all.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double hi = all.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double[] domain = padded(lo, hi);
    int plotHeight = 160;
    int height = TOP + plotHeight + BOTTOM;
    Axis x = new Axis(1, Math.max(2, all.size()), LEFT, WIDTH - RIGHT, false);
    Axis y = new Axis(domain[0], domain[1], TOP + plotHeight, TOP, false);
    StringBuilder sb = open(height, "Median " + m.name() + " over " + values.size() + " stored runs and this run");
    for (double t : y.ticks()) {
      double py = y.map(t);
      sb.append(line(LEFT, py, WIDTH - RIGHT, py, "grid"));
      sb.append(text(LEFT - 6, py + 4, "end", "tick", m.format(t)));
    }
    sb.append(line(LEFT, TOP + plotHeight, WIDTH - RIGHT, TOP + plotHeight, "axis"));
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < all.size(); i++) {
      path.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x.map(i + 1), y.map(all.get(i))));
    }
    sb.append("<polyline class=\"trend\" points=\"").append(path).append("\"/>");
    for (int i = 0; i < all.size(); i++) {
      boolean last = withCurrent && i == all.size() - 1;
      sb.append(String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%s\">", last ? "current" : "point",
          x.map(i + 1), y.map(all.get(i)), last ? "5" : "3.5"))
          .append("<title>").append(Text.html((last ? "this run" : "stored run " + (i + 1)) + ": " + m.format(all.get(i))))
          .append("</title></circle>");
    }
    sb.append(text(LEFT, height - 4, "start", "label", "oldest"));
    sb.append(text(WIDTH - RIGHT, height - 4, "end", "label", withCurrent ? "this run" : "newest"));
    return Optional.of(sb.append("</svg>").toString());
  }

  private static String curve(Axis x, Axis y, double from, double to, DoubleUnaryOperator f, String cls) {
    StringBuilder pts = new StringBuilder();
    int steps = 48;
    for (int i = 0; i <= steps; i++) {
      double n = Math.exp(Math.log(from) + (Math.log(to) - Math.log(from)) * i / steps);
      double v = f.applyAsDouble(n);
      if (v > 0 && Double.isFinite(v)) {
        double py = Math.max(TOP - 4, Math.min(y.map(v), y.start + 4));
        pts.append(pts.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x.map(n), py));
      }
    }
    return "<polyline class=\"" + cls + "\" points=\"" + pts + "\"/>";
  }

  private static StringBuilder open(int height, String title) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" "
        + "role=\"img\" aria-label=\"%s\">", WIDTH, height, Text.html(title)));
    sb.append("<title>").append(Text.html(title)).append("</title>");
    return sb;
  }

  private static String line(double x1, double y1, double x2, double y2, String cls) {
    return String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", cls, x1, y1, x2, y2);
  }

  private static String text(double x, double y, String anchor, String cls, String content) {
    return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", cls, x, y, anchor)
        + Text.html(content) + "</text>";
  }

  private static double[] padded(double lo, double hi) {
    if (hi <= lo) {
      double pad = Math.max(Math.abs(lo) * 0.05, 1e-9);
      return new double[] {lo - pad, hi + pad};
    }
    double pad = (hi - lo) * 0.06;
    return new double[] {lo - pad, hi + pad};
  }

  /** Maps values to pixels, linearly or on a log scale, and chooses round tick values. */
  private static final class Axis {
    private final double lo;
    private final double hi;
    private final double start;
    private final double end;
    private final boolean log;

    Axis(double lo, double hi, double start, double end, boolean log) {
      if (log) {
        // Whole decades when the data spans more than one, otherwise a little room either side.
        double l = Math.log10(lo);
        double h = Math.log10(hi);
        if (h - l >= 1) {
          l = Math.floor(l);
          h = Math.ceil(h);
        } else {
          double mid = (l + h) / 2;
          l = Math.min(l - 0.08, mid - 0.5);
          h = Math.max(h + 0.08, mid + 0.5);
        }
        this.lo = l;
        this.hi = h;
      } else {
        this.lo = lo;
        this.hi = hi == lo ? lo + 1 : hi;
      }
      this.start = start;
      this.end = end;
      this.log = log;
    }

    double map(double v) {
      double t = log ? Math.log10(v) : v;
      return start + (t - lo) / (hi - lo) * (end - start);
    }

    List<Double> ticks() {
      List<Double> ticks = new ArrayList<>();
      if (log) {
        boolean fine = hi - lo < 2.5;
        for (int e = (int) Math.floor(lo); e <= (int) Math.ceil(hi); e++) {
          for (double mult : fine ? new double[] {1, 2, 5} : new double[] {1}) {
            double v = mult * Math.pow(10, e);
            double lv = Math.log10(v);
            if (lv >= lo - 1e-9 && lv <= hi + 1e-9) {
              ticks.add(v);
            }
          }
        }
        return ticks;
      }
      double step = niceStep((hi - lo) / 4);
      for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
        ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
      }
      return ticks;
    }

    private static double niceStep(double raw) {
      double mag = Math.pow(10, Math.floor(Math.log10(raw)));
      double f = raw / mag;
      double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
      return nice * mag;
    }
  }
}
