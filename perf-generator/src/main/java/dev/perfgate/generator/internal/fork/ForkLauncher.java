package dev.perfgate.generator.internal.fork;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Result;
import dev.perfgate.generator.internal.Ticker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts one child JVM, waits for it within a timeout and reads back what it measured. The child's
 * standard input is a pipe from this JVM that is never written: when this JVM ends, however it ends
 * ({@code kill -9} included), the operating system closes the pipe and the child halts on its own
 * (see {@link ForkedMain}); a shutdown hook also destroys the children still running.
 */
public final class ForkLauncher {
  /** Lines of a failed child's output quoted in its error. */
  static final int TAIL_LINES = 20;

  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Thread hook = new Thread(() -> LIVE.forEach(Process::destroyForcibly), "perfgate-fork-reaper");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  private ForkLauncher() {}

  /**
   * What one fork gave back.
   *
   * @param fork the fork's number, from 0
   * @param results the results it wrote, by variant
   * @param failure why the fork did not give a result for every variant, with the tail of its output
   * @param elapsed how long the fork took, start of the JVM included
   * @param probeFailures the probes that threw in the fork, by variant, then by probe id with what failed
   */
  public record Outcome(int fork, Map<BenchmarkKey, Result> results, Optional<String> failure, Duration elapsed,
      Map<BenchmarkKey, Map<String, String>> probeFailures) {

    /** What a fork gave back where no probe threw. */
    public Outcome(int fork, Map<BenchmarkKey, Result> results, Optional<String> failure, Duration elapsed) {
      this(fork, results, failure, elapsed, Map.of());
    }
  }

  /**
   * Runs one fork.
   *
   * @param request what the fork is to measure; its output directory is made here
   * @param keys the variants it must give back
   * @param properties system properties for the child (the {@code perfgate.*} settings)
   * @param jvmArgs the user's extra JVM flags
   * @param timeout the longest the fork may take, JVM start included
   * @return what came back
   */
  public static Outcome run(int fork, int forks, ForkEntry entry, int ordinal, List<BenchmarkKey> keys,
      Map<String, String> properties, List<String> jvmArgs, Duration timeout) {
    String name = "fork " + (fork + 1) + " of " + forks;
    long start = Ticker.system().read();
    Path dir;
    try {
      dir = Files.createTempDirectory("perfgate-fork-");
    } catch (IOException e) {
      return new Outcome(fork, Map.of(), Optional.of(name + " could not start: no temporary directory: " + e),
          Duration.ZERO);
    }
    try {
      Path out = dir.resolve("results");
      Path log = dir.resolve("output.log");
      ForkRequest request = new ForkRequest(fork, forks, entry, ordinal, keys.stream().map(Object::toString).toList(), out);
      request.write(dir.resolve("request.properties"));
      Map<String, String> props = new LinkedHashMap<>(properties);
      props.put(ForkRequest.PROPERTY, dir.resolve("request.properties").toString());
      List<String> command = JvmCommand.of(dir.resolve("java.args"), props, jvmArgs, ForkedMain.class.getName(), List.of());
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
      // The parent's flags are already in the argument file (filtered); the child must not read them twice.
      pb.environment().remove("JAVA_TOOL_OPTIONS");
      pb.environment().remove("JDK_JAVA_OPTIONS");
      pb.environment().remove("_JAVA_OPTIONS");
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        return new Outcome(fork, Map.of(), Optional.of(name + " could not start " + command + ": " + e), elapsed(start));
      }
      LIVE.add(p);
      String failure = null;
      try {
        if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          failure = name + " (pid " + p.pid() + ") did not finish within " + seconds(timeout) + " and was stopped";
        } else if (p.exitValue() != 0) {
          failure = name + " (pid " + p.pid() + ") " + exit(p.exitValue(), read(log));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
        failure = name + " was interrupted";
      } finally {
        LIVE.remove(p);
        try {
          p.getOutputStream().close();
        } catch (IOException ignored) {
          // the child is gone; its end of the pipe closed with it
        }
      }
      Map<BenchmarkKey, Result> results = new LinkedHashMap<>();
      Map<BenchmarkKey, Map<String, String>> probeFailures = new LinkedHashMap<>();
      List<BenchmarkKey> missing = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        BenchmarkKey k = keys.get(i);
        try {
          Optional<ForkResults.Measured> m = ForkResults.read(out, i);
          if (m.isPresent()) {
            results.put(k, m.get().result());
            if (!m.get().probeFailures().isEmpty()) {
              probeFailures.put(k, m.get().probeFailures());
            }
          } else {
            missing.add(k);
          }
        } catch (IOException | RuntimeException e) {
          missing.add(k);
          failure = (failure == null ? name : failure) + "; its result of " + k + " cannot be read: " + e.getMessage();
        }
      }
      if (failure == null && !missing.isEmpty()) {
        failure = name + " (pid " + p.pid() + ") ended without a result for " + missing;
      }
      String problem = read(ForkedMain.problemFile(out));
      if (failure != null && !problem.isEmpty()) {
        failure = failure + ": " + problem;
      }
      return new Outcome(fork, results, Optional.ofNullable(failure).map(f -> f + tail(log)), elapsed(start),
          probeFailures);
    } finally {
      delete(dir);
    }
  }

  /** The exit in words; the output tells a crash and an exhausted heap from a plain exit. */
  static String exit(int code, String output) {
    String why;
    if (output.contains("A fatal error has been detected by the Java Runtime Environment")) {
      why = "crashed (the JVM's fatal error report is in its output)";
    } else if (output.contains("java.lang.OutOfMemoryError")) {
      why = "ran out of memory";
    } else if (code > 128 && code < 160) {
      why = "was killed by signal " + (code - 128) + (code - 128 == 9 ? " (SIGKILL: the system ran out of memory,"
          + " or someone killed it)" : "");
    } else {
      why = "exited (System.exit, or an exception nothing caught)";
    }
    return why + " with exit code " + code;
  }

  private static String read(Path log) {
    try {
      // Lenient decoding: a crash may leave half a character at the end.
      return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  private static String tail(Path log) {
    List<String> lines = read(log).lines().toList();
    List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
    return last.isEmpty() ? "; it printed nothing" : "; its last output:\n    " + String.join("\n    ", last);
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(Ticker.system().read() - start);
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
