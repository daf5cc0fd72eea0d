package dev.perfgate.baseline;

import dev.perfgate.baseline.postgres.PostgresServer;
import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The PostgreSQL store under real concurrency and real crashes: child JVMs ({@link JdbcWriterMain})
 * appending at once, writers killed with {@code destroyForcibly} (SIGKILL) while they append, and the
 * time to load one variant's history from a large store. Shared by the quick test in the build
 * ({@link JdbcStoreProcessTest}) and the full benchmark command ({@link JdbcStoreTorture}); every
 * figure is counted or timed here, on the real server.
 */
final class JdbcTorture {
  private JdbcTorture() {}

  /** The variant the writers append to. */
  static final BenchmarkKey KEY = BenchmarkKey.of("torture");

  /**
   * The run a writer appends as its {@code i}-th: 8 trials x 5 samples of the default metrics (wall
   * and CPU time, allocated bytes), its values drawn from a seed of the writer and i, and the mark
   * {@code <writer>#<i>} as its one warning, so that a stored run can be checked whole.
   */
  static Result run(String writer, int i) {
    Random r = new Random(writer.hashCode() * 31L + i);
    List<Trial> trials = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      List<Sample> samples = new ArrayList<>();
      for (int s = 0; s < 5; s++) {
        double wall = 1_000 + r.nextDouble() * 100;
        samples.add(new Sample(1 + r.nextInt(5_000), 1_000_000 + r.nextInt(1_000_000), Map.of(Metric.WALL_TIME, wall,
            Metric.CPU_TIME, wall * 0.9, Metric.ALLOCATED_BYTES, 1016.0)));
      }
      trials.add(new Trial(t, samples, Map.of()));
    }
    return new Result(KEY, trials, Map.of(), List.of(writer + "#" + i), Optional.empty(), Fixtures.environment(),
        Instant.parse("2026-12-01T12:00:00Z").plusSeconds(i), Duration.ofMillis(800 + i));
  }

  /** Concurrent appends from several JVMs. */
  record Appends(int processes, int each, int stored, int lost, int duplicated, int partial, long millis) {}

  /** Writers killed while appending. */
  record Kills(int kills, int killedInFlight, int acknowledged, int stored, int lostAcknowledged, int partial) {}

  /** Loading one variant's history. */
  record HistoryLoads(int runs, int variants, int warmUps, int loads, double firstMillis, double p50Millis,
      double p95Millis, double maxMillis, double clientCpuMillisPerLoad, double loadAverage, boolean oneConnection) {}

  static Process writer(PostgresServer server, String schema, String writer, int runs, int limit, Path log)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), JdbcWriterMain.class.getName(), Integer.toString(server.port()), schema,
        writer, Integer.toString(runs), Integer.toString(limit));
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return pb.start();
  }

  /**
   * {@code processes} JVMs append {@code each} runs at once to one variant of a new, empty schema;
   * they also race to create the tables.
   */
  static Appends concurrentAppends(PostgresServer server, int processes, int each, Path logs) throws Exception {
    String schema = server.newSchemaName();
    long start = System.nanoTime();
    List<Process> writers = new ArrayList<>();
    try {
      for (int p = 0; p < processes; p++) {
        writers.add(writer(server, schema, "W" + p, each, processes * each, logs.resolve("W" + p + ".log")));
      }
      for (int p = 0; p < processes; p++) {
        Process w = writers.get(p);
        if (!w.waitFor(600, TimeUnit.SECONDS) || w.exitValue() != 0) {
          throw new AssertionError("writer W" + p + " failed or hung: " + Files.readString(logs.resolve("W" + p + ".log")));
        }
      }
    } finally {
      writers.forEach(Process::destroyForcibly);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    List<Result> history = BaselineStores.jdbc(server.dataSource(schema), processes * each).history(KEY);
    Set<String> marks = new HashSet<>();
    int partial = 0;
    for (Result r : history) {
      String mark = r.warnings().get(0);
      marks.add(mark);
      if (!r.equals(expected(mark))) {
        partial++;
      }
    }
    int lost = 0;
    for (int p = 0; p < processes; p++) {
      for (int i = 0; i < each; i++) {
        if (!marks.contains("W" + p + "#" + i)) {
          lost++;
        }
      }
    }
    return new Appends(processes, each, history.size(), lost, history.size() - marks.size(), partial, millis);
  }

  /**
   * Starts a writer, lets it append, kills it at a random moment with SIGKILL, and checks the store
   * after each kill: every row reads, every stored run is whole, every acknowledged run is there.
   */
  static Kills kills(PostgresServer server, int kills, Path logs, long seed) throws Exception {
    String schema = server.newSchemaName();
    DataSource ds = server.dataSource(schema);
    BaselineStore store = BaselineStores.jdbc(ds, 1_000_000);
    Random random = new Random(seed);
    int inFlight = 0;
    int acknowledged = 0;
    int lostAcknowledged = 0;
    for (int k = 0; k < kills; k++) {
      String name = "K" + k;
      Path log = logs.resolve(name + ".log");
      Process w = writer(server, schema, name, 1_000_000, 1_000_000, log);
      try {
        // Kill only once it appends steadily, then at a random moment within the next appends.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && w.isAlive() && !Files.readString(log).contains("ok 2\n")) {
          Thread.sleep(5);
        }
        if (!w.isAlive()) {
          throw new AssertionError("writer " + name + " ended before it was killed: " + Files.readString(log));
        }
        Thread.sleep(random.nextInt(40));
      } finally {
        w.destroyForcibly();
        w.waitFor(30, TimeUnit.SECONDS);
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      Set<Integer> acked = new HashSet<>();
      for (String line : lines) {
        if (line.startsWith("ok ")) {
          acked.add(Integer.parseInt(line.substring(3).trim()));
        }
      }
      String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
      if (last.startsWith("begin ")) {
        inFlight++;
      }
      acknowledged += acked.size();
      Set<Integer> stored = new HashSet<>();
      for (Result r : store.history(KEY)) {
        String mark = r.warnings().get(0);
        if (mark.startsWith(name + "#")) {
          stored.add(Integer.parseInt(mark.substring(name.length() + 1)));
        }
      }
      for (int i : acked) {
        if (!stored.contains(i)) {
          lostAcknowledged++;
        }
      }
    }
    // Every row, read raw, is a whole run equal to what its writer appended; none is half there.
    int partial = 0;
    int rows = 0;
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT document FROM perfgate_run")) {
      while (rs.next()) {
        rows++;
        try {
          Result r = dev.perfgate.baseline.internal.RunDocument.read(rs.getString(1)).result();
          if (!r.equals(expected(r.warnings().get(0)))) {
            partial++;
          }
        } catch (RuntimeException e) {
          partial++;
        }
      }
    }
    return new Kills(kills, inFlight, acknowledged, rows, lostAcknowledged, partial);
  }

  private static Result expected(String mark) {
    int hash = mark.lastIndexOf('#');
    return run(mark.substring(0, hash), Integer.parseInt(mark.substring(hash + 1)));
  }

  /**
   * Fills a new schema with {@code variants x perVariant} runs, then times {@code loads} loads of
   * one variant's history (a new connection each, as a plain data source gives), variants drawn at
   * random, after one cold load and {@code warmUps} more. It measures again, up to {@code rounds}
   * times, until a measurement is {@code enough}: a busy machine can make one slow. With
   * {@code copyRows}, each variant's first run is appended through the store and the others are
   * copies of its row made by SQL, which fills 10,000 runs in a second instead of minutes; the rows
   * read are the store's own either way.
   */
  static List<HistoryLoads> historyLoads(PostgresServer server, int variants, int perVariant, int warmUps, int loads,
      boolean copyRows, long seed, int rounds, java.util.function.Predicate<HistoryLoads> enough) throws Exception {
    DataSource ds = server.dataSource(server.newSchemaName());
    JdbcBaselineStore store = BaselineStores.jdbc(ds, perVariant);
    List<BenchmarkKey> keys = new ArrayList<>();
    for (int v = 0; v < variants; v++) {
      keys.add(BenchmarkKey.of("variant-" + v));
    }
    if (copyRows) {
      for (BenchmarkKey key : keys) {
        store.append(rename(run("fill", 0), key));
      }
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.execute("INSERT INTO perfgate_run (variant, fingerprint, benchmark, revision, document)"
            + " SELECT variant, fingerprint, benchmark, revision, document FROM perfgate_run, generate_series(2, "
            + perVariant + ")");
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int thread = t;
          futures.add(pool.submit(() -> {
            for (int i = thread; i < variants * perVariant; i += 4) {
              store.append(rename(run("fill", i / variants), keys.get(i % variants)));
            }
            return null;
          }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("ANALYZE perfgate_run");
    }
    Random random = new Random(seed);
    List<HistoryLoads> measured = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      measured.add(measureLoads(ds, store, keys, perVariant, warmUps, loads, random, false));
      if (enough.test(measured.get(round))) {
        break;
      }
    }
    return measured;
  }

  /**
   * The same loads through one connection kept open, as a connection pool gives: the store's own
   * cost without a new PostgreSQL backend per load.
   */
  static HistoryLoads historyLoadsOnOneConnection(PostgresServer server, int variants, int perVariant, int warmUps,
      int loads, long seed) throws Exception {
    DataSource ds = server.dataSource(server.newSchemaName());
    JdbcBaselineStore filler = BaselineStores.jdbc(ds, perVariant);
    List<BenchmarkKey> keys = new ArrayList<>();
    for (int v = 0; v < variants; v++) {
      keys.add(BenchmarkKey.of("variant-" + v));
      // The store's own row, appended once, then copied by SQL.
      filler.append(rename(run("fill", v), keys.get(v)));
    }
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO perfgate_run (variant, fingerprint, benchmark, revision, document)"
          + " SELECT variant, fingerprint, benchmark, revision, document FROM perfgate_run, generate_series(2, "
          + perVariant + ")");
      s.execute("ANALYZE perfgate_run");
    }
    try (Connection kept = ds.getConnection()) {
      DataSource one = oneConnection(kept);
      return measureLoads(ds, BaselineStores.jdbc(one, perVariant), keys, perVariant, warmUps, loads,
          new Random(seed), true);
    }
  }

  /** A data source that hands out the same connection each time, closed by its owner only. */
  private static DataSource oneConnection(Connection kept) {
    Connection view = (Connection) java.lang.reflect.Proxy.newProxyInstance(JdbcTorture.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          try {
            return method.invoke(kept, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
    return (DataSource) java.lang.reflect.Proxy.newProxyInstance(JdbcTorture.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            return view;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  private static HistoryLoads measureLoads(DataSource ds, JdbcBaselineStore store, List<BenchmarkKey> keys,
      int perVariant, int warmUps, int loads, Random random, boolean oneConnection) throws Exception {
    int variants = keys.size();
    // The first loads of a JVM run cold (class loading, the interpreter): 150 ms and more on a busy
    // machine. The figure is for the loads a CI run makes once warm; the first one is reported apart.
    long cold = System.nanoTime();
    store.history(keys.get(random.nextInt(variants)));
    double coldMillis = (System.nanoTime() - cold) / 1e6;
    for (int i = 0; i < warmUps; i++) {
      store.history(keys.get(random.nextInt(variants)));
    }
    double[] millis = new double[loads];
    // This JVM's CPU time over the timed loads: the client's share (decoding the runs, the driver),
    // which a busy machine does not inflate the way it inflates wall time.
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    for (int i = 0; i < loads; i++) {
      BenchmarkKey key = keys.get(random.nextInt(variants));
      long t0 = System.nanoTime();
      List<Result> history = store.history(key);
      millis[i] = (System.nanoTime() - t0) / 1e6;
      if (history.size() != perVariant || !history.get(0).key().equals(key)) {
        throw new AssertionError("history of " + key + " has " + history.size() + " runs, not " + perVariant);
      }
    }
    double clientCpuMillis = (os.getProcessCpuTime() - cpu0) / 1e6 / loads;
    int rows;
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*)::int FROM perfgate_run")) {
      rs.next();
      rows = rs.getInt(1);
    }
    Arrays.sort(millis);
    return new HistoryLoads(rows, variants, warmUps, loads, coldMillis, rank(millis, 0.50), rank(millis, 0.95),
        millis[loads - 1], clientCpuMillis, os.getSystemLoadAverage(), oneConnection);
  }

  private static Result rename(Result r, BenchmarkKey key) {
    return new Result(key, r.trials(), r.notMeasured(), r.warnings(), r.error(), r.environment(), r.startedAt(),
        r.elapsed());
  }

  /** The nearest-rank percentile of sorted values. */
  static double rank(double[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
