package dev.perfgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link Settings} the one registry of {@code perfgate.*} keys: every such name that the main
 * sources and the POMs of every module use as a setting (a string literal, {@code -Dperfgate.x},
 * {@code {@code perfgate.x}}, a Maven property) is a registry key, and a key's string literal is
 * written only in {@code Settings}, so that {@link Settings#checkKeys} can refuse every other one.
 */
final class SettingsRegistryScanTest {

  /** A name under {@code perfgate.} where it is used as a setting would be: quoted, passed with -D, shown as code, or a Maven property. */
  private static final Pattern USE = Pattern.compile(
      "(\"|-D|\\{@code |\\$\\{|</?)(perfgate\\.[a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*)*)");

  /**
   * Names under {@code perfgate.} that are not settings, by the file that owns them: Micrometer meter
   * names and JUnit report-entry keys, which follow their own naming and are never read back.
   */
  private static final Map<String, Set<String>> NOT_SETTINGS = Map.of(
      "MicrometerExport.java", Set.of("perfgate.result.time", "perfgate.result.bytes", "perfgate.result.ratio",
          "perfgate.result.throughput", "perfgate.result.count", "perfgate.verdicts", "perfgate.errors",
          "perfgate.passed"),
      "Perf.java", Set.of("perfgate.report", "perfgate.report.error", "perfgate.verdict"));

  /**
   * Files that still spell a key's literal themselves. perf-baseline cannot see {@code Settings}
   * (it lives in perf-generator, above it), so {@code BaselinePolicy.UPDATE_PROPERTY} names the update
   * switch until the baseline stage reads it from {@code Settings}.
   */
  private static final Set<String> OWN_LITERAL_ALLOWED = Set.of("Settings.java", "BaselinePolicy.java");

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyPerfgateNameInTheSources_isARegistryKey_orADeclaredNonSetting() {
    Set<String> keys = keys();
    Map<String, String> unknown = new TreeMap<>();
    List<Path> files = sources();
    for (Path f : files) {
      Set<String> exempt = NOT_SETTINGS.getOrDefault(f.getFileName().toString(), Set.of());
      Matcher m = USE.matcher(read(f));
      while (m.find()) {
        String name = m.group(2);
        if (!keys.contains(name) && !exempt.contains(name)) {
          unknown.put(name, ROOT.relativize(f).toString());
        }
      }
    }
    assertTrue(files.size() > 50, "the scan found only " + files.size() + " files under " + ROOT);
    assertEquals(Map.of(), unknown, "perfgate.* names that are not in Settings.keys() (name -> file): register"
        + " them in Settings, or rename them if Perfgate does not read them");
  }

  @Test
  void aKeysLiteral_isWrittenOnlyInSettings() {
    Set<String> keys = keys();
    Map<String, String> elsewhere = new TreeMap<>();
    for (Path f : sources()) {
      if (OWN_LITERAL_ALLOWED.contains(f.getFileName().toString()) || !f.toString().endsWith(".java")) {
        continue;
      }
      Matcher m = USE.matcher(read(f));
      while (m.find()) {
        if (m.group(1).equals("\"") && keys.contains(m.group(2))) {
          elsewhere.put(m.group(2), ROOT.relativize(f).toString());
        }
      }
    }
    assertEquals(Map.of(), elsewhere, "setting keys spelt outside Settings (key -> file): use the Settings constant");
  }

  @Test
  void theScan_seesAnUnknownName() {
    Matcher m = USE.matcher("String k = \"perfgate.trails\"; // -Dperfgate.quick=true, ${perfgate.jmh.args}");
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(2));
    }
    assertEquals(List.of("perfgate.trails", "perfgate.quick", "perfgate.jmh.args"), found);
    assertTrue(!keys().contains("perfgate.trails") && keys().contains("perfgate.quick"));
  }

  private static Set<String> keys() {
    return Set.copyOf(Settings.keys().stream().map(Settings.Key::name).toList());
  }

  /** The main Java sources and the POMs of every module; tests may spell unknown keys on purpose. */
  private static List<Path> sources() {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> {
            String s = ROOT.relativize(p).toString().replace('\\', '/');
            if (s.startsWith(".") || s.contains("/target/") || s.contains("/.") || s.startsWith("target/")) {
              return false;
            }
            return s.endsWith("pom.xml") || s.contains("src/main/java/") && s.endsWith(".java");
          })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
