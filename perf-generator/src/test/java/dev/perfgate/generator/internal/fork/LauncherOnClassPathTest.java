package dev.perfgate.generator.internal.fork;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forked {@code @PerfTest} needs the JUnit Platform launcher on the class path its child gets; the
 * parent looks for it there, in directories and jars, before it starts a child that would fail.
 */
final class LauncherOnClassPathTest {
  private static final String FACTORY = "org/junit/platform/launcher/core/LauncherFactory.class";

  @TempDir
  Path dir;

  @Test
  void thisTestRun_hasTheLauncher() {
    // perf-generator's tests depend on junit-platform-launcher, as the README's "Add it" asks of a user.
    assertTrue(Forking.holdsLauncher(System.getProperty("java.class.path")));
  }

  @Test
  void jupiterAlone_hasNoLauncher() throws Exception {
    Path jupiterOnly = jar("jupiter.jar", "org/junit/jupiter/api/Test.class");
    Path classes = Files.createDirectories(dir.resolve("classes/com/example"));
    assertFalse(Forking.holdsLauncher(jupiterOnly + File.pathSeparator + classes.getParent().getParent()
        + File.pathSeparator + dir.resolve("missing.jar") + File.pathSeparator + jar("broken.jar", null)));
  }

  @Test
  void launcherInAJar_orADirectory_isFound() throws Exception {
    assertTrue(Forking.holdsLauncher(jar("launcher.jar", FACTORY).toString()));
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes.resolve(FACTORY).getParent());
    Files.write(classes.resolve(FACTORY), new byte[] {(byte) 0xCA, (byte) 0xFE});
    assertTrue(Forking.holdsLauncher(classes.toString()));
  }

  /** A jar with one entry, or a file that is no jar at all when entry is null. */
  private Path jar(String name, String entry) throws Exception {
    Path p = dir.resolve(name);
    if (entry == null) {
      Files.writeString(p, "not a jar");
      return p;
    }
    try (OutputStream out = Files.newOutputStream(p); JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry(entry));
      jar.write(new byte[] {1, 2, 3});
      jar.closeEntry();
    }
    return p;
  }
}
