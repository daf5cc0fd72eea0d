package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.baseline.internal.JsonDirectoryStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The directory store against hostile names, hung writers, symbolic links and Jackson's limits. */
final class DirectoryStoreHardeningTest {

  private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])");

  @TempDir
  Path dir;

  private DirectoryBaselineStore store() {
    return BaselineStores.directory(dir.resolve("store"));
  }

  @Test
  void file_namesDifferingOnlyInAnUnpairedSurrogate_getTheirOwnFilesAndKeepTheirRuns() throws IOException {
    DirectoryBaselineStore store = store();
    List<String> names = List.of("a\uD800", "a\uDC00", "a\uDBFF", "a?", "a\uD83D\uDE00");
    Set<Path> files = new HashSet<>();
    for (String name : names) {
      files.add(store.file(BenchmarkKey.of(name)));
    }
    assertEquals(names.size(), files.size(), files.toString());
    for (int i = 0; i < names.size(); i++) {
      store.saveBaseline(Fixtures.result(BenchmarkKey.of(names.get(i)), Metric.WALL_TIME, 100 + i, 101 + i));
    }
    for (int i = 0; i < names.size(); i++) {
      BenchmarkKey key = BenchmarkKey.of(names.get(i));
      assertEquals(100 + i, store.baseline(key).orElseThrow().trialValues(Metric.WALL_TIME)[0], 1e-9, names.get(i));
    }
  }

  @Test
  void file_namesThatSharedThe32BitHash_getTheirOwnFiles() {
    DirectoryBaselineStore store = store();
    Path a = store.file(BenchmarkKey.of("r+*@$  "));
    Path b = store.file(BenchmarkKey.of("r#,$&  "));
    assertFalse(a.equals(b), a + " and " + b);
    assertTrue(a.getFileName().toString().matches("r______--[0-9a-f]{16}\\.json"), a.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"aux.txt", "nul.json", "prn.", "COM1.log", "lpt9.x", "con", "Aux", "nul.tar.gz"})
  void file_windowsDeviceNames_neverStartTheFileName(String name) {
    String file = store().file(BenchmarkKey.of(name)).getFileName().toString();
    String stem = file.contains(".") ? file.substring(0, file.indexOf('.')) : file;
    assertFalse(WINDOWS_DEVICE.matcher(stem).matches(), name + " -> " + file);
    assertTrue(file.startsWith("_"), file);
  }

  @Test
  void read_aFileOfAnotherBenchmark_namesBothBenchmarksApartAndSuggestsNoDeletion() throws IOException {
    DirectoryBaselineStore store = store();
    BenchmarkKey a = BenchmarkKey.of("a\uD800");
    BenchmarkKey b = BenchmarkKey.of("a?");
    store.saveBaseline(Fixtures.result(a, Metric.WALL_TIME, 100, 101));
    byte[] before = Files.readAllBytes(store.file(a));
    // As if two names shared the hash: the file of a under b's name.
    Files.copy(store.file(a), store.file(b));
    IOException e = assertThrows(IOException.class,
        () -> store.saveBaseline(Fixtures.result(b, Metric.WALL_TIME, 1, 2)));
    assertTrue(e.getMessage().contains("\"a\\uD800\"") && e.getMessage().contains("\"a?\""), e.getMessage());
    assertFalse(e.getMessage().contains("delete"), e.getMessage());
    assertTrue(e.getMessage().contains("rename one of the benchmarks"), e.getMessage());
    assertEquals(new String(before, StandardCharsets.UTF_8),
        Files.readString(store.file(b), StandardCharsets.UTF_8), "the file was changed");
  }

  @Test
  void read_aFileUnderItsPerfgate01Name_isReadAndMovedToTheNewNameOnTheNextWrite() throws IOException {
    Path root = dir.resolve("store");
    DirectoryBaselineStore store = store();
    BenchmarkKey key = BenchmarkKey.of("Render Page");
    store.saveBaseline(Fixtures.result(key, Metric.WALL_TIME, 100, 101));
    // The name Perfgate 0.1 gave it: 32 bits of SHA-256 over the UTF-8 bytes.
    Path legacy = root.resolve("render_page--" + legacyHash("Render Page") + ".json");
    Files.move(store.file(key), legacy);
    assertEquals(100, store.baseline(key).orElseThrow().trialValues(Metric.WALL_TIME)[0], 1e-9);
    store.append(Fixtures.result(key, Metric.WALL_TIME, 102, 103));
    assertFalse(Files.exists(legacy), "the old file was not moved");
    assertEquals(100, store.baseline(key).orElseThrow().trialValues(Metric.WALL_TIME)[0], 1e-9);
    assertEquals(1, store.history(key).size());
  }

  private static String legacyHash(String name) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void append_throughASymbolicLinkAndTheRealPathAtOnce_losesNothingAndThrowsNothing() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    DirectoryBaselineStore viaReal = BaselineStores.directory(real, 1000);
    DirectoryBaselineStore viaLink = BaselineStores.directory(link, 1000);
    BenchmarkKey key = BenchmarkKey.of("render");
    int each = 40;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (DirectoryBaselineStore s : List.of(viaReal, viaLink)) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            s.append(Fixtures.result(key, Metric.WALL_TIME, 100 + i, 101 + i));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2 * each, viaReal.history(key).size());
  }

  @Test
  void append_whileAnotherProcessHangsHoldingTheLock_failsAfterTheWaitNamingTheLockAndTheHolder() throws Exception {
    Path root = Files.createDirectories(dir.resolve("store"));
    Path lockFile = root.resolve(".lock");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process holder = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), LockHolderMain.class.getName(), lockFile.toString())
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("locked", out.readLine(), "the holder did not take the lock");
      DirectoryBaselineStore store = new JsonDirectoryStore(root, 100, Duration.ofMillis(500));
      long start = System.nanoTime();
      IOException e = assertThrows(IOException.class,
          () -> store.append(Fixtures.result(BenchmarkKey.of("render"), Metric.WALL_TIME, 1, 2)));
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(waited >= 450, "gave up after " + waited + " ms");
      assertTrue(e.getMessage().contains(lockFile.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("process " + holder.pid() + " (the hung holder)"), e.getMessage());
    } finally {
      holder.destroyForcibly();
      holder.waitFor(30, TimeUnit.SECONDS);
    }
    // The lock dies with its process: the store goes on.
    store().append(Fixtures.result(BenchmarkKey.of("render"), Metric.WALL_TIME, 1, 2));
  }

  @Test
  void lockTimeout_notPositive_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new JsonDirectoryStore(dir, 10, Duration.ZERO));
    assertTrue(e.getMessage().contains("lock timeout (PT0S) must be positive"), e.getMessage());
  }

  @Test
  void savedFiles_followTheUmaskLikeAnyFileTheUserWrites() throws IOException {
    DirectoryBaselineStore store = store();
    BenchmarkKey key = BenchmarkKey.of("render");
    store.saveBaseline(Fixtures.result(key, Metric.WALL_TIME, 100, 101));
    Path probe = Files.createFile(dir.resolve("plain-file"));
    Set<PosixFilePermission> plain = Files.getPosixFilePermissions(probe);
    assertEquals(plain, Files.getPosixFilePermissions(store.file(key)));
  }

  @Test
  void corruptFile_nestedDeeperThanJacksonAllows_namesTheLine() throws IOException {
    assertLineNamed("{\"formatVersion\": 1,\n\"key\": " + "[".repeat(1_500) + "]".repeat(1_500) + "}");
  }

  @Test
  void corruptFile_stringLongerThanJacksonAllows_namesTheLine() throws IOException {
    assertLineNamed("{\"formatVersion\": 1,\n\"key\": \"" + "x".repeat(20_000_001) + "\"}");
  }

  @Test
  void corruptFile_numberLongerThanJacksonAllows_namesTheLine() throws IOException {
    assertLineNamed("{\"formatVersion\": 1,\n\"key\": " + "9".repeat(2_000) + "}");
  }

  private void assertLineNamed(String content) throws IOException {
    DirectoryBaselineStore store = store();
    BenchmarkKey key = BenchmarkKey.of("render");
    Files.createDirectories(store.root());
    Files.writeString(store.file(key), content, StandardCharsets.UTF_8);
    IOException e = assertThrows(IOException.class, () -> store.baseline(key));
    String m = e.getMessage();
    assertTrue(m.contains(store.file(key).toString()), m);
    assertTrue(m.toLowerCase(Locale.ROOT).contains("at line 2"), m.substring(0, Math.min(m.length(), 400)));
  }
}
