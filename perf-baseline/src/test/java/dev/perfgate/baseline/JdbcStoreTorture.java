package dev.perfgate.baseline;

import dev.perfgate.baseline.postgres.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The PostgreSQL store's torture, as a benchmark command with figures (not a test; the build runs
 * the quick version, {@link JdbcStoreProcessTest}). It starts its own durable server (fsync on), as
 * the tests do, so it needs Debian's {@code postgresql} package. From the project root:
 *
 * <pre>
 * ./mvnw -o -q -pl perf-baseline -am test-compile
 * M=~/.m2/repository
 * java -cp perf-baseline/target/test-classes:perf-baseline/target/classes:perf-api/target/classes:\
 * $M/com/fasterxml/jackson/core/jackson-databind/2.21.8/jackson-databind-2.21.8.jar:\
 * $M/com/fasterxml/jackson/core/jackson-core/2.21.8/jackson-core-2.21.8.jar:\
 * $M/com/fasterxml/jackson/core/jackson-annotations/2.21/jackson-annotations-2.21.jar:\
 * $M/org/postgresql/postgresql/42.7.14/postgresql-42.7.14.jar \
 *   dev.perfgate.baseline.JdbcStoreTorture [processes appends kills]
 * </pre>
 *
 * (the versions are those of the parent pom and perf-baseline's pom). Defaults: 4 processes x 250
 * appends, 20 kills, then 10,000 runs (100 variants x 100, every one appended through the store)
 * and 200 timed loads of one variant's history. {@code 0 0 0} runs the history figures alone. The
 * load average is printed with the figures: on a machine busy with other work, every figure is
 * slower.
 */
final class JdbcStoreTorture {
  private JdbcStoreTorture() {}

  public static void main(String[] args) throws Exception {
    int processes = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int appends = args.length > 1 ? Integer.parseInt(args[1]) : 250;
    int kills = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    Path logs = Files.createTempDirectory("perfgate-torture-");
    try (PostgresServer server = PostgresServer.start(true)) {
      print("server: %s, durable (fsync on), java %s, %d cores, load average %.1f", server, Runtime.version(),
          Runtime.getRuntime().availableProcessors(), loadAverage());
      if (processes > 0 && appends > 0) {
        JdbcTorture.Appends a = JdbcTorture.concurrentAppends(server, processes, appends, logs);
        print("concurrent appends: %d processes x %d = %d appended, %d stored, %d lost, %d duplicated, %d partial,"
            + " %.1f s (%.0f appends/s)", a.processes(), a.each(), a.processes() * a.each(), a.stored(), a.lost(),
            a.duplicated(), a.partial(), a.millis() / 1e3, a.processes() * a.each() / (a.millis() / 1e3));
      }
      if (kills > 0) {
        JdbcTorture.Kills k = JdbcTorture.kills(server, kills, logs, 2026);
        print("kills (SIGKILL of a writer mid-loop): %d kills, %d of them inside an append call, %d appends"
            + " acknowledged, %d runs stored, %d acknowledged lost, %d partial runs", k.kills(), k.killedInFlight(),
            k.acknowledged(), k.stored(), k.lostAcknowledged(), k.partial());
      }
      JdbcTorture.HistoryLoads h = JdbcTorture.historyLoads(server, 100, 100, 50, 200, false, 2026, 1, x -> true).get(0);
      print("history of one variant (100 runs of 8 trials x 5 samples) from a %d-run store (%d variants), %d loads,"
          + " a new connection each, after 1 + %d warm-up loads (the first took %.1f ms): p50 %.2f ms, p95 %.2f ms,"
          + " max %.2f ms; client CPU %.2f ms per load; load average then %.1f", h.runs(), h.variants(), h.loads(),
          h.warmUps(), h.firstMillis(), h.p50Millis(), h.p95Millis(), h.maxMillis(), h.clientCpuMillisPerLoad(),
          h.loadAverage());
      JdbcTorture.HistoryLoads one = JdbcTorture.historyLoadsOnOneConnection(server, 100, 100, 50, 200, 2026);
      print("the same on one connection kept open (as a pool gives): p50 %.2f ms, p95 %.2f ms, max %.2f ms;"
          + " client CPU %.2f ms per load; load average then %.1f", one.p50Millis(), one.p95Millis(), one.maxMillis(),
          one.clientCpuMillisPerLoad(), one.loadAverage());
    }
    // The writers' logs are kept only when something failed (an exception skips this).
    try (var files = Files.walk(logs)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void print(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
