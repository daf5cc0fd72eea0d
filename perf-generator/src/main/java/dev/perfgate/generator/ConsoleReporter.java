package dev.perfgate.generator;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints progress while a suite runs and a summary a person reads at a glance when it ends: one
 * line per benchmark variant with its main figures, then every verdict, then the totals.
 */
public final class ConsoleReporter {
  private final PrintStream out;
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

  void started(BenchmarkKey key, int index, int count) {
    started(key.toString(), index, count);
  }

  void started(String what, int index, int count) {
    if (count == 0) {
      out.printf(Locale.ROOT, "perfgate %s regressed beyond the tolerance: measuring it again to confirm ...%n", what);
    } else if (terminal) {
      out.printf(Locale.ROOT, "\rperfgate [%d/%d] %s ...", index, count, what);
    } else {
      out.printf(Locale.ROOT, "perfgate [%d/%d] %s ...%n", index, count, what);
    }
    out.flush();
  }

  void warn(String message) {
    out.println("perfgate WARNING: " + message);
    out.flush();
  }

  void trialDone(BenchmarkKey key, int trial, int trials) {
    if (terminal) {
      out.printf(Locale.ROOT, "\rperfgate %s: trial %d of %d done   ", key, trial + 1, trials);
      out.flush();
    }
  }

  void finished(Result result) {
    out.println((terminal ? "\r\033[K" : "") + "perfgate       " + line(result));
    out.flush();
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
    sb.append(String.format(Locale.ROOT, "%nPerfgate: %d benchmark variants in %.1f s on %s%n",
        report.benchmarks().size(), report.elapsed().toMillis() / 1000.0, report.environment()));
    sb.append("probes: ").append(String.join("; ", report.probes())).append('\n');
    for (String w : report.environment().warnings()) {
      sb.append("WARNING: ").append(w).append('\n');
    }
    for (String w : report.warnings()) {
      sb.append("WARNING: ").append(w).append('\n');
    }
    sb.append('\n');
    for (BenchmarkReport b : report.benchmarks()) {
      sb.append("  ").append(line(b.result())).append('\n');
      for (String w : b.result().warnings()) {
        sb.append("      warning: ").append(w).append('\n');
      }
      b.result().notMeasured().forEach((m, why) ->
          sb.append("      not measured: ").append(m.name()).append(": ").append(why).append('\n'));
      b.baseline().ifPresent(d -> {
        sb.append("      baseline: ").append(d.action().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append('\n');
        var trend = d.trends().get(Metric.WALL_TIME);
        if (trend != null) {
          sb.append("      trend of time/op over ").append(trend.runs()).append(" runs: ").append(trend).append('\n');
        }
      });
    }
    List<Verdict> verdicts = report.verdicts();
    if (!verdicts.isEmpty()) {
      sb.append('\n');
      for (Verdict v : verdicts) {
        sb.append(String.format(Locale.ROOT, "  %-13s %s%n", "[" + v.status() + "]", v.message()));
      }
    }
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    verdicts.forEach(v -> counts.merge(v.status(), 1, Integer::sum));
    sb.append(String.format(Locale.ROOT, "%n%s: %d check(s)", report.passed() ? "PASSED" : "FAILED", verdicts.size()));
    counts.forEach((s, n) -> sb.append(", ").append(n).append(' ').append(s.name().toLowerCase(Locale.ROOT)));
    sb.append('\n');
    return sb.toString();
  }

  /**
   * The variant's main figures on one line (time per operation, median and p95, CPU and allocation
   * per operation), then every other metric's median on an indented line below.
   */
  static String line(Result r) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-28s", r.key()));
    if (r.error().isPresent()) {
      return sb.append(" ERROR ").append(r.error().get()).toString();
    }
    if (r.metrics().contains(Metric.WALL_TIME)) {
      sb.append(String.format(Locale.ROOT, " time/op %9s (p95 %s)",
          Metric.WALL_TIME.format(r.statistic(Metric.WALL_TIME, Statistic.MEDIAN)),
          Metric.WALL_TIME.format(r.statistic(Metric.WALL_TIME, Statistic.P95))));
    }
    for (Metric m : List.of(Metric.CPU_TIME, Metric.ALLOCATED_BYTES)) {
      if (r.metrics().contains(m)) {
        sb.append("  ").append(m.equals(Metric.CPU_TIME) ? "cpu/op " : "alloc/op ")
            .append(m.format(r.statistic(m, Statistic.MEDIAN)));
      }
    }
    sb.append(String.format(Locale.ROOT, "  [%d trials, %.1f s]", r.trials().size(), r.elapsed().toMillis() / 1000.0));
    StringBuilder more = new StringBuilder();
    r.metrics().stream().filter(m -> !m.equals(Metric.WALL_TIME) && !m.equals(Metric.CPU_TIME)
        && !m.equals(Metric.ALLOCATED_BYTES)).sorted(java.util.Comparator.comparing(Metric::name)).forEach(m -> {
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
