package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import dev.perfgate.baseline.internal.FormatVersion1;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, defect 7: a stored run of 8 trials x 5 samples with the default metrics takes at most a
 * third of the bytes format version 1 took (what one more run adds to the history, and a history of
 * 19 runs with its baseline, the example), and the file stays one line per trial. The sizes
 * are those of the files the store really writes, printed for the record; format version 1 is
 * written by {@link FormatVersion1}, byte for byte what Perfgate 0.1 wrote.
 */
final class DirectoryStoreSizeTest {

  private static final BenchmarkKey KEY = BenchmarkKey.of("render");

  @TempDir
  Path dir;

  /** A run as the runner stores it: 8 trials of 5 samples, each with time.wall, time.cpu and alloc.bytes. */
  static Result run(Environment env, int seed) {
    Random r = new Random(seed);
    List<Trial> trials = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      List<Sample> samples = new ArrayList<>();
      for (int s = 0; s < 5; s++) {
        long ops = 1_000 + r.nextInt(50_000);
        long elapsed = 100_000_000 + r.nextInt(20_000_000);
        double wall = (double) elapsed / ops;
        samples.add(new Sample(ops, elapsed, Map.of(Metric.WALL_TIME, wall,
            Metric.CPU_TIME, wall * (0.9 + 0.1 * r.nextDouble()), Metric.ALLOCATED_BYTES, 1016.0 + 8 * r.nextInt(4))));
      }
      trials.add(new Trial(t, samples, Map.of()));
    }
    return new Result(KEY, trials, Map.of(), List.of(), Optional.empty(), env,
        Instant.parse("2026-11-26T12:00:00Z").plusSeconds(seed), Duration.ofMillis(4_000 + seed));
  }

  @Test
  void storedRun_8TrialsOf5Samples_takesAtMostAThirdOfFormatVersion1() throws IOException {
    List<String> tooLarge = new ArrayList<>();
    for (Environment env : List.of(Fixtures.environment(), Environment.current())) {
      for (int runs : new int[] {1, 19}) {
        Path root = dir.resolve(env.fingerprint() + "-" + runs);
        DirectoryBaselineStore store = BaselineStores.directory(root);
        List<Result> history = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          history.add(run(env, i));
          store.append(history.get(i));
        }
        long historyBefore = Files.size(store.historyFile(KEY));
        store.saveBaseline(history.get(0));
        assertEquals(history, store.history(KEY), "the history round-trips");
        assertEquals(Optional.of(history.get(0)), store.baseline(KEY));

        Instant now = Instant.now();
        long before = FormatVersion1.bytes(history.get(0), history, now).length;
        long after = Files.size(store.file(KEY)) + Files.size(store.historyFile(KEY));
        // One run beside its baseline is printed, not judged: the two files' fixed headers (key, metric
        // table, environment) weigh as much as a sixth of a run, and vary with the machine's names.
        report(runs > 1 ? tooLarge : new ArrayList<>(), String.format("%3d run(s) in the history + a baseline", runs),
            env, before, after);
        if (runs > 1) {
          // What one more run adds to the history: the growth of the file in each format.
          long v1Run = before - FormatVersion1.bytes(history.get(0), history.subList(0, runs - 1), now).length;
          Path other = dir.resolve(env.fingerprint() + "-" + runs + "-less");
          DirectoryBaselineStore shorter = BaselineStores.directory(other);
          for (Result r : history.subList(0, runs - 1)) {
            shorter.append(r);
          }
          long v2Run = historyBefore - Files.size(shorter.historyFile(KEY));
          report(tooLarge, String.format("one run appended to %3d", runs - 1), env, v1Run, v2Run);
        }
      }
    }
    assertTrue(tooLarge.isEmpty(), "format 2 takes more than a third of format 1: " + tooLarge);
  }

  private static void report(List<String> tooLarge, String what, Environment env, long before, long after) {
    String line = String.format("store size, %s, runs of 8 trials x 5 samples, environment %s with %d JVM"
        + " arguments: format 1 %,d bytes, format 2 %,d bytes (%.1f %%)", what, env.fingerprint(),
        env.jvmArguments().size(), before, after, 100.0 * after / before);
    System.out.println(line);
    if (3 * after > before) {
      tooLarge.add(line);
    }
  }

  @Test
  void historyFile_hasOneLinePerTrialAndNamesTheMetricsOnce() throws IOException {
    DirectoryBaselineStore store = BaselineStores.directory(dir.resolve("lines"));
    store.append(run(Fixtures.environment(), 1));
    String json = Files.readString(store.historyFile(KEY));
    List<String> trialLines = json.lines().filter(l -> l.trim().startsWith("[[")).toList();
    assertEquals(8, trialLines.size(), json);
    assertTrue(trialLines.get(0).matches(" *\\[\\[\\d+,\\d+,\\d+,[0-9.E]+,[0-9.E]+\\],\\[.*"), trialLines.get(0));
    // The metric names appear in the metric table and once in the run's column header, not per sample.
    assertEquals(2, json.split("\"time.wall\"", -1).length - 1, json);
    assertTrue(json.contains("\"columns\": [\"operations\",\"elapsedNanos\",\"alloc.bytes\",\"time.cpu\",\"time.wall\"]"),
        json);
    assertTrue(json.lines().count() < 40, "a run is a few dozen lines: " + json.lines().count());
  }
}
