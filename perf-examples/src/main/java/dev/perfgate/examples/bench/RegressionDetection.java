package dev.perfgate.examples.bench;

import dev.perfgate.api.internal.stats.Median;
import dev.perfgate.generator.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The regression judgement between CI runs: every run is a separate JVM, and the runs of a case share
 * a directory store in a temporary directory, as two CI runs of a team share {@code .perfgate/}.
 *
 * <ul>
 *   <li><b>First comparison</b>: per pair, a new store; one JVM records the baseline, a second JVM,
 *       doing {@code +N %} real work ({@code -Dwork.extra}), is judged against it.</li>
 *   <li><b>Kept store</b>: {@code kept.record} recording runs, then {@code kept.runs} further A/A runs
 *       judged against the store as it grows; then, for each of {@code kept.extras}, {@code kept.runs}
 *       runs with more work, each judged against its own copy of that kept store.</li>
 * </ul>
 *
 * Workloads: {@code cpu} (a ~10 us CPU-bound fold, {@link BenchChild}), {@code json} (a user's
 * README-style {@code @PerfTest} on a ~20 us Jackson parse with {@code perf.suite().baselines()},
 * compiled outside this build and run through the JUnit Platform launcher, {@link UserParseProject}),
 * {@code cold} (the reference scenario's cold generation; more work is more tables). Each child runs
 * whatever Perfgate this module's class path has, at its defaults plus the {@code perfgate.*} settings
 * given to this command.
 *
 * <pre>
 * ./mvnw -q -o -pl perf-examples -am compile exec:java@detection -Dpairs=4 -Dkept.runs=4
 * ./mvnw -q -o -pl perf-examples -am compile exec:java@detection -Dworkloads=cpu,json -Dpairs=40 -Dkept.runs=20
 * </pre>
 *
 * Options (system properties): {@code workloads} (default {@code cpu,json,cold}), {@code extras}
 * (first-comparison cases, default {@code 0,0.05,0.10,0.27}), {@code pairs} (per case, default 4),
 * {@code kept.record} (default 5), {@code kept.runs} (default 4; 0 skips the kept store),
 * {@code kept.extras} (default {@code 0.05,0.10}), {@code bench.jvmArgs} (flags of every child),
 * {@code keep} (a directory to work in and keep, with every run's store and ruler, the pairs' and the
 * copies' included; default a temporary directory, deleted at the end).
 * It prints per case the count of each outcome of the {@code time.wall} comparison, how many runs
 * failed, the statuses of the one verdict on the time (PASS/WARN/INCONCLUSIVE/FAIL: the comparison,
 * the history check and the trend together), the median ratio, the wall time per verdict (the judged
 * JVM's, start to exit) and the spreads of the runs of unchanged code (within fork, between forks,
 * between runs, and the sd of run medians), with the load average before and after.
 */
public final class RegressionDetection {
  /** The option naming a directory to work in and keep. */
  static final String KEEP = "keep";

  private RegressionDetection() {}

  /** Whether the stores are kept ({@value #KEEP} names a directory). */
  static boolean keeping() {
    return !System.getProperty(KEEP, "").isEmpty();
  }

  /**
   * Runs the cases and prints the table.
   *
   * @param args ignored; the options are system properties
   * @throws IOException if a temporary directory cannot be used
   */
  public static void main(String[] args) throws IOException {
    List<String> workloads = words(System.getProperty("workloads", "cpu,json,cold"));
    double[] extras = numbers(System.getProperty("extras", "0,0.05,0.10,0.27"));
    int pairs = Integer.getInteger("pairs", 4);
    int keptRecord = Integer.getInteger("kept.record", 5);
    int keptRuns = Integer.getInteger("kept.runs", 4);
    double[] keptExtras = numbers(System.getProperty("kept.extras", "0.05,0.10"));
    Path root = keeping() ? Files.createDirectories(Path.of(System.getProperty(KEEP)).toAbsolutePath())
        : Files.createTempDirectory("perfgate-detection-");
    log("work in " + root + "; child class path: " + ChildJvm.runtimeClassPath().size() + " entries");
    Path userClasses = workloads.contains("json") ? UserParseProject.build(root.resolve("user-project")) : null;

    List<Row> rows = new ArrayList<>();
    for (String w : workloads) {
      Workload workload = new Workload(w, userClasses);
      for (double extra : extras) {
        rows.add(firstComparison(workload, extra, pairs, root.resolve(w + "-first-" + pct(extra).replace("/", ""))));
        print(rows);
      }
      if (keptRuns > 0) {
        rows.addAll(keptStore(workload, keptRecord, keptRuns, keptExtras, root.resolve(w + "-kept")));
        print(rows);
      }
    }
    System.out.println();
    System.out.println("=== regression detection between separate JVMs (" + ManagementFactory.getRuntimeMXBean().getVmVersion()
        + ", " + Runtime.getRuntime().availableProcessors() + " cores) ===");
    print(rows);
    if (!keeping()) {
      deleteTree(root);
    }
  }

  /** One workload as a child JVM runs it. */
  record Workload(String id, Path userClasses) {
    ChildJvm child(double extra, Path dir, int run) {
      ChildJvm c;
      if (id.equals("json")) {
        // The user's project keeps its store where its test runs: .perfgate in the working directory.
        c = ChildJvm.of(PerfTestChild.class).classPath(userClasses).args(UserParseProject.TEST_CLASS)
            .property(Settings.REPORT_DIR, dir.resolve("reports").resolve("run-" + run).toString());
      } else {
        c = ChildJvm.of(BenchChild.class).args(id).property(BenchChild.STORE, dir.resolve(".perfgate").toString());
      }
      return c.in(dir).property(BenchChild.EXTRA, Double.toString(extra));
    }
  }

  /** One case's runs: the judged lines, their wall times, and the lines of unchanged code. */
  record Row(String workload, String kase, List<RunLine> judged, long[] wallNanos, List<RunLine> sameCode, int errors,
      double loadBefore, double loadAfter) {
    long count(String outcome) {
      return judged.stream().filter(l -> l.outcome().equals(outcome)).count();
    }
  }

  static Row firstComparison(Workload w, double extra, int pairs, Path dir) {
    double load = load();
    List<RunLine> judged = new ArrayList<>();
    List<RunLine> same = new ArrayList<>();
    List<Long> walls = new ArrayList<>();
    int errors = 0;
    for (int i = 0; i < pairs; i++) {
      Path pair = dir.resolve("pair-" + i);
      RunLine base = run(w, 0, pair, 0, w.id() + " first " + pct(extra) + " pair " + (i + 1) + "/" + pairs + " record", null);
      if (base == null) {
        errors++;
        continue;
      }
      same.add(base);
      long[] wall = new long[1];
      RunLine judgedLine = run(w, extra, pair, 1, w.id() + " first " + pct(extra) + " pair " + (i + 1) + "/" + pairs + " judge", wall);
      if (judgedLine == null) {
        errors++;
        continue;
      }
      judged.add(judgedLine);
      walls.add(wall[0]);
      if (extra == 0) {
        same.add(judgedLine);
      }
      if (!keeping()) {
        deleteTree(pair);
      }
    }
    return new Row(w.id(), "first " + pct(extra), judged, walls.stream().mapToLong(Long::longValue).toArray(), same,
        errors, load, load());
  }

  static List<Row> keptStore(Workload w, int record, int runs, double[] extras, Path dir) {
    double load = load();
    List<RunLine> same = new ArrayList<>();
    int errors = 0;
    Path kept = dir.resolve("kept");
    int run = 0;
    for (int i = 0; i < record; i++) {
      RunLine l = run(w, 0, kept, run++, w.id() + " kept record " + (i + 1) + "/" + record, null);
      if (l == null) {
        errors++;
      } else {
        same.add(l);
      }
    }
    List<RunLine> judged = new ArrayList<>();
    List<Long> walls = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long[] wall = new long[1];
      RunLine l = run(w, 0, kept, run++, w.id() + " kept A/A " + (i + 1) + "/" + runs, wall);
      if (l == null) {
        errors++;
        continue;
      }
      judged.add(l);
      same.add(l);
      walls.add(wall[0]);
    }
    List<Row> rows = new ArrayList<>();
    rows.add(new Row(w.id(), "kept A/A (" + record + " recorded)", judged, walls.stream().mapToLong(Long::longValue).toArray(),
        same, errors, load, load()));
    for (double extra : extras) {
      double loadBefore = load();
      List<RunLine> more = new ArrayList<>();
      List<Long> moreWalls = new ArrayList<>();
      int moreErrors = 0;
      for (int i = 0; i < runs; i++) {
        // Each run against its own copy of the kept store: one regressed run must not become the
        // history the next one is judged against.
        Path copy = dir.resolve("copy-" + pct(extra) + "-" + i);
        copyTree(kept.resolve(".perfgate"), copy.resolve(".perfgate"));
        long[] wall = new long[1];
        RunLine l = run(w, extra, copy, run + i, w.id() + " kept " + pct(extra) + " " + (i + 1) + "/" + runs, wall);
        if (!keeping()) {
          deleteTree(copy);
        }
        if (l == null) {
          moreErrors++;
          continue;
        }
        more.add(l);
        moreWalls.add(wall[0]);
      }
      rows.add(new Row(w.id(), "kept " + pct(extra), more, moreWalls.stream().mapToLong(Long::longValue).toArray(),
          same, moreErrors, loadBefore, load()));
    }
    return rows;
  }

  /** Runs one child; its run line, or null (with the tail of its output) if it printed none. */
  private static RunLine run(Workload w, double extra, Path dir, int index, String what, long[] wall) {
    ChildJvm.Exit exit;
    try {
      exit = w.child(extra, dir, index).run();
    } catch (RuntimeException e) {
      log(what + ": " + e.getMessage());
      return null;
    }
    List<RunLine> lines = exit.runLines();
    if (exit.code() != 0 || lines.isEmpty()) {
      log(what + ": child exited with " + exit.code() + " and no run line; its output ends with:\n" + exit.tail(15));
      return null;
    }
    RunLine l = lines.get(0);
    if (wall != null) {
      wall[0] = exit.wallNanos();
    }
    log(String.format(Locale.ROOT, "%s: %s %s ratio %.4f [%.4f, %.4f] run %s, %.1f s", what, l.outcome(), l.status(),
        l.ratio(), l.low(), l.high(), l.passed() ? "passed" : "FAILED" + (l.failedChecks().isEmpty() ? ""
            : " on " + String.join(", ", l.failedChecks())), exit.wallNanos() / 1e9));
    return l;
  }

  static void print(List<Row> rows) {
    System.out.printf(Locale.ROOT, "%n%-5s %-22s %4s %5s %6s %5s %6s %6s %5s %7s %9s %8s  %6s %6s %6s %6s %6s  %-9s  %-11s  %s%n",
        "work", "case", "runs", "regr", "FAILED", "unch", "inconc", "improv", "other", "ratio", "median", "s/verd",
        "withF", "betwF", "betwR", "sdMed", "sdAdj", "load", "P/W/I/F", "failed on");
    for (Row r : rows) {
      long regressed = r.count("REGRESSED");
      long unchanged = r.count("UNCHANGED");
      long inconclusive = r.count("INCONCLUSIVE");
      long improved = r.count("IMPROVED");
      long failed = r.judged().stream().filter(l -> !l.passed()).count();
      long other = r.judged().size() - regressed - unchanged - inconclusive - improved + r.errors();
      double[] ratios = r.judged().stream().mapToDouble(RunLine::ratio).filter(Double::isFinite).sorted().toArray();
      double ratio = ratios.length == 0 ? Double.NaN : ratios[ratios.length / 2];
      double wall = Arrays.stream(r.wallNanos()).average().orElse(Double.NaN) / 1e9;
      double[] medians = r.judged().stream().filter(l -> !l.trials().isEmpty())
          .mapToDouble(l -> Median.of(l.trials().stream().mapToDouble(RunLine.TrialValue::nanos).toArray()))
          .sorted().toArray();
      String median = medians.length == 0 ? "-" : dev.perfgate.api.Unit.NANOSECONDS.format(medians[medians.length / 2]);
      RunSpread s = RunSpread.of(r.sameCode());
      String verdicts = status(r, "PASS") + "/" + status(r, "WARN") + "/" + status(r, "INCONCLUSIVE") + "/"
          + status(r, "FAIL");
      System.out.printf(Locale.ROOT, "%-5s %-22s %4d %5d %6d %5d %6d %6d %5d %7.4f %9s %8.1f  %5.2f%% %5.2f%% %5.2f%% %5.2f%% %5.2f%%  %-9s  %-11s  %s%n",
          r.workload(), r.kase(), r.judged().size(), regressed, failed, unchanged, inconclusive, improved, other, ratio,
          median, wall, s.withinFork() * 100, s.betweenForks() * 100, s.betweenRuns() * 100, s.runMedians() * 100,
          s.runsAdjusted() * 100,
          String.format(Locale.ROOT, "%.1f-%.1f", r.loadBefore(), r.loadAfter()), verdicts, failedOn(r.judged()));
    }
  }

  /** How many judged runs ended with this status of the one verdict on their time. */
  static long status(Row r, String status) {
    return r.judged().stream().filter(l -> l.status().equals(status)).count();
  }

  /** How often each check failed, e.g. {@code alloc.bytes vs baseline x4}; "-" if none did. */
  static String failedOn(List<RunLine> lines) {
    java.util.Map<String, Long> counts = lines.stream().flatMap(l -> l.failedChecks().stream())
        .collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.TreeMap::new,
            java.util.stream.Collectors.counting()));
    if (counts.isEmpty()) {
      return "-";
    }
    StringBuilder sb = new StringBuilder();
    counts.forEach((check, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(check).append(" x").append(n));
    return sb.toString();
  }

  static String pct(double extra) {
    return extra == 0 ? "A/A" : String.format(Locale.ROOT, "+%.0f%%", extra * 100);
  }

  static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static List<String> words(String s) {
    return Arrays.stream(s.split("[,\\s]+")).filter(x -> !x.isEmpty()).toList();
  }

  static double[] numbers(String s) {
    return words(s).stream().mapToDouble(Double::parseDouble).toArray();
  }

  static void log(String message) {
    System.err.println("[detection] " + message);
  }

  static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals(".lock")) {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      log("cannot delete " + root + ": " + e.getMessage());
    }
  }
}
