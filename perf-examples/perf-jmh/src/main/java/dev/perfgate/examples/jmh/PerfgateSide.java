package dev.perfgate.examples.jmh;

import dev.perfgate.api.Result;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.RunOptions;
import dev.perfgate.generator.Suite;
import dev.perfgate.generator.report.Reports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Perfgate side, run by {@link SideBySide} in a JVM of its own with the same flags as JMH's forks:
 * runs the operations named in the arguments (all if none) as one suite at the default run options,
 * and prints one {@link PerfgateLine} per operation to standard output; warnings go to standard error.
 * With {@code report=<dir>} it also writes the suite's reports there (the first-trial gap command of
 * perf-examples reads each trial from the JSON report).
 */
public final class PerfgateSide {
  private PerfgateSide() {}

  /**
   * Runs the suite.
   *
   * @param args operation ids, optionally preceded by {@code quick} for {@link RunOptions#quick()} and
   *     {@code report=<dir>} for the reports
   */
  public static void main(String[] args) {
    List<String> ids = new ArrayList<>(List.of(args));
    boolean quick = ids.remove("quick");
    Path reportDir = ids.stream().filter(a -> a.startsWith("report=")).findFirst()
        .map(a -> Path.of(a.substring("report=".length()))).orElse(null);
    ids.removeIf(a -> a.startsWith("report="));
    Suite.Builder suite = Suite.newBuilder().quiet();
    if (quick) {
      suite.options(RunOptions.quick());
    }
    for (Op op : Op.select(ids)) {
      suite.benchmark(op.perfgate());
    }
    Report report = suite.build().run();
    if (reportDir != null) {
      Reports.writeAll(report, reportDir);
    }
    report.warnings().forEach(w -> System.err.println("perfgate warning: " + w));
    for (Result result : report.results()) {
      result.warnings().forEach(w -> System.err.println("perfgate warning (" + result.key() + "): " + w));
      System.out.println(PerfgateLine.of(result).format());
    }
  }
}
