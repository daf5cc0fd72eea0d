package dev.perfgate.generator.internal.fork;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The command line of a child JVM: the parent's {@code java}, class path and JVM flags (without the
 * ones that cannot be shared by two JVMs or would skew the child), the given system properties and the
 * user's extra flags. Everything but the executable goes into an argument file, so that a class path
 * longer than the operating system's command line limit still works.
 */
public final class JvmCommand {
  private JvmCommand() {}

  /**
   * The full command.
   *
   * @param argFile where to write the argument file
   * @param properties system properties for the child ({@code -Dkey=value})
   * @param jvmArgs the user's extra flags, after the parent's so that they win
   * @param mainClass the child's main class
   * @param args the main class's arguments
   * @return the command: the java executable and {@code @argFile}
   */
  public static List<String> of(Path argFile, Map<String, String> properties, List<String> jvmArgs,
      String mainClass, List<String> args) {
    List<String> all = new ArrayList<>(inherited(ManagementFactory.getRuntimeMXBean().getInputArguments()));
    properties.forEach((k, v) -> all.add("-D" + k + "=" + v));
    all.addAll(jvmArgs);
    all.add("-cp");
    all.add(String.join(File.pathSeparator, classPath(System.getProperty("java.class.path", ""))));
    all.add(mainClass);
    all.addAll(args);
    StringBuilder text = new StringBuilder();
    for (String a : all) {
      text.append(quote(a)).append('\n');
    }
    try {
      Files.writeString(argFile, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the argument file of a forked JVM, " + argFile + ": " + e, e);
    }
    return List.of(javaExecutable(), "@" + argFile.toAbsolutePath());
  }

  /** The {@code java} of this JVM, so that the child runs the same version with the same modules. */
  static String javaExecutable() {
    String exe = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "java.exe" : "java";
    return Path.of(System.getProperty("java.home"), "bin", exe).toString();
  }

  /**
   * The parent's flags a child may share. Left out: debugger agents (the child would try to listen
   * on the same port and stop the start), flight recordings and log files (two JVMs would write the
   * same file, and a recording skews the child's figures), and the {@code perfgate.*} properties,
   * which are passed with their current values instead.
   *
   * @param flags the parent's input arguments
   * @return those to give the child, in order
   */
  public static List<String> inherited(List<String> flags) {
    List<String> kept = new ArrayList<>();
    for (String f : flags) {
      if (!dropped(f)) {
        kept.add(f);
      }
    }
    return kept;
  }

  private static boolean dropped(String f) {
    String lower = f.toLowerCase(Locale.ROOT);
    if (f.startsWith("-agentlib:jdwp") || f.startsWith("-Xrunjdwp") || f.equals("-Xdebug")) {
      return true;
    }
    if (f.startsWith("-javaagent:") && (lower.contains("debugger-agent") || lower.contains("idea_rt")
        || lower.contains("captureagent") || lower.contains("jdwp"))) {
      return true;
    }
    if (f.startsWith("-XX:StartFlightRecording") || f.startsWith("-XX:FlightRecorderOptions")
        || f.equals("-XX:+FlightRecorder")) {
      return true;
    }
    if (f.startsWith("-Xloggc") || f.equals("-XX:+LogCompilation") || f.startsWith("-XX:LogFile=")
        || f.equals("-XX:+LogVMOutput")) {
      return true;
    }
    if (f.startsWith("-Xlog:")) {
      // -Xlog:what[:output[:decorators...]]: an output other than the console is a file.
      String[] parts = f.substring("-Xlog:".length()).split(":", -1);
      return parts.length >= 2 && !parts[1].isEmpty() && !parts[1].equals("stdout") && !parts[1].equals("stderr");
    }
    return f.startsWith("-Dperfgate.");
  }

  /**
   * The class path entries, with a manifest-only jar (Maven Surefire's booter, which holds nothing
   * but a {@code Class-Path} of the real entries) replaced by its entries: the booter jar is deleted
   * when the test JVM ends, and its relative entries only resolve from its own directory.
   *
   * @param classPath the parent's {@code java.class.path}
   * @return the entries
   */
  public static List<String> classPath(String classPath) {
    List<String> out = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      List<String> expanded = manifestOnly(Path.of(entry));
      if (expanded.isEmpty()) {
        out.add(entry);
      } else {
        out.addAll(expanded);
      }
    }
    return out;
  }

  private static List<String> manifestOnly(Path jar) {
    if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
      return List.of();
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest m = file.getManifest();
      String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
      boolean onlyManifest = file.stream().allMatch(e -> e.getName().startsWith("META-INF/"));
      if (cp == null || !onlyManifest) {
        return List.of();
      }
      List<String> entries = new ArrayList<>();
      for (String url : cp.trim().split("\\s+")) {
        if (!url.isEmpty()) {
          entries.add(resolve(jar, url));
        }
      }
      return entries;
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String resolve(Path jar, String url) {
    try {
      URI uri = new URI(url);
      if (uri.isAbsolute()) {
        return Paths.get(uri).toString();
      }
      Path dir = jar.toAbsolutePath().getParent();
      return Paths.get(dir.toUri().resolve(uri)).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return jar.toAbsolutePath().getParent().resolve(url).toString();
    }
  }

  /** An argument file's quoting: inside double quotes, a backslash escapes a backslash or a quote. */
  static String quote(String arg) {
    return '"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
