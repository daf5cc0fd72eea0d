package dev.perfgate.examples.scenario;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The main job in a JVM of its own. {@code exec:java} runs a main method inside Maven's JVM, on a
 * thread of Maven's, where no suite can fork (a fork reruns the main class the JVM was started with,
 * and that is Maven's launcher). The main job's regression suite compares with baselines another
 * JVM recorded, and with fewer than 5 stored runs only forks put the noise between JVMs in its
 * interval (a fresh clone's third run read cold generation -27 % "better" than the first, one JVM a
 * side). So under Maven the main job starts itself again as a plain {@code java} process, with this
 * module's class path and the {@code perfgate.*} and {@code generator.*} properties given to Maven,
 * and exits as that process exits.
 */
public final class OwnJvm {
  private static final List<String> FORWARDED = List.of("perfgate.", "generator.");

  private OwnJvm() {}

  /**
   * Whether this JVM is Maven's: started by Maven's class-world launcher, as under {@code exec:java}.
   *
   * @return true inside Maven
   */
  static boolean insideMaven() {
    return System.getProperty("sun.java.command", "").startsWith("org.codehaus.plexus.classworlds");
  }

  /**
   * Runs a main class in a new JVM with this module's class path and the forwarded properties, its
   * output going where this JVM's goes, and waits for it.
   *
   * @param main the class
   * @param args its arguments
   * @return its exit code
   * @throws IOException if it cannot start
   * @throws InterruptedException if the wait is interrupted
   */
  static int run(Class<?> main, String[] args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classPath()));
    for (String key : System.getProperties().stringPropertyNames()) {
      if (FORWARDED.stream().anyMatch(key::startsWith)) {
        command.add("-D" + key + "=" + System.getProperty(key));
      }
    }
    command.add(main.getName());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).inheritIO().start();
    try {
      return p.waitFor();
    } finally {
      p.destroy();
    }
  }

  /**
   * This module's runtime class path: under {@code exec:java} the URLs of the class loader that
   * loaded this module's classes (Maven's own class path is {@code java.class.path} there), else
   * {@code java.class.path}.
   *
   * @return the entries
   */
  public static List<String> classPath() {
    Set<String> entries = new LinkedHashSet<>();
    // Only this class's own loader: under exec:java its parents may be Maven's realms.
    if (OwnJvm.class.getClassLoader() instanceof URLClassLoader u) {
      for (URL url : u.getURLs()) {
        try {
          if (url.getProtocol().equals("file")) {
            entries.add(Path.of(url.toURI()).toString());
          }
        } catch (URISyntaxException | IllegalArgumentException e) {
          // not a local path: a child cannot use it anyway
        }
      }
    }
    if (entries.isEmpty()) {
      entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    }
    return List.copyOf(entries);
  }
}
