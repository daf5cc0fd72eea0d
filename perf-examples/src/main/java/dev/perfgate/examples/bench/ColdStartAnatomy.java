package dev.perfgate.examples.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.perfgate.examples.generator.GeneratorConfig;
import dev.perfgate.examples.generator.ServiceRegistry;
import dev.perfgate.examples.generator.files.FileService;
import dev.perfgate.examples.generator.schema.DemoDatabase;
import dev.perfgate.examples.scenario.ScenarioFixture;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A benchmark command that takes the scenario's cold generation apart, to tell where its time goes:
 * the schema reads from the database, the template compilations, the file writes into an emptied
 * (reused) or a new output directory, and the deletion that empties it; beside them the whole cold
 * generation as the cache suite measures it, and a warm one. For each phase it prints the median
 * and the worst over the rounds of wall time, the calling thread's CPU time split into user and
 * system time ({@link ThreadMXBean#getThreadUserTime} against {@link ThreadMXBean#getThreadCpuTime}),
 * (the split as a sum over the rounds, since user time is counted in 10 ms scheduler ticks),
 * the process's CPU time (the database server's threads included), the JIT's compilation time
 * ({@link CompilationMXBean#getTotalCompilationTime}), collections, and the bytes the thread allocated.
 *
 * <pre>
 * ./mvnw -q -pl perf-examples -am compile exec:java@anatomy -Dexec.args="30 100 [embedded]"
 * </pre>
 *
 * Arguments: rounds (default 30), tables (default 100), and {@code embedded} to read an embedded
 * in-memory H2 instead of the scenario's TCP server (how the scenario read it before issue 13).
 * Run it in several JVMs, quiet and loaded, and with {@code -Djava.io.tmpdir=/dev/shm} to put the
 * output on tmpfs, to see which phase moves.
 */
public final class ColdStartAnatomy {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final com.sun.management.ThreadMXBean ALLOC =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private ColdStartAnatomy() {}

  /**
   * Runs the rounds and prints one line per phase.
   *
   * @param args rounds and tables
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0].trim()) : 30;
    int tables = args.length > 1 ? Integer.parseInt(args[1].trim()) : 100;
    Map<String, List<double[]>> phases = new LinkedHashMap<>();
    long jitStart = JIT.getTotalCompilationTime();
    boolean embedded = args.length > 2 && args[2].trim().equals("embedded");
    try (ScenarioFixture fx = new ScenarioFixture(System.getProperties());
        DemoDatabase db = embedded ? DemoDatabase.inMemory(tables) : null) {
      long t0 = System.nanoTime();
      ServiceRegistry r = embedded ? ServiceRegistry.start(GeneratorConfig.of(db.jdbcUrl(), fx.newOutputDir(tables)))
          : fx.start(tables);
      r.generator().generate();
      System.out.printf(Locale.ROOT, "first (cold JVM) generation incl. start: %.1f ms, %s%n",
          (System.nanoTime() - t0) / 1e6, r.config().jdbcUrl());
      List<String> names = r.schema().tableNames();
      Path reused = r.config().outputDir();
      for (int round = 0; round < rounds; round++) {
        // The cold generation as the cache suite measures it: empty caches, emptied directory.
        r.schema().invalidateAll();
        r.templates().cache().invalidateAll();
        measure(phases, "delete (empty the reused dir)", () -> {
          ScenarioFixture.empty(reused);
          return null;
        });
        measure(phases, "cold generation (suite)", () -> r.generator().generate());
        measure(phases, "warm generation (suite)", () -> r.generator().generate());
        // Its parts, one by one.
        r.schema().invalidateAll();
        measure(phases, "schema reads (cold)", () -> {
          r.schema().tableNames();
          for (String n : names) {
            r.schema().table(n);
          }
          return null;
        });
        r.templates().cache().invalidateAll();
        List<String> rendered = new ArrayList<>();
        measure(phases, "render incl. compile (cold)", () -> {
          for (String n : names) {
            rendered.addAll(r.generator().render(n));
          }
          return null;
        });
        measure(phases, "render (warm)", () -> {
          for (String n : names) {
            r.generator().render(n);
          }
          return null;
        });
        ScenarioFixture.empty(reused);
        FileService intoReused = FileService.create(reused);
        measure(phases, "write 2N files, emptied reused dir", () -> writeAll(intoReused, rendered));
        measure(phases, "write 2N files, unchanged (reads)", () -> writeAll(intoReused, rendered));
        FileService intoFresh = FileService.create(fx.newOutputDir(tables));
        measure(phases, "write 2N files, new dir", () -> writeAll(intoFresh, rendered));
      }
      r.close();
    }
    System.out.printf(Locale.ROOT, "%d rounds, %d tables, JIT compilation over the run %d ms, load %.2f%n", rounds,
        tables, JIT.getTotalCompilationTime() - jitStart, OS.getSystemLoadAverage());
    System.out.printf(Locale.ROOT, "%-36s %17s %17s %17s %13s %9s %9s%n", "phase (median / worst ms)",
        "wall", "thread cpu", "process cpu", "jit ms", "gcs", "alloc MB");
    phases.forEach((name, samples) -> {
      if (name.startsWith("cold generation")) {
        StringBuilder rows = new StringBuilder("cold generation per round, thread cpu ms:");
        samples.forEach(s -> rows.append(String.format(Locale.ROOT, " %.1f", s[1])));
        System.out.println(rows);
      }
    });
    phases.forEach((name, samples) -> {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-36s", name));
      // User and system time per round are not shown: user time is counted in 10 ms ticks.
      for (int i : new int[] {0, 1, 4, 5}) {
        double[] col = column(samples, i);
        line.append(String.format(Locale.ROOT, i == 5 ? " %6.1f / %4.0f" : " %7.2f / %7.2f", median(col),
            col[col.length - 1]));
      }
      line.append(String.format(Locale.ROOT, " %9.2f %9.2f", median(column(samples, 6)), median(column(samples, 7))));
      // User time is counted in scheduler ticks (10 ms): only its sum over the rounds means something.
      double cpu = java.util.Arrays.stream(column(samples, 1)).sum();
      double user = java.util.Arrays.stream(column(samples, 2)).sum();
      line.append(String.format(Locale.ROOT, "   sum over rounds: cpu %.0f ms = user %.0f + sys %.0f (sys %.0f %%)", cpu,
          user, cpu - user, 100 * (cpu - user) / cpu));
      System.out.println(line);
    });
  }

  private static Object writeAll(FileService files, List<String> rendered) {
    for (int i = 0; i < rendered.size(); i++) {
      files.write("gen/f" + (i / 2) + (i % 2 == 0 ? ".java" : ".d.ts"), rendered.get(i));
    }
    return null;
  }

  private static void measure(Map<String, List<double[]>> phases, String name, Supplier<Object> work) {
    List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
    long tid = Thread.currentThread().getId();
    long gc0 = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    long jit0 = JIT.getTotalCompilationTime();
    long alloc0 = ALLOC.getThreadAllocatedBytes(tid);
    long proc0 = OS.getProcessCpuTime();
    long user0 = THREADS.getCurrentThreadUserTime();
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    work.get();
    long wall = System.nanoTime() - wall0;
    long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
    long user = THREADS.getCurrentThreadUserTime() - user0;
    long proc = OS.getProcessCpuTime() - proc0;
    long alloc = ALLOC.getThreadAllocatedBytes(tid) - alloc0;
    long jit = JIT.getTotalCompilationTime() - jit0;
    long gc = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum() - gc0;
    phases.computeIfAbsent(name, n -> new ArrayList<>()).add(new double[] {wall / 1e6, cpu / 1e6, user / 1e6,
        (cpu - user) / 1e6, proc / 1e6, jit, gc, alloc / 1e6});
  }

  private static double[] column(List<double[]> samples, int i) {
    return samples.stream().mapToDouble(s -> s[i]).sorted().toArray();
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
