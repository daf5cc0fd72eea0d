package dev.perfgate.baseline;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The directory store under real crashes, real concurrency and hostile files: writer JVMs
 * ({@link DirectoryWriterMain}) killed with {@code destroyForcibly} (SIGKILL) at random moments while
 * they write, several JVMs appending to one variant at once, and store files mutated at random
 * (bytes flipped, cut, doubled, digits and quotes changed) then read and written through the store.
 * Shared by the quick test in the build ({@link DirectoryTortureTest}) and the benchmark command
 * ({@link DirectoryStoreTorture}); every figure is counted here, on the real file system.
 */
final class DirectoryTorture {
  private DirectoryTorture() {}

  /** Writers killed while writing. */
  record Kills(int kills, int killedInFlight, int acknowledged, int stored, int lostAcknowledged, int unreadable,
      int partial, long millis) {}

  /** Concurrent appends from several JVMs. */
  record Appends(int processes, int each, int stored, int lost, int duplicated, int partial, long millis) {}

  /**
   * Mutated files: how many were read whole, how many refused with the documented
   * {@link IOException} naming the file, how many threw anything else (a crash), how many refused
   * files a write changed, and how many refusals did not name the file.
   */
  record Mutations(int files, int read, int refused, int crashed, int modified, int unnamed, List<String> crashes) {}

  static Result rename(Result r, BenchmarkKey key) {
    return new Result(key, r.trials(), r.notMeasured(), r.warnings(), r.error(), r.environment(), r.startedAt(),
        r.elapsed());
  }

  static Process writer(Path root, String variant, String writer, int runs, int limit, String mode, Path log)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), DirectoryWriterMain.class.getName(), root.toString(), variant, writer,
        Integer.toString(runs), Integer.toString(limit), mode);
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return pb.start();
  }

  /**
   * Starts a writer, lets it write (appends, and every second run a baseline), kills it with SIGKILL
   * at a random moment, and checks the store after each kill: every file reads, every stored run is
   * whole, every acknowledged run is there. Fifty kills share a variant, so that its history grows
   * to a few hundred runs and the kills hit writes of files of every size up to that.
   */
  static Kills kills(Path root, int kills, Path logs, long seed) throws Exception {
    DirectoryBaselineStore store = BaselineStores.directory(root, 1_000_000);
    Random random = new Random(seed);
    long start = System.nanoTime();
    int inFlight = 0;
    int acknowledged = 0;
    int lostAcknowledged = 0;
    int unreadable = 0;
    for (int k = 0; k < kills; k++) {
      String name = "K" + k;
      BenchmarkKey key = BenchmarkKey.of("torture-" + k / 50);
      Path log = logs.resolve(name + ".log");
      Process w = writer(root, key.name(), name, 1_000_000, 1_000_000, "baseline", log);
      try {
        // Kill it once it writes steadily (past the JVM's start), at a random moment of the next writes.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && w.isAlive() && !Files.readString(log).contains("ok 1\n")) {
          Thread.sleep(2);
        }
        if (!w.isAlive()) {
          throw new AssertionError("writer " + name + " ended before it was killed: " + Files.readString(log));
        }
        Thread.sleep(random.nextInt(30));
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
      if (!last.startsWith("ok ")) {
        inFlight++;
      }
      acknowledged += acked.size();
      List<Result> history;
      try {
        history = store.history(key);
        store.baselines(key);
      } catch (IOException e) {
        unreadable++;
        continue;
      }
      Set<Integer> stored = new HashSet<>();
      for (Result r : history) {
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
      Files.deleteIfExists(log);
      if ((k + 1) % 100 == 0) {
        // A long run reports as it goes, so that a figure exists even if it must be stopped early.
        System.err.printf(java.util.Locale.ROOT, "after %d kills: %d in a write, %d acknowledged, %d acknowledged lost,"
            + " %d unreadable, %.0f s%n", k + 1, inFlight, acknowledged, lostAcknowledged, unreadable,
            (System.nanoTime() - start) / 1e9);
      }
    }
    // Every stored run, read again at the end, is whole: equal to what its writer wrote.
    int partial = 0;
    int runs = 0;
    for (int v = 0; v <= (kills - 1) / 50; v++) {
      BenchmarkKey key = BenchmarkKey.of("torture-" + v);
      List<Result> all = new ArrayList<>(store.history(key));
      all.addAll(store.baselines(key));
      for (Result r : all) {
        runs++;
        if (!r.equals(expected(r.warnings().get(0), key))) {
          partial++;
        }
      }
    }
    return new Kills(kills, inFlight, acknowledged, runs, lostAcknowledged, unreadable, partial,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  private static Result expected(String mark, BenchmarkKey key) {
    int hash = mark.lastIndexOf('#');
    return rename(JdbcTorture.run(mark.substring(0, hash), Integer.parseInt(mark.substring(hash + 1))), key);
  }

  /** {@code processes} JVMs append {@code each} runs at once to one variant of an empty directory. */
  static Appends concurrentAppends(Path root, int processes, int each, Path logs) throws Exception {
    long start = System.nanoTime();
    List<Process> writers = new ArrayList<>();
    BenchmarkKey key = BenchmarkKey.of("appends");
    try {
      for (int p = 0; p < processes; p++) {
        writers.add(writer(root, key.name(), "W" + p, each, processes * each, "append", logs.resolve("W" + p + ".log")));
      }
      for (int p = 0; p < processes; p++) {
        Process w = writers.get(p);
        if (!w.waitFor(1200, TimeUnit.SECONDS) || w.exitValue() != 0) {
          throw new AssertionError("writer W" + p + " failed or hung: " + Files.readString(logs.resolve("W" + p + ".log")));
        }
      }
    } finally {
      writers.forEach(Process::destroyForcibly);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    List<Result> history = BaselineStores.directory(root, processes * each).history(key);
    Set<String> marks = new HashSet<>();
    int partial = 0;
    for (Result r : history) {
      String mark = r.warnings().get(0);
      marks.add(mark);
      if (!r.equals(expected(mark, key))) {
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
    for (int p = 0; p < processes; p++) {
      Files.deleteIfExists(logs.resolve("W" + p + ".log"));
    }
    return new Appends(processes, each, history.size(), lost, history.size() - marks.size(), partial, millis);
  }

  /**
   * Writes {@code files} mutations of a real baseline file and history file (two environments,
   * three runs) into a store, one at a time, and through the store reads them (baseline, baselines,
   * history) and writes over them (append, save a baseline). A file that reads whole may be
   * rewritten; a file refused must be refused with an {@link IOException} that names it, by every
   * call, and keep its bytes.
   */
  static Mutations mutations(Path dir, int files, long seed) throws Exception {
    BenchmarkKey key = BenchmarkKey.of("mutant");
    Path template = dir.resolve("template");
    DirectoryBaselineStore t = BaselineStores.directory(template);
    for (int i = 0; i < 3; i++) {
      Result r = rename(JdbcTorture.run("M", i), key);
      t.append(r);
      t.saveBaseline(r);
    }
    t.saveBaseline(rename(Fixtures.rich(key, 7), key));
    t.saveBaseline(new Result(key, Fixtures.rich(key, 8).trials(), java.util.Map.of(), List.of("other"),
        java.util.Optional.empty(), Fixtures.otherEnvironment(), java.time.Instant.parse("2026-12-01T12:00:00Z"),
        java.time.Duration.ofSeconds(1)));
    byte[][] originals = {Files.readAllBytes(t.file(key)), Files.readAllBytes(t.historyFile(key))};
    Random random = new Random(seed);
    int read = 0;
    int refused = 0;
    int crashed = 0;
    int modified = 0;
    int unnamed = 0;
    List<String> crashes = new ArrayList<>();
    Path root = dir.resolve("mutants");
    for (int n = 0; n < files; n++) {
      deleteTree(root);
      DirectoryBaselineStore store = BaselineStores.directory(root);
      boolean history = random.nextBoolean();
      Path target = history ? store.historyFile(key) : store.file(key);
      Files.createDirectories(target.getParent());
      byte[] mutant = mutate(originals[history ? 1 : 0], random);
      Files.write(target, mutant);
      boolean refusedHere = false;
      List<StoreCall> calls = List.of(() -> store.baseline(key), () -> store.baselines(key), () -> store.history(key),
          () -> store.baseline(key, Fixtures.environment()), () -> {
            store.append(rename(JdbcTorture.run("X", 0), key));
            return null;
          }, () -> {
            store.saveBaseline(rename(JdbcTorture.run("X", 1), key));
            return null;
          });
      boolean crashedHere = false;
      for (StoreCall call : calls) {
        try {
          call.run();
        } catch (IOException e) {
          refusedHere = true;
          if (e.getMessage() == null || !e.getMessage().contains(target.getFileName().toString())) {
            unnamed++;
          }
        } catch (RuntimeException | StackOverflowError e) {
          crashedHere = true;
          if (crashes.size() < 10) {
            crashes.add(e.toString());
          }
        }
      }
      if (crashedHere) {
        crashed++;
      } else if (refusedHere) {
        refused++;
        if (!Arrays.equals(mutant, Files.readAllBytes(target))) {
          modified++;
        }
      } else {
        read++;
      }
    }
    deleteTree(root);
    deleteTree(template);
    return new Mutations(files, read, refused, crashed, modified, unnamed, crashes);
  }

  @FunctionalInterface
  private interface StoreCall {
    Object run() throws IOException;
  }

  /** One to three random edits: a byte changed, a range cut, a range doubled, a digit or a structural character swapped. */
  static byte[] mutate(byte[] original, Random random) {
    byte[] b = original.clone();
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int at = random.nextInt(b.length);
      switch (random.nextInt(6)) {
        case 0 -> b[at] = (byte) random.nextInt(256);
        case 1 -> {
          int len = 1 + random.nextInt(Math.min(200, b.length - at));
          byte[] cut = new byte[b.length - len];
          System.arraycopy(b, 0, cut, 0, at);
          System.arraycopy(b, at + len, cut, at, b.length - at - len);
          b = cut;
        }
        case 2 -> {
          int len = 1 + random.nextInt(Math.min(200, b.length - at));
          byte[] twice = new byte[b.length + len];
          System.arraycopy(b, 0, twice, 0, at + len);
          System.arraycopy(b, at, twice, at + len, b.length - at);
          b = twice;
        }
        case 3 -> b = Arrays.copyOf(b, at);
        case 4 -> {
          // A digit to another digit or a minus: a number that still parses, with another value.
          for (int i = at; i < b.length; i++) {
            if (b[i] >= '0' && b[i] <= '9') {
              b[i] = (byte) "0123456789-".charAt(random.nextInt(11));
              break;
            }
          }
        }
        default -> {
          byte[] structural = "{}[]\",:n".getBytes(StandardCharsets.US_ASCII);
          b[at] = structural[random.nextInt(structural.length)];
        }
      }
    }
    return b;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
