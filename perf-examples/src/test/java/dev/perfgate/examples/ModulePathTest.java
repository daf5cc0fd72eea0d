package dev.perfgate.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module descriptors, checked on a real module path with the built modules: the quick start
 * finds its probes through {@code provides} (a named module ignores {@code META-INF/services}), and
 * a user's module cannot read an internal package. The build's own tests run on the class path
 * (Surefire's {@code useModulePath} is off), so this is where the module path is tried.
 */
final class ModulePathTest {

  /** The Perfgate modules and what they require at run time, as the test's class path has them. */
  private static final Pattern MODULE_PATH_ENTRY = Pattern.compile(
      ".*(perf-(api|collectors|baseline|generator)|jackson-(databind|core|annotations)|jspecify).*");

  @TempDir
  static Path temp;

  private static List<String> modules;
  private static Path examplesJar;

  @BeforeAll
  static void collectModules() throws IOException {
    modules = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (MODULE_PATH_ENTRY.matcher(entry).matches() && !entry.contains("-tests.jar")
          && !entry.contains("test-classes")) {
        modules.add(entry);
      }
    }
    assertTrue(modules.size() >= 7, "expected the four Perfgate modules, Jackson and JSpecify on the class path, found "
        + modules);
    examplesJar = examplesAsAutomaticModule(temp.resolve("perf-examples.jar"));
  }

  @Test
  void quickStart_onTheModulePath_findsItsProbesById() throws Exception {
    String modulePath = String.join(File.pathSeparator, modules) + File.pathSeparator + examplesJar;
    // The examples are an automatic module, which requires nothing by name: resolve the whole path.
    Run run = java(List.of("--module-path", modulePath, "--add-modules", "ALL-MODULE-PATH",
        "-m", "dev.perfgate.examples/" + QuickStart.class.getName(), "classes"));
    assertRan(run);
  }

  @Test
  void quickStart_onTheClassPath_findsTheSameProbes() throws Exception {
    String classPath = String.join(File.pathSeparator, modules) + File.pathSeparator + examplesJar;
    Run run = java(List.of("-cp", classPath, QuickStart.class.getName(), "classes"));
    assertRan(run);
  }

  @Test
  void aUserModule_cannotReadAnInternalPackage() throws IOException {
    String internal = compile("internal", "dev.perfgate.generator.internal.Ticker");
    assertFalse(internal.isEmpty(), "a module importing an internal package compiled");
    assertTrue(internal.contains("dev.perfgate.generator.internal") && internal.contains("not visible"), internal);

    String kernel = compile("kernel", "dev.perfgate.api.internal.stats.Median");
    assertTrue(kernel.contains("not visible"), "the statistics kernel is exported only to Perfgate's modules: " + kernel);

    // The control: the same module compiles against an exported package, so the failures above are
    // the module system's and not a broken module path.
    assertEquals("", compile("exported", "dev.perfgate.generator.Suite"));
  }

  /**
   * Every provider a Perfgate module lists in {@code META-INF/services} is also in its module
   * descriptor's {@code provides}: a named module ignores the file, so a provider missing there
   * would silently disappear from the module path.
   */
  @Test
  void everyServicesFileProvider_isProvidedByTheModuleToo() throws IOException {
    int checked = 0;
    for (java.lang.module.ModuleReference ref : java.lang.module.ModuleFinder.of(
        modules.stream().map(Path::of).toArray(Path[]::new)).findAll()) {
      if (!ref.descriptor().name().startsWith("dev.perfgate.")) {
        continue;
      }
      try (java.lang.module.ModuleReader reader = ref.open()) {
        java.util.Optional<java.io.InputStream> file = reader.open("META-INF/services/dev.perfgate.api.ProbeProvider");
        if (file.isEmpty()) {
          continue;
        }
        List<String> listed;
        try (java.io.InputStream in = file.get()) {
          listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        }
        List<String> provided = ref.descriptor().provides().stream()
            .filter(p -> p.service().equals("dev.perfgate.api.ProbeProvider"))
            .flatMap(p -> p.providers().stream()).sorted().toList();
        assertEquals(listed, provided, ref.descriptor().name() + ": META-INF/services and module-info.java disagree");
        checked++;
      }
    }
    assertTrue(checked >= 1, "no Perfgate module on " + modules + " lists a probe provider");
  }

  /**
   * The quick start ran to its summary: exit 0, or 1 where a budget broke (quick mode on a busy
   * machine may break the 1 ms p95); the budgets are not what this test is about.
   */
  private static void assertRan(Run run) {
    String output = run.output();
    assertTrue((run.exit() == 0 || run.exit() == 1) && output.contains(" check(s), ") && !output.contains("Exception"),
        "exit " + run.exit() + ":\n" + output);
    String probes = output.lines().filter(l -> l.startsWith("probes: ")).findFirst().orElse("");
    assertTrue(probes.contains("time") && probes.contains("alloc") && probes.contains("classes"),
        "the time, alloc and classes probes should be found by id; the run printed:\n" + output);
    assertFalse(output.contains("[ERROR]"), output);
  }

  /** Compiles a user module that imports {@code type}; returns the compiler's errors, empty if it compiled. */
  private static String compile(String name, String type) throws IOException {
    Path src = temp.resolve(name + "/src");
    Path out = temp.resolve(name + "/out");
    Files.createDirectories(src.resolve("user/app"));
    Files.createDirectories(out);
    Files.writeString(src.resolve("module-info.java"), "module user.app { requires dev.perfgate.generator; }\n");
    Files.writeString(src.resolve("user/app/Main.java"), "package user.app;\n\nimport " + type
        + ";\n\npublic final class Main {\n  public static void main(String[] args) {\n    System.out.println("
        + type.substring(type.lastIndexOf('.') + 1) + ".class);\n  }\n}\n");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    boolean ok = javac.getTask(errors, null, null,
        List.of("--module-path", String.join(File.pathSeparator, modules), "-d", out.toString(), "-proc:none"), null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(
            src.resolve("module-info.java"), src.resolve("user/app/Main.java"))).call();
    return ok ? "" : errors.toString();
  }

  /**
   * The examples' classes as a jar named {@code dev.perfgate.examples}: on the module path an
   * automatic module, whose {@code META-INF/services} file declares the {@code classes} probe.
   */
  private static Path examplesAsAutomaticModule(Path jar) throws IOException {
    Path classes = Path.of(QuickStart.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), "dev.perfgate.examples");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  private record Run(int exit, String output) {}

  private static Run java(List<String> args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dperfgate.quick=true");
    command.addAll(args);
    Path log = Files.createTempFile(temp, "java", ".log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try (OutputStream in = p.getOutputStream()) {
      // nothing to send: the child reads no input
    }
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Run(-1, "timed out after 180 s: " + String.join(" ", command) + "\n" + Files.readString(log));
    }
    return new Run(p.exitValue(), Files.readString(log));
  }
}
