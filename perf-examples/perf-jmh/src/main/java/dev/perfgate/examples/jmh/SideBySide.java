package dev.perfgate.examples.jmh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Perfgate side by side with JMH: measures the same operations ({@link Op}) with both, in one run,
 * under the same JVM flags, and prints one table with each tool's time and allocation per operation
 * and the wall time each needed, then whether each of Perfgate's goals was met.
 *
 * <p>Run it from the root of a fresh clone with:
 *
 * <pre>
 * ./mvnw -q -B -Pjmh -pl perf-examples/perf-jmh -am package -DskipTests
 * </pre>
 *
 * (the module's package phase builds the JMH harness and then runs this class through exec:exec; it
 * takes about a minute and a half). Add {@code -DsideBySide.args="quick mix alloc"} to pick
 * operations or to run both tools briefly ({@code quick}: rough figures, for checking the harness),
 * {@code verbose} to see JMH's own output.
 *
 * <p>JMH runs as its documentation recommends for a quick but sound figure: one fork per operation,
 * three warm-up and five measurement iterations of one second, average time, with the GC profiler
 * for {@code gc.alloc.rate.norm}. Perfgate runs at its default options in one forked JVM started by
 * this driver. Both JVMs get {@link #JVM_FLAGS}: a fixed, pre-touched heap, so that heap growth does
 * not pollute either tool.
 */
public final class SideBySide {
  /** The flags of every measuring JVM, JMH's forks and Perfgate's alike. */
  static final List<String> JVM_FLAGS = List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");

  private SideBySide() {}

  /**
   * Runs both tools and prints the table.
   *
   * @param args operation ids (all if none), {@code quick} for short runs of both tools, {@code verbose}
   *     for JMH's own output
   * @throws Exception if a tool cannot be run
   */
  public static void main(String[] args) throws Exception {
    List<String> ids = new ArrayList<>();
    for (String a : args) {
      for (String word : a.trim().split("\\s+")) {
        if (!word.isEmpty()) {
          ids.add(word);
        }
      }
    }
    boolean quick = ids.remove("quick");
    boolean verbose = ids.remove("verbose");
    List<Op> ops = Op.select(ids);
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    log("perfgate: running " + ops.size() + " benchmarks in a forked JVM " + JVM_FLAGS
        + (quick ? " (quick options)" : " (default options)"));
    long pgStart = System.nanoTime();
    Map<String, PerfgateLine> perfgate = runPerfgate(ops, quick);
    long pgWall = System.nanoTime() - pgStart;
    log(String.format(Locale.ROOT, "perfgate: done in %.1f s", pgWall / 1e9));

    Map<String, Row.Jmh> jmh = new LinkedHashMap<>();
    long jmhStart = System.nanoTime();
    for (Op op : ops) {
      log("jmh: " + op.id() + " (" + op.description() + ")");
      long start = System.nanoTime();
      RunResult result = runJmh(op, quick, verbose);
      long wall = System.nanoTime() - start;
      jmh.put(op.id(), Row.Jmh.of(result, wall));
      log(String.format(Locale.ROOT, "jmh: %s done in %.1f s", op.id(), wall / 1e9));
    }
    long jmhWall = System.nanoTime() - jmhStart;
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    List<Row> rows = new ArrayList<>();
    for (Op op : ops) {
      PerfgateLine pg = perfgate.get(op.id());
      if (pg == null) {
        throw new IllegalStateException("the Perfgate JVM printed no figures for '" + op.id() + "'");
      }
      rows.add(new Row(op, jmh.get(op.id()), pg));
    }
    System.out.println();
    System.out.println(Table.render(rows, jmhWall, pgWall, quick));
    System.out.println(Table.goals(rows, jmhWall, pgWall));
    System.out.printf(Locale.ROOT, "JVM flags of both tools: %s; %s %s; %d cores; load average %.2f before,"
        + " %.2f after%n", String.join(" ", JVM_FLAGS), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
  }

  private static Map<String, PerfgateLine> runPerfgate(List<Op> ops, boolean quick)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PerfgateSide.class.getName());
    if (quick) {
      command.add("quick");
    }
    ops.forEach(op -> command.add(op.id()));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Map<String, PerfgateLine> figures = new LinkedHashMap<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        Optional<PerfgateLine> parsed = PerfgateLine.parse(line);
        if (parsed.isPresent()) {
          figures.put(parsed.get().op(), parsed.get());
        } else {
          System.err.println("perfgate jvm: " + line);
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IllegalStateException("the Perfgate JVM exited with " + exit + " (its errors are above)");
    }
    return figures;
  }

  private static RunResult runJmh(Op op, boolean quick, boolean verbose) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(op.jmhInclude())
        .mode(org.openjdk.jmh.annotations.Mode.AverageTime)
        .timeUnit(TimeUnit.NANOSECONDS)
        .forks(1)
        .warmupIterations(quick ? 1 : 3)
        .warmupTime(quick ? TimeValue.milliseconds(200) : TimeValue.seconds(1))
        .measurementIterations(quick ? 2 : 5)
        .measurementTime(quick ? TimeValue.milliseconds(200) : TimeValue.seconds(1))
        .addProfiler(GCProfiler.class)
        .jvmArgs(JVM_FLAGS.toArray(new String[0]))
        .shouldFailOnError(true)
        .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT);
    Collection<RunResult> results = new Runner(options.build()).run();
    if (results.size() != 1) {
      throw new IllegalStateException("JMH ran " + results.size() + " benchmarks for '" + op.id()
          + "', expected 1; is META-INF/BenchmarkList up to date (rebuild the module)?");
    }
    return results.iterator().next();
  }

  private static void log(String message) {
    System.err.println("[side-by-side] " + message);
  }
}
