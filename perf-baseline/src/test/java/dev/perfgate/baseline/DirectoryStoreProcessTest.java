package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash safety and concurrency with real child JVMs writing to one store. */
final class DirectoryStoreProcessTest {

  private static final BenchmarkKey KEY = BenchmarkKey.of("render");

  @TempDir
  Path dir;

  private static Process start(Path root, String writer, int runs, int limit, String mode) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), StoreWriterMain.class.getName(), root.toString(), writer,
        Integer.toString(runs), Integer.toString(limit), mode);
    pb.redirectErrorStream(true);
    pb.redirectOutput(root.resolveSibling(writer + ".log").toFile());
    return pb.start();
  }

  @Test
  void childKilledWhileSaving_leavesOnlyReadableFiles() throws Exception {
    Path root = dir.resolve("store");
    DirectoryBaselineStore store = BaselineStores.directory(root, 50);
    int kills = 0;
    for (int round = 0; round < 3; round++) {
      Process child = start(root, "crash" + round, 1_000_000, 50, "baseline");
      try {
        // Let it get going: wait until it has written a few runs, then kill it mid-loop.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive() && countOf(store, "crash" + round) < 5 + round * 3) {
          Thread.sleep(20);
        }
        assertTrue(child.isAlive(), "the writer ended before it was killed; see " + root.resolveSibling("crash" + round + ".log"));
      } finally {
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
      }
      kills++;
      // Every file left is readable, whatever moment the kill hit.
      List<Path> files = jsonFiles(root);
      assertEquals(List.of(root.resolve("render.json")), files);
      assertEquals(List.of(root.resolve("history/render.json")), jsonFiles(root.resolve("history")));
      assertTrue(store.baseline(KEY).isPresent());
      List<Result> history = store.history(KEY);
      assertFalse(history.isEmpty());
      // and the store goes on working, clearing what the dead writer left behind.
      store.append(Fixtures.rich(KEY, 99));
      try (Stream<Path> all = Files.walk(root)) {
        assertFalse(all.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary files left after a write");
      }
    }
    assertEquals(3, kills);
  }

  @Test
  void twoJvmsAppendingAtOnce_loseNoHistoryEntry() throws Exception {
    Path root = dir.resolve("shared");
    int runs = 25;
    Process a = start(root, "A", runs, 1000, "append");
    Process b = start(root, "B", runs, 1000, "append");
    try {
      assertTrue(a.waitFor(120, TimeUnit.SECONDS), "writer A did not finish");
      assertTrue(b.waitFor(120, TimeUnit.SECONDS), "writer B did not finish");
      assertEquals(0, a.exitValue(), "writer A failed: " + Files.readString(root.resolveSibling("A.log")));
      assertEquals(0, b.exitValue(), "writer B failed: " + Files.readString(root.resolveSibling("B.log")));
    } finally {
      a.destroyForcibly();
      b.destroyForcibly();
    }
    List<Result> history = BaselineStores.directory(root, 1000).history(KEY);
    Set<String> marks = new HashSet<>();
    for (Result r : history) {
      marks.addAll(r.warnings());
    }
    assertEquals(2 * runs, history.size());
    for (int i = 0; i < runs; i++) {
      assertTrue(marks.contains("A#" + i) && marks.contains("B#" + i), "lost run " + i + " of A or B");
    }
  }

  private static int countOf(DirectoryBaselineStore store, String writer) {
    try {
      int n = 0;
      for (Result r : store.history(KEY)) {
        if (!r.warnings().isEmpty() && r.warnings().get(0).startsWith(writer + "#")) {
          n++;
        }
      }
      return n;
    } catch (IOException e) {
      throw new AssertionError("a reader saw a broken file while a writer was running: " + e.getMessage(), e);
    }
  }

  private static List<Path> jsonFiles(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> all = Files.list(root)) {
      all.filter(p -> p.getFileName().toString().endsWith(".json")).forEach(out::add);
    }
    return out;
  }
}
