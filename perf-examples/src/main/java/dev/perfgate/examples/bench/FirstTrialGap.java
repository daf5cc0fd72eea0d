package dev.perfgate.examples.bench;

import dev.perfgate.api.internal.stats.Median;
import dev.perfgate.generator.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The first-trial gap: each operation measured at the defaults in fresh JVMs ({@code gap.runs} each,
 * default 3), and per run and fork the median of every trial and the ratio of the first trial's median
 * to the median of the others (1.00: the first trial is as warm as the rest). Operations: the
 * reference scenario's cold and warm generation ({@code regression.generation.cold/warm}), the
 * ~10 us CPU-bound fold, the ~20 us Jackson parse of the user's {@code @PerfTest}
 * ({@link UserParseProject}), and the JMH side-by-side operations when perf-jmh is compiled
 * ({@code ./mvnw -o -q -Pjmh -pl perf-examples/perf-jmh -am compile}; its classes are looked for at
 * {@code -Dgap.jmhClasses}, default {@code perf-examples/perf-jmh/target/classes}).
 *
 * <pre>
 * ./mvnw -q -o -pl perf-examples -am compile exec:java@first-trial -Dgap.runs=3 [-Dgap.ops=cold,warm,json,jmh:hash1k]
 * </pre>
 */
public final class FirstTrialGap {
  private static final List<String> JMH_OPS = List.of("empty", "mix", "alloc", "hash1k", "sort100", "sum2m");

  private FirstTrialGap() {}

  /**
   * Runs the operations and prints the table.
   *
   * @param args ignored; the options are system properties
   * @throws IOException if a temporary directory cannot be used
   */
  public static void main(String[] args) throws IOException {
    int runs = Integer.getInteger("gap.runs", 3);
    Path jmhClasses = jmhClasses();
    List<String> ops = new ArrayList<>(RegressionDetection.words(System.getProperty("gap.ops", "cold,warm,cpu,json")));
    if (System.getProperty("gap.ops") == null) {
      if (Files.isDirectory(jmhClasses)) {
        JMH_OPS.forEach(op -> ops.add("jmh:" + op));
      } else {
        RegressionDetection.log("no perf-jmh classes at " + jmhClasses + ": the JMH operations are left out (compile"
            + " them with ./mvnw -o -q -Pjmh -pl perf-examples/perf-jmh -am compile)");
      }
    }
    Path root = Files.createTempDirectory("perfgate-first-trial-");
    Path userClasses = ops.contains("json") ? UserParseProject.build(root.resolve("user-project")) : null;
    Map<String, List<Gap>> gaps = new LinkedHashMap<>();
    for (String op : ops) {
      for (int run = 0; run < runs; run++) {
        Path dir = root.resolve(op.replace(':', '-') + "-" + run);
        double load = RegressionDetection.load();
        ChildJvm child = child(op, dir, userClasses, jmhClasses);
        ChildJvm.Exit exit = child.run();
        List<RunLine> lines = op.startsWith("jmh:") ? readReports(dir.resolve("report")) : exit.runLines();
        if (exit.code() != 0 || lines.isEmpty()) {
          RegressionDetection.log(op + " run " + (run + 1) + ": exited with " + exit.code() + " and no trials;"
              + " its output ends with:\n" + exit.tail(15));
          continue;
        }
        for (double[] fork : lines.get(0).byFork()) {
          Gap g = Gap.of(fork, load, RegressionDetection.load());
          gaps.computeIfAbsent(op, k -> new ArrayList<>()).add(g);
          RegressionDetection.log(String.format(Locale.ROOT, "%s run %d: %s", op, run + 1, g));
        }
        RegressionDetection.deleteTree(dir);
      }
    }
    System.out.println();
    System.out.println("=== first-trial gap: first trial's median / median of the other trials, per fresh JVM ===");
    System.out.printf(Locale.ROOT, "%-12s %4s %8s %8s %8s  %-12s  %s%n", "operation", "jvms", "median", "min", "max",
        "load", "per-trial medians (us) of each JVM");
    gaps.forEach((op, list) -> {
      double[] ratios = list.stream().mapToDouble(Gap::ratio).sorted().toArray();
      System.out.printf(Locale.ROOT, "%-12s %4d %8.3f %8.3f %8.3f  %-12s  %s%n", op, list.size(), Median.of(ratios),
          ratios[0], ratios[ratios.length - 1],
          String.format(Locale.ROOT, "%.1f-%.1f", list.stream().mapToDouble(Gap::loadBefore).min().orElse(0),
              list.stream().mapToDouble(Gap::loadAfter).max().orElse(0)),
          list.stream().map(Gap::trialsInMicros).collect(Collectors.joining(" | ")));
    });
    RegressionDetection.deleteTree(root);
  }

  /** One fork's trials: their medians in order, and the first against the rest. */
  record Gap(double[] trials, double ratio, double loadBefore, double loadAfter) {
    static Gap of(double[] trials, double loadBefore, double loadAfter) {
      double[] rest = new double[trials.length - 1];
      System.arraycopy(trials, 1, rest, 0, rest.length);
      return new Gap(trials, rest.length == 0 ? Double.NaN : trials[0] / Median.of(rest), loadBefore, loadAfter);
    }

    String trialsInMicros() {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < trials.length; i++) {
        sb.append(i == 0 ? "" : " ").append(micros(trials[i]));
      }
      return sb.append(']').toString();
    }

    private static String micros(double nanos) {
      double us = nanos / 1e3;
      return us >= 100 ? String.format(Locale.ROOT, "%.0f", us)
          : us >= 1 ? String.format(Locale.ROOT, "%.2f", us) : String.format(Locale.ROOT, "%.4f", us);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "first/rest %.3f, trials %s us, load %.1f-%.1f", ratio, trialsInMicros(),
          loadBefore, loadAfter);
    }
  }

  private static ChildJvm child(String op, Path dir, Path userClasses, Path jmhClasses) {
    if (op.equals("json")) {
      return ChildJvm.of(PerfTestChild.class).classPath(userClasses).args(UserParseProject.TEST_CLASS)
          .property(Settings.REPORT_DIR, dir.resolve("report").toString()).in(dir);
    }
    if (op.startsWith("jmh:")) {
      // The side-by-side's own Perfgate driver, under the side-by-side's JVM flags (SideBySide.JVM_FLAGS).
      return ChildJvm.of("dev.perfgate.examples.jmh.PerfgateSide").classPath(jmhClasses)
          .flags("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch")
          .args("report=" + dir.resolve("report"), op.substring("jmh:".length())).in(dir);
    }
    return ChildJvm.of(BenchChild.class).args(op).in(dir);
  }

  private static List<RunLine> readReports(Path dir) {
    try {
      return PerfTestChild.readReports(dir, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path jmhClasses() {
    String given = System.getProperty("gap.jmhClasses");
    if (given != null) {
      return Path.of(given);
    }
    for (Path candidate : List.of(Path.of("perf-examples/perf-jmh/target/classes"), Path.of("perf-jmh/target/classes"))) {
      if (Files.isDirectory(candidate)) {
        return candidate.toAbsolutePath();
      }
    }
    return Path.of("perf-examples/perf-jmh/target/classes").toAbsolutePath();
  }
}
