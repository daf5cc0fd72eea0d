package dev.perfgate.generator.report.internal;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Status;
import dev.perfgate.api.Unit;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.format.ResultFormat;
import dev.perfgate.generator.BenchmarkReport;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.internal.VerdictText;
import dev.perfgate.generator.report.ReportExtras;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One self-contained XHTML page: a summary a person reads at a glance, then each benchmark's
 * distribution, scaling curve and trend as inline SVG. No script, no external style or font, so it
 * opens offline, from a CI artifact, or in a mail client. Markup is XML-clean so that tests can
 * parse it with the JDK's XML parser.
 */
public final class HtmlReport {

  private static final String CSS = String.join("",
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;margin:0 auto;",
      "max-width:1100px;padding:16px;color:#1f2328;background:#fff;line-height:1.45}",
      "h1{font-size:1.45em;margin:.2em 0}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #d0d7de}",
      "h3{font-size:1.05em;margin:1.2em 0 .4em}h4{font-size:.95em;margin:.8em 0 .3em}p{margin:.4em 0}",
      // Stack traces and class names are long unbroken words; let them wrap rather than widen the page.
      "p,li,h2,h3{overflow-wrap:anywhere}",
      ".meta{color:#57606a;font-size:.9em}",
      ".badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.78em;font-weight:600;",
      "color:#fff;white-space:nowrap;vertical-align:middle}",
      ".pass{background:#1a7f37}.fail{background:#cf222e}.error{background:#82071e}.warn{background:#9a6700}",
      ".inconclusive{background:#0969da}.not-measured{background:#6e7781}.none{background:#d0d7de;color:#1f2328}",
      ".scroll{overflow-x:auto}",
      "table{border-collapse:collapse;width:100%;font-size:.9em;margin:.4em 0}",
      "th,td{border-bottom:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}",
      "th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
      "tr.bad td{background:#fff5f5}",
      ".msg{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;word-break:break-word}",
      "ul.notes{margin:.3em 0;padding-left:1.3em}ul.notes li{margin:.15em 0}",
      ".warning{color:#9a6700}.missing{color:#57606a}.err{color:#82071e;font-weight:600}",
      ".charts{display:flex;flex-wrap:wrap;gap:12px}",
      ".charts figure{margin:0;flex:1 1 360px;min-width:0;max-width:660px}figcaption{font-size:.85em;color:#57606a}",
      "svg.chart{width:100%;height:auto;display:block}",
      ".grid{stroke:#eaeef2}.axis{stroke:#8c959f}.tick{font-size:11px;fill:#57606a}.label{font-size:12px;fill:#57606a}",
      ".dot{fill:#0969da;fill-opacity:.55}.box{fill:#ddf4ff;stroke:#54aeff}.median{stroke:#0550ae;stroke-width:2}",
      ".point{fill:#0969da}.whisker{stroke:#0969da;stroke-width:1.5}",
      ".fit{fill:none;stroke:#cf222e;stroke-width:1.5;stroke-dasharray:6 4}.model{fill:none;stroke:#8250df;stroke-width:1.5}",
      "text.legend{font-size:12px;stroke:none}text.fit{fill:#cf222e}text.model{fill:#8250df}",
      ".trend{fill:none;stroke:#57606a;stroke-width:1.5}.current{fill:#bf3989}",
      ".slot{border:1px dashed #d0d7de;padding:6px 10px;color:#57606a;font-size:.85em}",
      "footer{margin-top:2em;color:#57606a;font-size:.8em}",
      "@media (max-width:640px){body{padding:8px}th,td{padding:3px 4px}.hide-narrow{display:none}.charts figure{flex-basis:100%}",
      // Charts shrink with the screen; their labels must not shrink with them.
      ".tick,.label,text.legend{font-size:17px}}");

  private HtmlReport() {}

  /**
   * Writes a report as one XHTML page.
   *
   * @param report the report
   * @param history for each variant, the medians of {@code time.wall} of its stored runs, oldest
   *     first; variants missing from the map get no trend chart
   * @param tables tables shown under their variant's figures (top allocation sites, ...)
   * @return the page
   */
  public static String write(Report report, Map<BenchmarkKey, double[]> history, List<ReportExtras.Table> tables) {
    StringBuilder h = new StringBuilder(64 * 1024);
    List<Verdict> verdicts = report.verdicts();
    String overall = report.passed() ? "PASSED" : "FAILED";
    h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>Perfgate report: ").append(overall).append("</title>\n")
        .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");

    h.append("<header><h1>Perfgate report ").append(badge(report.passed() ? "pass" : "fail", overall)).append("</h1>\n");
    h.append("<p class=\"meta\">").append(report.benchmarks().size()).append(" benchmark variants, ")
        .append(verdicts.size()).append(" checks");
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    verdicts.forEach(v -> counts.merge(v.status(), 1, Integer::sum));
    counts.forEach((s, n) -> h.append(", ").append(n).append(' ').append(Text.html(Text.word(s).toLowerCase(Locale.ROOT))));
    h.append(String.format(Locale.ROOT, "; run took %.1f s", report.elapsed().toMillis() / 1000.0)).append("</p>\n");
    h.append("<p class=\"meta\">").append(Text.html(environmentLine(report.environment()))).append("</p>\n</header>\n");

    List<String> runWarnings = new ArrayList<>(report.environment().warnings());
    runWarnings.addAll(report.warnings());
    if (!runWarnings.isEmpty()) {
      h.append("<h2>Warnings</h2>\n<ul class=\"notes\">");
      runWarnings.forEach(w -> h.append("<li class=\"warning\">").append(Text.html(w)).append("</li>"));
      h.append("</ul>\n");
    }

    checks(h, verdicts);
    Map<String, List<BenchmarkReport>> byName = new LinkedHashMap<>();
    report.benchmarks().forEach(b -> byName.computeIfAbsent(b.result().key().name(), k -> new ArrayList<>()).add(b));
    Map<String, String> anchors = new LinkedHashMap<>();
    byName.keySet().forEach(n -> anchors.put(n, "b" + (anchors.size() + 1)));
    summary(h, report, anchors);

    for (Map.Entry<String, List<BenchmarkReport>> e : byName.entrySet()) {
      benchmark(h, e.getKey(), anchors.get(e.getKey()), e.getValue(), report.suiteVerdicts(), history, tables);
    }
    Set<BenchmarkKey> keys = new java.util.HashSet<>();
    report.results().forEach(r -> keys.add(r.key()));
    List<ReportExtras.Table> orphans = tables.stream().filter(t -> !keys.contains(t.key())).toList();
    if (!orphans.isEmpty()) {
      // Never drop what a caller handed over: tables about variants this run does not have go last.
      h.append("<h2>Other tables</h2>\n");
      orphans.forEach(t -> table(h, t, true));
    }
    environment(h, report);
    h.append("<footer>Perfgate JSON report format ").append(ResultFormat.VERSION)
        .append(". Every figure on this page was measured in the run it describes; raw values are in the JSON report.")
        .append("</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void checks(StringBuilder h, List<Verdict> verdicts) {
    h.append("<h2>Checks</h2>\n");
    if (verdicts.isEmpty()) {
      h.append("<p class=\"meta\">No checks: the suite declares no target and no suite check.</p>\n");
      return;
    }
    List<Verdict> sorted = new ArrayList<>(verdicts);
    sorted.sort(Text.WORST_FIRST);
    h.append("<div class=\"scroll\"><table><thead><tr><th>Status</th><th>Subject</th><th>Check</th>")
        .append("<th class=\"hide-narrow\">Details</th></tr></thead><tbody>\n");
    for (Verdict v : sorted) {
      h.append(v.failed() ? "<tr class=\"bad\">" : "<tr>")
          .append("<td>").append(badge(v.status())).append("</td>")
          .append("<td>").append(Text.html(Text.subject(v))).append("</td>")
          .append("<td>").append(Text.html(v.check())).append("</td>")
          .append("<td class=\"msg hide-narrow\">").append(Text.html(Text.result(v))).append("</td></tr>\n");
    }
    h.append("</tbody></table></div>\n");
  }

  private static void summary(StringBuilder h, Report report, Map<String, String> anchors) {
    h.append("<h2>Benchmarks</h2>\n<div class=\"scroll\"><table><thead><tr><th>Variant</th><th>Status</th>")
        .append("<th>time/op median</th><th class=\"hide-narrow\">p95</th><th>alloc/op</th><th class=\"hide-narrow\">trials x samples</th>")
        .append("</tr></thead><tbody>\n");
    for (BenchmarkReport b : report.benchmarks()) {
      Result r = b.result();
      Optional<Status> status = Text.status(b, report.suiteVerdicts());
      h.append(status.filter(Status::isFailure).isPresent() ? "<tr class=\"bad\">" : "<tr>")
          .append("<td><a href=\"#").append(anchors.get(r.key().name())).append("\">").append(Text.html(r.key().toString()))
          .append("</a></td><td>").append(status.map(HtmlReport::badge).orElse(badge("none", "NO CHECKS"))).append("</td>");
      if (r.error().isPresent()) {
        h.append("<td colspan=\"4\" class=\"err msg\">").append(Text.html(r.error().get())).append("</td></tr>\n");
        continue;
      }
      h.append(cell(r, Metric.primary(), Statistic.MEDIAN, "num"))
          .append(cell(r, Metric.primary(), Statistic.P95, "num hide-narrow"))
          .append(cell(r, Metric.ALLOCATED_BYTES, Statistic.MEDIAN, "num"))
          .append("<td class=\"num hide-narrow\">").append(r.trials().size()).append(" x ")
          .append(r.trials().isEmpty() ? 0 : r.trials().get(0).samples().size()).append("</td></tr>\n");
    }
    h.append("</tbody></table></div>\n");
  }

  private static String cell(Result r, Metric m, Statistic s, String cls) {
    Optional<Metric> found = r.metric(m.name());
    if (found.isPresent() && r.values(found.get()).length > 0) {
      return "<td class=\"" + cls + "\">" + Text.html(found.get().format(r.statistic(found.get(), s))) + "</td>";
    }
    String why = found.map(f -> r.notMeasured().get(f)).orElse("not recorded in this run");
    return "<td class=\"" + cls + " missing\" title=\"" + Text.html(why == null ? "not recorded" : why) + "\">n/a</td>";
  }

  private static void benchmark(StringBuilder h, String name, String anchor, List<BenchmarkReport> variants,
      List<Verdict> suiteVerdicts, Map<BenchmarkKey, double[]> history, List<ReportExtras.Table> tables) {
    h.append("<section id=\"").append(anchor).append("\">\n<h2>").append(Text.html(name)).append("</h2>\n");
    List<Verdict> about = suiteVerdicts.stream().filter(v -> Text.aboutBenchmark(v, name)).toList();
    // One curve over sizes at one thread count (the lowest), so no size shows twice.
    int threads = variants.stream().mapToInt(b -> b.result().key().threads()).min().orElse(1);
    List<Result> sized = variants.stream().map(BenchmarkReport::result)
        .filter(r -> r.key().size().isPresent() && r.succeeded() && r.key().threads() == threads).toList();
    if (sized.size() >= 2) {
      scaling(h, name, sized, about);
    }
    if (!about.isEmpty()) {
      verdictList(h, about);
    }
    for (BenchmarkReport b : variants) {
      variant(h, b, suiteVerdicts, history);
      tables.stream().filter(t -> t.key().equals(b.result().key())).forEach(t -> table(h, t, false));
    }
    h.append("</section>\n");
  }

  private static void scaling(StringBuilder h, String name, List<Result> sized, List<Verdict> about) {
    // Chart each metric that a verdict about the benchmark judges, and the primary metric always,
    // each with the verdicts that carry its fit.
    Map<String, List<Verdict>> byMetric = new LinkedHashMap<>();
    byMetric.put(Metric.primary().name(), new ArrayList<>());
    for (Verdict v : about) {
      String metric = v.metric().map(Metric::name).filter(n -> sized.get(0).metric(n).isPresent())
          .orElse(Metric.primary().name());
      byMetric.computeIfAbsent(metric, k -> new ArrayList<>()).add(v);
    }
    h.append("<div class=\"charts\">");
    for (Map.Entry<String, List<Verdict>> e : byMetric.entrySet()) {
      Optional<Metric> m = sized.get(0).metric(e.getKey());
      if (m.isEmpty()) {
        continue;
      }
      Optional<String> svg = Charts.scaling(sized, m.get(), e.getValue());
      if (svg.isPresent()) {
        h.append("<figure>").append(svg.get()).append("<figcaption>Scaling: median ")
            .append(Text.html(m.get().name())).append(" against size (log-log); whiskers span the trials")
            .append(e.getValue().isEmpty() ? "" : "; lines are the fits the checks report")
            .append(".</figcaption></figure>");
      }
    }
    h.append("</div>\n");
  }

  private static void variant(StringBuilder h, BenchmarkReport b, List<Verdict> suiteVerdicts,
      Map<BenchmarkKey, double[]> history) {
    Result r = b.result();
    Optional<Status> status = Text.status(b, suiteVerdicts);
    h.append("<h3>").append(Text.html(r.key().toString())).append(' ')
        .append(status.map(HtmlReport::badge).orElse(badge("none", "NO CHECKS"))).append("</h3>\n");
    h.append("<p class=\"meta\">").append(r.trials().size()).append(" trials, started ")
        .append(Text.html(r.startedAt().toString()))
        .append(String.format(Locale.ROOT, ", took %.2f s", r.elapsed().toMillis() / 1000.0)).append("</p>\n");
    r.error().ifPresent(e -> h.append("<p class=\"err\">Error: ").append(Text.html(e)).append("</p>\n"));
    r.cause().ifPresent(c -> h.append("<details><summary>stack trace</summary><pre>").append(Text.html(Text.stackTrace(c)))
        .append("</pre></details>\n"));

    Metric primary = Metric.primary();
    Optional<Metric> shown = r.metrics().contains(primary) && r.sampleValues(primary).length > 0
        ? Optional.of(primary)
        : Text.metrics(r).stream().filter(m -> r.sampleValues(m).length > 0).findFirst();
    double[] past = history.get(r.key());
    Optional<String> trend = past == null ? Optional.empty()
        : Charts.trend(past, r.statistic(primary, Statistic.MEDIAN), primary);
    Optional<String> strip = shown.flatMap(m -> Charts.strip(r, m));
    if (strip.isPresent() || trend.isPresent()) {
      h.append("<div class=\"charts\">");
      strip.ifPresent(svg -> h.append("<figure>").append(svg).append("<figcaption>Distribution of ")
          .append(Text.html(shown.get().name())).append(": one dot per sample, box from first to third quartile, ")
          .append("bar at the median of each trial.</figcaption></figure>"));
      trend.ifPresent(svg -> h.append("<figure>").append(svg).append("<figcaption>Trend: median ")
          .append(Text.html(primary.name())).append(" of ").append(past.length).append(" stored runs, then this run.</figcaption></figure>"));
      h.append("</div>\n");
    }
    if (trend.isEmpty() && r.succeeded()) {
      // The place where history shows once a baseline store feeds it (Reports.html(report, history)).
      h.append("<p class=\"slot\" data-slot=\"trend\">Trend: no stored history for this variant.</p>\n");
    }

    List<Metric> metrics = Text.metrics(r);
    if (!metrics.isEmpty()) {
      h.append("<div class=\"scroll\"><table><thead><tr><th>Metric</th><th>median</th><th>mean</th><th>p95</th>")
          .append("<th class=\"hide-narrow\">min</th><th class=\"hide-narrow\">max</th><th class=\"hide-narrow\">n</th>")
          .append("<th class=\"hide-narrow\">better</th></tr></thead><tbody>\n");
      for (Metric m : metrics) {
        h.append("<tr><td>").append(Text.html(m.name())).append("</td>");
        for (Statistic s : List.of(Statistic.MEDIAN, Statistic.MEAN, Statistic.P95)) {
          h.append("<td class=\"num\">").append(Text.html(m.format(r.statistic(m, s)))).append("</td>");
        }
        for (Statistic s : List.of(Statistic.MIN, Statistic.MAX)) {
          h.append("<td class=\"num hide-narrow\">").append(Text.html(m.format(r.statistic(m, s)))).append("</td>");
        }
        h.append("<td class=\"num hide-narrow\">").append(r.values(m).length).append("</td><td class=\"hide-narrow\">")
            .append(Text.html(m.direction().name().toLowerCase(Locale.ROOT).replace('_', ' '))).append("</td></tr>\n");
      }
      h.append("</tbody></table></div>\n");
    }
    if (!r.notMeasured().isEmpty() || !r.warnings().isEmpty()) {
      h.append("<ul class=\"notes\">");
      byName(r.notMeasured()).forEach((m, why) -> h.append("<li class=\"missing\">not measured: ")
          .append(Text.html(m)).append(": ").append(Text.html(why)).append("</li>"));
      r.warnings().forEach(w -> h.append("<li class=\"warning\">warning: ").append(Text.html(w)).append("</li>"));
      h.append("</ul>\n");
    }
    if (!b.verdicts().isEmpty()) {
      verdictList(h, b.verdicts());
    }
  }

  private static void table(StringBuilder h, ReportExtras.Table t, boolean withKey) {
    h.append("<h4>").append(Text.html((withKey ? t.key() + ": " : "") + t.title())).append("</h4>\n")
        .append("<div class=\"scroll\"><table class=\"extra\"><thead><tr>");
    t.columns().forEach(c -> h.append("<th>").append(Text.html(c)).append("</th>"));
    h.append("</tr></thead><tbody>\n");
    for (List<String> row : t.rows()) {
      h.append("<tr>");
      row.forEach(c -> h.append("<td class=\"msg\">").append(Text.html(c)).append("</td>"));
      h.append("</tr>\n");
    }
    if (t.rows().isEmpty()) {
      h.append("<tr><td colspan=\"").append(t.columns().size()).append("\" class=\"missing\">no rows</td></tr>\n");
    }
    h.append("</tbody></table></div>\n");
  }

  private static Map<String, String> byName(Map<Metric, String> notMeasured) {
    Map<String, String> out = new TreeMap<>();
    notMeasured.forEach((m, why) -> out.put(m.name(), why));
    return out;
  }

  private static void verdictList(StringBuilder h, List<Verdict> verdicts) {
    List<Verdict> sorted = new ArrayList<>(verdicts);
    sorted.sort(Text.WORST_FIRST);
    h.append("<ul class=\"notes\">");
    for (Verdict v : sorted) {
      h.append("<li>").append(badge(v.status())).append(" <span class=\"msg\">").append(Text.html(VerdictText.line(v)))
          .append("</span>");
      Map<String, Double> figures = VerdictText.figures(v);
      if (!figures.isEmpty()) {
        h.append(" <span class=\"meta\">(");
        StringBuilder f = new StringBuilder();
        new TreeMap<>(figures).forEach((k, x) -> f.append(f.length() == 0 ? "" : ", ").append(k).append(' ')
            .append(Unit.COUNT.format(x)));
        h.append(Text.html(f.toString())).append(")</span>");
      }
      h.append("</li>");
    }
    h.append("</ul>\n");
  }

  private static void environment(StringBuilder h, Report report) {
    Environment e = report.environment();
    h.append("<h2>Environment</h2>\n<div class=\"scroll\"><table><tbody>\n");
    row(h, "fingerprint", e.fingerprint());
    row(h, "JVM", e.jvmName() + " " + e.jvmVersion() + " (" + e.jvmVendor() + ")");
    row(h, "garbage collectors", String.join(", ", e.garbageCollectors()));
    row(h, "max heap", e.maxHeapBytes() < 0 ? "undefined" : Unit.BYTES.format(e.maxHeapBytes()));
    row(h, "CPU", e.cpus() + " x " + e.cpuModel());
    row(h, "OS", e.os() + " " + e.arch());
    row(h, "JVM arguments", String.join(" ", e.jvmArguments()));
    new TreeMap<>(e.properties()).forEach((k, v) -> row(h, k, v));
    e.ruler().ifPresent(r -> row(h, "ruler", r.toString().substring("ruler ".length())));
    row(h, "probes", String.join("; ", report.probes()));
    h.append("</tbody></table></div>\n");
  }

  private static void row(StringBuilder h, String key, String value) {
    h.append("<tr><th>").append(Text.html(key)).append("</th><td class=\"msg\">").append(Text.html(value))
        .append("</td></tr>\n");
  }

  private static String environmentLine(Environment e) {
    return e.jvmName() + " " + e.jvmVersion() + ", " + String.join(" + ", e.garbageCollectors()) + ", " + e.cpus()
        + " x " + e.cpuModel() + ", " + e.os() + " [" + e.fingerprint() + "]";
  }

  private static String badge(Status s) {
    return badge(Text.cssClass(s), Text.word(s));
  }

  private static String badge(String cls, String word) {
    return "<span class=\"badge " + cls + "\">" + Text.html(word) + "</span>";
  }
}
