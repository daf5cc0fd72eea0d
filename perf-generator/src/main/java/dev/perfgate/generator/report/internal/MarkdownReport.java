package dev.perfgate.generator.report.internal;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import dev.perfgate.generator.BenchmarkReport;
import dev.perfgate.generator.Report;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A short GitHub-flavoured Markdown summary for a CI job page ({@code $GITHUB_STEP_SUMMARY}) or a
 * pull request comment: the outcome, the checks with failures first, one row per benchmark variant.
 */
public final class MarkdownReport {

  private MarkdownReport() {}

  /**
   * Writes the summary.
   *
   * @param report the report
   * @return the Markdown text
   */
  public static String write(Report report) {
    StringBuilder md = new StringBuilder(4096);
    List<Verdict> verdicts = report.verdicts();
    List<Verdict> failures = report.failures();
    md.append("### Perfgate: ").append(report.passed() ? "PASSED" : "FAILED");
    if (!verdicts.isEmpty()) {
      md.append(" (").append(failures.isEmpty() ? "all " + verdicts.size() + " checks passed"
          : failures.size() + " of " + verdicts.size() + " checks failed").append(')');
    }
    md.append("\n\n");
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    verdicts.forEach(v -> counts.merge(v.status(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((s, n) -> parts.add(n + " " + Text.word(s).toLowerCase(Locale.ROOT)));
    md.append(String.format(Locale.ROOT, "%d benchmark variants in %.1f s", report.benchmarks().size(),
        report.elapsed().toMillis() / 1000.0));
    if (!parts.isEmpty()) {
      md.append("; ").append(String.join(", ", parts));
    }
    md.append(". Environment `").append(report.environment().fingerprint()).append("`: ")
        .append(Text.markdown(report.environment().jvmName() + " " + report.environment().jvmVersion() + ", "
            + report.environment().cpus() + " CPUs")).append('.');
    report.environment().ruler().ifPresent(r -> md.append(' ').append(Text.markdown(capitalized(r.toString())))
        .append('.'));
    md.append("\n\n");

    if (!verdicts.isEmpty()) {
      List<Verdict> sorted = new ArrayList<>(verdicts);
      sorted.sort(Text.WORST_FIRST);
      md.append("| Status | Subject | Result |\n|---|---|---|\n");
      for (Verdict v : sorted) {
        md.append("| ").append(icon(v.status())).append(Text.word(v.status())).append(" | ")
            .append(Text.markdown(Text.subject(v))).append(" | ").append(Text.markdown(Text.result(v))).append(" |\n");
      }
      md.append('\n');
    }

    md.append("| Benchmark | Status | time/op | p95 | alloc/op | Other metrics |\n|---|---|--:|--:|--:|---|\n");
    for (BenchmarkReport b : report.benchmarks()) {
      Result r = b.result();
      Optional<Status> status = Text.status(b, report.suiteVerdicts());
      md.append("| ").append(Text.markdown(r.key().toString())).append(" | ")
          .append(status.map(s -> icon(s) + Text.word(s)).orElse("no checks")).append(" | ");
      if (r.error().isPresent()) {
        md.append("error | | | ").append(Text.markdown(r.error().get())).append(" |\n");
        continue;
      }
      md.append(figure(r, Metric.primary(), Statistic.MEDIAN)).append(" | ")
          .append(figure(r, Metric.primary(), Statistic.P95)).append(" | ")
          .append(figure(r, Metric.ALLOCATED_BYTES, Statistic.MEDIAN)).append(" | ");
      List<String> others = new ArrayList<>();
      for (Metric m : Text.metrics(r)) {
        if (m.role() != Metric.Role.PRIMARY && !m.equals(Metric.ALLOCATED_BYTES)) {
          others.add(m.name() + " " + m.format(r.statistic(m, Statistic.MEDIAN)));
        }
      }
      md.append(Text.markdown(String.join(", ", others))).append(" |\n");
    }

    List<String> notes = new ArrayList<>();
    report.environment().warnings().forEach(w -> notes.add("warning: " + w));
    report.warnings().forEach(w -> notes.add("warning: " + w));
    for (BenchmarkReport b : report.benchmarks()) {
      String key = b.result().key().toString();
      b.result().warnings().forEach(w -> notes.add(key + ": warning: " + w));
      new java.util.TreeMap<String, String>(names(b.result().notMeasured())).forEach((m, why) ->
          notes.add(key + ": " + m + " not measured: " + why));
    }
    if (!notes.isEmpty()) {
      md.append('\n');
      notes.forEach(n -> md.append("- ").append(Text.markdown(n)).append('\n'));
    }
    return md.toString();
  }

  private static Map<String, String> names(Map<Metric, String> notMeasured) {
    Map<String, String> out = new java.util.TreeMap<>();
    notMeasured.forEach((m, why) -> out.put(m.name(), why));
    return out;
  }

  private static String figure(Result r, Metric m, Statistic s) {
    Optional<Metric> found = r.metric(m.name());
    return found.isPresent() && r.values(found.get()).length > 0 ? found.get().format(r.statistic(found.get(), s)) : "n/a";
  }

  /** A sign beside the word so that a failure stands out in a long table; the word stays for screen readers and grep. */
  private static String icon(Status s) {
    return switch (s) {
      case PASS -> "\u2705 ";
      case FAIL, ERROR -> "\u274C ";
      case WARN -> "\u26A0\uFE0F ";
      case INCONCLUSIVE -> "\u2754 ";
      case NOT_MEASURED -> "\u2796 ";
    };
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
