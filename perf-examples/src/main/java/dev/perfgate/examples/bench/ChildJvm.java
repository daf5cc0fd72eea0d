package dev.perfgate.examples.bench;

import dev.perfgate.examples.scenario.OwnJvm;
import dev.perfgate.generator.Settings;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM of a benchmark command: a fresh {@code java} with this module's runtime class path,
 * the parent's {@code perfgate.*} settings, the flags of {@code -Dbench.jvmArgs}, and a main class.
 * It stands for one CI run, so nothing of the parent's JIT state or heap reaches it.
 */
final class ChildJvm {
  /** Flags for every child, split at spaces, e.g. {@code -Dbench.jvmArgs="-Xmx512m"}. */
  static final String JVM_ARGS = "bench.jvmArgs";

  private final String mainClass;
  private final List<String> args = new ArrayList<>();
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final List<Path> extraClassPath = new ArrayList<>();
  private final List<String> flags = new ArrayList<>();
  private Path workingDirectory = Path.of(".");
  private Duration timeout = Duration.ofMinutes(15);

  private ChildJvm(String mainClass) {
    this.mainClass = mainClass;
  }

  static ChildJvm of(Class<?> main) {
    return new ChildJvm(main.getName());
  }

  static ChildJvm of(String mainClass) {
    return new ChildJvm(mainClass);
  }

  ChildJvm args(String... more) {
    args.addAll(List.of(more));
    return this;
  }

  ChildJvm property(String key, String value) {
    properties.put(key, value);
    return this;
  }

  ChildJvm flags(String... more) {
    flags.addAll(List.of(more));
    return this;
  }

  ChildJvm classPath(Path entry) {
    extraClassPath.add(entry);
    return this;
  }

  ChildJvm in(Path directory) {
    workingDirectory = directory;
    return this;
  }

  ChildJvm timeout(Duration limit) {
    timeout = limit;
    return this;
  }

  /** The command line, without running it (for the plumbing test and for the notes). */
  List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    String given = System.getProperty(JVM_ARGS, "").trim();
    if (!given.isEmpty()) {
      command.addAll(List.of(given.split("\\s+")));
    }
    System.getProperties().stringPropertyNames().stream().sorted()
        .filter(k -> k.startsWith(Settings.PREFIX) && !properties.containsKey(k))
        .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    List<String> entries = new ArrayList<>();
    extraClassPath.forEach(p -> entries.add(p.toAbsolutePath().toString()));
    entries.addAll(runtimeClassPath());
    command.add("-cp");
    command.add(String.join(File.pathSeparator, entries));
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /**
   * Runs the child to its end.
   *
   * @return its exit code, wall time and output
   * @throws IllegalStateException if it does not end within the timeout (it is killed)
   */
  Exit run() {
    Path log = null;
    try {
      Files.createDirectories(workingDirectory);
      log = Files.createTempFile("perfgate-bench-child-", ".log");
      ProcessBuilder pb = new ProcessBuilder(command()).directory(workingDirectory.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      long start = System.nanoTime();
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IllegalStateException("child " + mainClass + " " + args + " did not end within " + timeout
            + "; its output ends with:\n" + tail(Files.readAllLines(log, StandardCharsets.UTF_8), 20));
      }
      long wall = System.nanoTime() - start;
      return new Exit(p.exitValue(), wall, Files.readAllLines(log, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run child " + mainClass, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while child " + mainClass + " ran", e);
    } finally {
      if (log != null) {
        try {
          Files.deleteIfExists(log);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }

  /** What a child left: exit code, wall time from start to exit, and its output (stdout and stderr). */
  record Exit(int code, long wallNanos, List<String> output) {
    Exit {
      output = List.copyOf(output);
    }

    /** The run lines the child printed, in order. */
    List<RunLine> runLines() {
      return output.stream().map(RunLine::parse).flatMap(Optional::stream).toList();
    }

    String tail(int lines) {
      return ChildJvm.tail(output, lines);
    }
  }

  static String tail(List<String> lines, int n) {
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }

  /** This module's runtime class path, also under {@code exec:java} (see {@link OwnJvm#classPath()}). */
  static List<String> runtimeClassPath() {
    return OwnJvm.classPath();
  }

}
