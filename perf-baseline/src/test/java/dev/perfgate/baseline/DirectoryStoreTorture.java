package dev.perfgate.baseline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The directory store's torture, as a benchmark command with figures (not a test; the build runs
 * the small version, {@link DirectoryTortureTest}). From the project root:
 *
 * <pre>
 * ./mvnw -o -q -pl perf-baseline -am test-compile
 * M=~/.m2/repository
 * java -cp perf-baseline/target/test-classes:perf-baseline/target/classes:perf-api/target/classes:\
 * $M/com/fasterxml/jackson/core/jackson-databind/2.21.8/jackson-databind-2.21.8.jar:\
 * $M/com/fasterxml/jackson/core/jackson-core/2.21.8/jackson-core-2.21.8.jar:\
 * $M/com/fasterxml/jackson/core/jackson-annotations/2.21/jackson-annotations-2.21.jar \
 *   dev.perfgate.baseline.DirectoryStoreTorture [kills processes appends mutations]
 * </pre>
 *
 * Defaults: 1,000 kills mid-write, 4 processes x 250 concurrent appends, 10,000 mutated files. The
 * store lives in a new directory under {@code java.io.tmpdir}; the load average is printed with
 * the figures.
 */
final class DirectoryStoreTorture {
  private DirectoryStoreTorture() {}

  public static void main(String[] args) throws Exception {
    int kills = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int processes = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int appends = args.length > 2 ? Integer.parseInt(args[2]) : 250;
    int mutations = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
    Path dir = Files.createTempDirectory("perfgate-dir-torture-");
    Path logs = Files.createDirectories(dir.resolve("logs"));
    print("directory store in %s (%s), java %s, %d cores, load average %.1f", dir, Files.getFileStore(dir).type(),
        Runtime.version(), Runtime.getRuntime().availableProcessors(), loadAverage());
    if (mutations > 0) {
      DirectoryTorture.Mutations m = DirectoryTorture.mutations(dir.resolve("m"), mutations, 2026);
      print("mutated files: %d files, %d read whole, %d refused with the documented IOException, %d crashes (other"
          + " exceptions), %d refused files modified, %d refusals not naming the file%s", m.files(), m.read(),
          m.refused(), m.crashed(), m.modified(), m.unnamed(), m.crashes().isEmpty() ? "" : "; crashes: " + m.crashes());
    }
    if (processes > 0 && appends > 0) {
      DirectoryTorture.Appends a = DirectoryTorture.concurrentAppends(dir.resolve("a"), processes, appends, logs);
      print("concurrent appends: %d processes x %d = %d appended, %d stored, %d lost, %d duplicated, %d partial,"
          + " %.1f s (%.0f appends/s); load average %.1f", a.processes(), a.each(), a.processes() * a.each(),
          a.stored(), a.lost(), a.duplicated(), a.partial(), a.millis() / 1e3,
          a.processes() * a.each() / (a.millis() / 1e3), loadAverage());
    }
    if (kills > 0) {
      DirectoryTorture.Kills k = DirectoryTorture.kills(dir.resolve("k"), kills, logs, 2026);
      print("kills (SIGKILL of a writer mid-loop): %d kills, %d of them inside a write, %d appends acknowledged,"
          + " %d runs stored, %d acknowledged lost, %d times a file was unreadable, %d partial runs, %.0f s;"
          + " load average %.1f", k.kills(), k.killedInFlight(), k.acknowledged(), k.stored(), k.lostAcknowledged(),
          k.unreadable(), k.partial(), k.millis() / 1e3, loadAverage());
    }
    // Everything is deleted only when all went well (an exception skips this), so a failure keeps the evidence.
    DirectoryTorture.deleteTree(dir);
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void print(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
