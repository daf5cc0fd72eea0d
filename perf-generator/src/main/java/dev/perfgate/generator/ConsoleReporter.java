package dev.perfgate.generator;

import dev.perfgate.api.internal.Checks;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import dev.perfgate.generator.internal.VerdictText;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints progress while a suite runs and a summary a person reads at a glance when it ends: one
 * line per benchmark variant with its main figures, then every verdict, then the totals.
 */
public final class ConsoleReporter {
  /** In a CI log, a plain progress line at most this often within one variant. */
  static final long PLAIN_PROGRESS_EVERY_SECONDS = 10;

  private final PrintStream out;
  private final Map<BenchmarkKey, Long> plainProgress = new java.util.concurrent.ConcurrentHashMap<>();
  /** On a terminal one line per benchmark is rewritten as trials end; in a CI log lines are plain. */
  private final boolean terminal;

  private ConsoleReporter(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /**
   * A reporter that prints to standard output.
   *
   * @return the reporter
   */
  public static ConsoleReporter toStandardOutput() {
    return new ConsoleReporter(System.out, System.console() != null && System.getenv("CI") == null);
  }

  /**
   * A reporter that prints to a stream.
   *
   * @param out the stream
   * @return the reporter
   */
  public static ConsoleReporter to(PrintStream out) {
    return new ConsoleReporter(Checks.notNull(out, "out"), false);
  }

  /** A reporter as on a terminal or as in a CI log, for tests of both. */
  static ConsoleReporter to(PrintStream out, boolean terminal) {
    return new ConsoleReporter(Checks.notNull(out, "out"), terminal);
  }

  void started(BenchmarkKey key, int index, int count) {
    started(key.toString(), index, count);
  }

  void started(String what, int index, int count) {
    if (count == 0) {
      // count 0: not one of the plan's variants but more of one, while its comparison is undecided
      out.printf(Locale.ROOT, "perfgate %s ...%n", what);
    } else if (terminal) {
      out.printf(Locale.ROOT, "\rperfgate [%d/%d] %s ...", index, count, what);
    } else {
      out.printf(Locale.ROOT, "perfgate [%d/%d] %s ...%n", index, count, what);
    }
    out.flush();
  }

  /**
   * Prints a warning on a line of its own.
   *
   * @param message the warning
   */
  public void warn(String message) {
    out.println("perfgate WARNING: " + message);
    out.flush();
  }

  /** On a terminal, the variant's line shows the trial and phase under way; a CI log gets nothing. */
  void phase(BenchmarkKey key, int trial, int trials, String phase) {
    if (terminal) {
      out.printf(Locale.ROOT, "\r\033[Kperfgate   %s: trial %d of %d, %s ...", key, trial + 1, trials, phase);
      out.flush();
    }
  }

  /**
   * On a terminal the variant's line is rewritten; in a CI log a plain line is printed at most every
   * {@link #PLAIN_PROGRESS_EVERY_SECONDS} seconds of a variant's run, so that a long benchmark shows
   * it is alive without flooding the log.
   */
  void trialDone(BenchmarkKey key, int trial, int trials, Duration elapsed) {
    if (terminal) {
      out.printf(Locale.ROOT, "\r\033[Kperfgate   %s: trial %d of %d done", key, trial + 1, trials);
      out.flush();
    } else if (trial + 1 < trials) {
      long step = elapsed.toSeconds() / PLAIN_PROGRESS_EVERY_SECONDS;
      Long last = plainProgress.put(key, step);
      if (step > (last == null ? 0 : last)) {
        out.printf(Locale.ROOT, "perfgate   %s: trial %d of %d done after %d s%n", key, trial + 1, trials,
            elapsed.toSeconds());
        out.flush();
      }
    }
  }

  /** One short line per variant as it ends; its figures are printed once, in the summary. */
  void finished(Result result, int index, int count) {
    String done = result.error().isPresent()
        ? String.format(Locale.ROOT, "failed after %d trial(s) (the summary says why)", result.trials().size())
        : String.format(Locale.ROOT, "%d of %d trials done in %.1f s", result.trials().size(), result.trials().size(),
            result.elapsed().toMillis() / 1000.0);
    out.printf(Locale.ROOT, "%sperfgate [%d/%d] %s: %s%n", terminal ? "\r\033[K" : "", index, count, result.key(), done);
    out.flush();
  }

  /**
   * Prints where the reports of a run were written, so that a person finds them from the log.
   *
   * @param files the files written
   */
  public void reportsWritten(List<Path> files) {
    Checks.notNull(files, "files");
    if (!files.isEmpty()) {
      out.println("perfgate reports: " + files.stream().map(f -> f.toAbsolutePath().toString())
          .collect(java.util.stream.Collectors.joining(", ")));
      out.flush();
    }
  }

  /**
   * Prints the summary of a report.
   *
   * @param report the report
   */
  public void print(Report report) {
    out.print(format(report));
    out.flush();
  }

  /**
   * Formats the summary of a report.
   *
   * @param report the report
   * @return the summary, several lines
   */
  public static String format(Report report) {
    StringBuilder sb = new StringBuilder();
    int variants = report.benchmarks().size();
    sb.append(String.format(Locale.ROOT, "%nPerfgate: %d benchmark variant%s in %.1f s on %s%n",
        variants, variants == 1 ? "" : "s", report.elapsed().toMillis() / 1000.0, report.environment()));
    sb.append("probes: ").append(String.join("; ", report.probes())).append('\n');
    report.environment().ruler().ifPresent(r -> sb.append(r).append('\n'));
    for (String w : report.environment().warnings()) {
      sb.append("WARNING: ").append(w).append('\n');
    }
    for (String w : report.warnings()) {
      sb.append("WARNING: ").append(w).append('\n');
    }
    sb.append('\n');
    for (BenchmarkReport b : report.benchmarks()) {
      sb.append("  ").append(line(b.result())).append('\n');
      b.result().cause().ifPresent(c -> sb.append(trace(c)));
      for (String w : b.result().warnings()) {
        sb.append("      warning: ").append(w).append('\n');
      }
      b.result().notMeasured().forEach((m, why) ->
          sb.append("      not measured: ").append(m.name()).append(": ").append(why).append('\n'));
      b.baseline().ifPresent(d -> {
        sb.append("      baseline: ").append(d.action().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append('\n');
        // The trend of a metric that was judged is in that metric's verdict; shown here only otherwise.
        d.trends().entrySet().stream().filter(t -> t.getKey().role() == Metric.Role.PRIMARY).findFirst()
            .filter(t -> d.judgements().stream().noneMatch(m -> m.metric().equals(t.getKey())))
            .ifPresent(t -> sb.append("      trend of ").append(t.getKey().label()).append(" over ")
                .append(t.getValue().runs()).append(" runs: ").append(VerdictText.line(t.getValue())).append('\n'));
      });
    }
    List<Verdict> verdicts = report.verdicts();
    if (!verdicts.isEmpty()) {
      sb.append('\n');
      for (Verdict v : verdicts) {
        sb.append(String.format(Locale.ROOT, "  %-13s %s%n", "[" + v.status() + "]", VerdictText.line(v)));
      }
    }
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    verdicts.forEach(v -> counts.merge(v.status(), 1, Integer::sum));
    sb.append(String.format(Locale.ROOT, "%n%s: %d check(s)", report.passed() ? "PASSED" : "FAILED", verdicts.size()));
    counts.forEach((s, n) -> sb.append(", ").append(n).append(' ').append(s.name().toLowerCase(Locale.ROOT)));
    sb.append('\n');
    return sb.toString();
  }

  /** The user's part of a stack trace: the frames above Perfgate's runner, and each cause's first. */
  static String trace(Throwable t) {
    StringBuilder sb = new StringBuilder();
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    String prefix = "      ";
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      sb.append(prefix).append(c == t ? "" : "caused by: ").append(c).append('\n');
      int shown = 0;
      for (StackTraceElement e : c.getStackTrace()) {
        String cls = e.getClassName();
        if (cls.startsWith("dev.perfgate.generator.internal.") || cls.startsWith("dev.perfgate.api.Lambda")
            || shown == MAX_FRAMES) {
          break;
        }
        if (cls.contains("$$Lambda")) {
          continue;
        }
        sb.append(prefix).append("  at ").append(e).append('\n');
        shown++;
      }
    }
    return sb.toString();
  }

  /** Frames of a stack trace shown in the summary; the JSON report has them all. */
  private static final int MAX_FRAMES = 12;

  /**
   * The variant's main figures on one line (time per operation, median and p95, CPU and allocation
   * per operation), then every other metric's median on an indented line below.
   */
  static String line(Result r) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-28s", r.key()));
    if (r.error().isPresent()) {
      return sb.append(" ERROR ").append(r.error().get()).toString();
    }
    // The primary metric with its p95, then the other per-operation metrics, each under its label.
    for (Metric m : r.metrics().stream().filter(Metric::isPerOperation).sorted(Metric.reportOrder()).toList()) {
      if (m.role() == Metric.Role.PRIMARY) {
        sb.append(String.format(Locale.ROOT, " %s %9s (p95 %s)", m.label(),
            m.format(r.statistic(m, Statistic.MEDIAN)), m.format(r.statistic(m, Statistic.P95))));
      } else {
        sb.append("  ").append(m.label()).append(' ').append(m.format(r.statistic(m, Statistic.MEDIAN)));
      }
    }
    sb.append(String.format(Locale.ROOT, "  [%d trials, %.1f s]", r.trials().size(), r.elapsed().toMillis() / 1000.0));
    StringBuilder more = new StringBuilder();
    r.metrics().stream().filter(m -> !m.isPerOperation()).sorted(Metric.reportOrder()).forEach(m -> {
          String item = m.name() + " " + m.format(r.statistic(m, Statistic.MEDIAN));
          int lineStart = more.lastIndexOf("\n") + 1;
          if (more.length() > 0 && more.length() - lineStart + item.length() > 110) {
            more.append("\n        ");
          } else if (more.length() > 0) {
            more.append(", ");
          }
          more.append(item);
        });
    if (more.length() > 0) {
      sb.append("\n        ").append(more);
    }
    return sb.toString();
  }
}
