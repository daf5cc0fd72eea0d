package dev.perfgate.generator.report.internal;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import dev.perfgate.generator.BenchmarkReport;
import dev.perfgate.generator.internal.VerdictText;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Escaping and the ordering of statuses shared by the HTML and Markdown reports. */
final class Text {

  private Text() {}

  /**
   * Escapes text for XHTML content and attribute values. Characters XML 1.0 forbids (most
   * control characters) are dropped, so a name holding them cannot break the document.
   */
  static String html(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * Escapes text for one Markdown table cell: a pipe would end the cell, a line break the row, and
   * the other characters would turn a benchmark's name into formatting or raw HTML.
   */
  static String markdown(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '|', '\\', '`', '*', '_', '[', ']', '#' -> sb.append('\\').append(c);
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '\n', '\r', '\t' -> sb.append(' ');
        default -> {
          if (c >= 0x20) {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * A result's metrics in the order every report shows them ({@link Metric#reportOrder()}). The
   * result's own order follows its samples' unordered maps and may differ between runs, which
   * would reorder the reports and their diffs.
   */
  static List<Metric> metrics(Result r) {
    return r.metrics().stream().sorted(Metric.reportOrder()).toList();
  }

  /** Worst first: errors and failures lead every list a person reads. */
  static int severity(Status s) {
    return switch (s) {
      case ERROR -> 0;
      case FAIL -> 1;
      case WARN -> 2;
      case INCONCLUSIVE -> 3;
      case NOT_MEASURED -> 4;
      case PASS -> 5;
    };
  }

  static final Comparator<Verdict> WORST_FIRST = Comparator.comparingInt(v -> severity(v.status()));

  /** The status word as shown, such as {@code NOT MEASURED}. */
  static String word(Status s) {
    return s.name().replace('_', ' ');
  }

  static String cssClass(Status s) {
    return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The worst status among a variant's own verdicts and the suite verdicts about it; ERROR when
   * the benchmark itself failed; empty when nothing judged it.
   */
  static Optional<Status> status(BenchmarkReport b, List<Verdict> suiteVerdicts) {
    if (b.result().error().isPresent()) {
      return Optional.of(Status.ERROR);
    }
    return java.util.stream.Stream.concat(b.verdicts().stream(),
            suiteVerdicts.stream().filter(v -> concerns(v, b.result().key())))
        .map(Verdict::status).min(Comparator.comparingInt(Text::severity));
  }

  /**
   * Whether a suite verdict is about a variant: its subject is the variant, another variant of its
   * benchmark, or the benchmark as a whole, as scaling checks judge it.
   */
  static boolean concerns(Verdict v, BenchmarkKey key) {
    return v.subject().concerns(key);
  }

  /** Whether a verdict is about a benchmark: its subject is the benchmark or one of its variants. */
  static boolean aboutBenchmark(Verdict v, String name) {
    return v.subject().benchmark().filter(name::equals).isPresent();
  }

  /** The verdict's line without its subject, for a table with a subject column. */
  static String result(Verdict v) {
    return VerdictText.result(v);
  }

  /** The verdict's subject as a subject column names it. */
  static String subject(Verdict v) {
    return VerdictText.subject(v);
  }

  /** The whole stack trace of an exception, causes included, as the JVM prints it. */
  static String stackTrace(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }
}
