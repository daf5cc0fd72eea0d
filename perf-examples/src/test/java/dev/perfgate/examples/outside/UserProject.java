package dev.perfgate.examples.outside;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * A user's own small Maven project, built by a child Maven against the jars this build just made:
 * what a new user has after following the README, for tests that check Perfgate from the outside.
 *
 * <pre>{@code
 * UserProject.Outcome outcome = UserProject.named("budget-holds")
 *     .testSource("SortPerfTest.java", source)   // its package decides where it goes
 *     .property("perfgate.quick", "true")
 *     .run("test");
 * assertEquals(0, outcome.exitCode(), outcome.output());
 * }</pre>
 *
 * <p>The project is a plain pom: Java 17, {@code perf-generator} at test scope, JUnit Jupiter
 * ({@value #JUNIT_VERSION} unless set), no plugin configuration. It is built with this checkout's
 * Maven wrapper, with the local repository under {@code perf-examples/target/user-projects/m2}:
 * the Perfgate jars are laid out there as if installed, and every other artifact is read from the
 * outer build's local repository (read-only), so nothing is installed into {@code ~/.m2} and no
 * other build sees these jars. A fresh CI machine downloads what the outer build did not need
 * (the default plugin versions of a plain pom, the JUnit version) into the repository under
 * {@code target/}. Child builds share that repository: run them one after another.
 */
public final class UserProject {
  /** The JUnit Jupiter version of a user project unless {@link #junitVersion(String)} says otherwise. */
  public static final String JUNIT_VERSION = "5.11.4";

  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

  private final Path dir;
  private final Map<String, String> files = new LinkedHashMap<>();
  private final List<String> dependencies = new ArrayList<>();
  private final Map<String, String> properties = new LinkedHashMap<>();
  private String junitVersion = JUNIT_VERSION;
  private Duration timeout = Duration.ofMinutes(10);

  private UserProject(Path dir) {
    this.dir = dir.toAbsolutePath();
  }

  /**
   * A project in a directory, emptied first.
   *
   * @param dir the project's directory; whatever is in it is deleted
   * @return the project, with no sources yet
   */
  public static UserProject create(Path dir) {
    try {
      BuiltArtifacts.deleteTree(dir);
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new UserProject(dir);
  }

  /**
   * A project in {@code perf-examples/target/user-projects/<name>}, emptied first.
   *
   * @param name the directory's name and the project's artifactId: letters, digits, '.', '_', '-'
   * @return the project, with no sources yet
   */
  public static UserProject named(String name) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || name.equals("m2") || name.equals("jars")) {
      throw new IllegalArgumentException("project name '" + name + "' must be letters, digits, '.', '_' or '-',"
          + " and not m2 or jars (the harness's own directories)");
    }
    return create(BuiltArtifacts.targetDirectory().resolve("user-projects").resolve(name));
  }

  /** @return the project's directory */
  public Path directory() {
    return dir;
  }

  /**
   * Adds a test source file under {@code src/test/java}, in the directory of its {@code package}.
   *
   * @param fileName the file's name, such as {@code SortPerfTest.java}
   * @param source the Java source
   * @return this project
   */
  public UserProject testSource(String fileName, String source) {
    return file("src/test/java/" + packageDir(source) + fileName, source);
  }

  /**
   * Adds a main source file under {@code src/main/java}, in the directory of its {@code package}.
   *
   * @param fileName the file's name
   * @param source the Java source
   * @return this project
   */
  public UserProject mainSource(String fileName, String source) {
    return file("src/main/java/" + packageDir(source) + fileName, source);
  }

  /**
   * Adds any file, such as {@code src/test/resources/junit-platform.properties}.
   *
   * @param relativePath the path inside the project
   * @param content the file's text
   * @return this project
   */
  public UserProject file(String relativePath, String content) {
    Path p = dir.resolve(relativePath).normalize();
    if (!p.startsWith(dir)) {
      throw new IllegalArgumentException("path " + relativePath + " leaves the project directory");
    }
    files.put(relativePath, content);
    return this;
  }

  /**
   * Adds a dependency to the pom.
   *
   * @param coordinates {@code groupId:artifactId:version} or {@code groupId:artifactId:version:scope}
   * @return this project
   */
  public UserProject dependency(String coordinates) {
    String[] parts = coordinates.split(":");
    if (parts.length < 3 || parts.length > 4) {
      throw new IllegalArgumentException("dependency '" + coordinates + "' must be groupId:artifactId:version[:scope]");
    }
    dependencies.add("    <dependency><groupId>" + parts[0] + "</groupId><artifactId>" + parts[1]
        + "</artifactId><version>" + parts[2] + "</version>"
        + (parts.length == 4 ? "<scope>" + parts[3] + "</scope>" : "") + "</dependency>\n");
    return this;
  }

  /**
   * Sets the JUnit Jupiter version of the pom.
   *
   * @param version such as {@code 5.11.4} or {@code 6.0.3}
   * @return this project
   */
  public UserProject junitVersion(String version) {
    this.junitVersion = version;
    return this;
  }

  /**
   * A {@code -Dkey=value} for the child Maven; Surefire hands it to the test JVM as a system property.
   *
   * @param key the property
   * @param value its value
   * @return this project
   */
  public UserProject property(String key, String value) {
    properties.put(key, value);
    return this;
  }

  /**
   * How long the child build may take before it is stopped (10 minutes unless set).
   *
   * @param timeout the limit
   * @return this project
   */
  public UserProject timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /**
   * Writes the project and builds it with the child Maven.
   *
   * @param goals Maven goals and options, such as {@code test} or {@code -Dtest=SortPerfTest test}
   * @return the build's exit code and output
   * @throws IllegalStateException if the build runs past its timeout
   */
  public Outcome run(String... goals) {
    try {
      Path repo = BuiltArtifacts.repository();
      Files.writeString(dir.resolve("pom.xml"), pom());
      // Maven takes the nearest directory with .mvn as the top of the build; without one here it
      // would climb to the Perfgate checkout and use its settings.
      Files.createDirectories(dir.resolve(".mvn"));
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path p = dir.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.getValue());
      }
      Path root = ProjectRoot.find();
      boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
      List<String> command = new ArrayList<>();
      command.add(root.resolve(windows ? "mvnw.cmd" : "mvnw").toString());
      command.add("-B");
      command.add("--no-transfer-progress");
      command.add("-Dmaven.repo.local=" + repo);
      command.add("-Dmaven.repo.local.tail=" + BuiltArtifacts.outerRepository());
      properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
      command.addAll(List.of(goals));
      Path log = dir.resolve("build.log");
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      // The same JDK as this test, whatever JAVA_HOME the outer build had.
      pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
      // Maven's own JVM: a short build, so the quick compiler only and no collector threads. On a
      // loaded 2-core machine this halves a child build (17-25 s to 8-9 s, measured at load 16).
      // The tests run in Surefire's forked JVM, which MAVEN_OPTS does not reach.
      String mavenOpts = pb.environment().getOrDefault("MAVEN_OPTS", "");
      pb.environment().put("MAVEN_OPTS", (mavenOpts + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC").strip());
      long start = System.nanoTime();
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw new IllegalStateException("the child build in " + dir + " did not finish in " + timeout.toSeconds()
            + " s and was stopped; its output so far:\n" + Files.readString(log, StandardCharsets.UTF_8));
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return new Outcome(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), elapsed, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the child build ran in " + dir, e);
    }
  }

  private String pom() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>%s</artifactId>
          <version>1.0-SNAPSHOT</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
            <dependency>
              <groupId>dev.perfgate</groupId>
              <artifactId>perf-generator</artifactId>
              <version>%s</version>
              <scope>test</scope>
            </dependency>
            <dependency>
              <groupId>org.junit.jupiter</groupId>
              <artifactId>junit-jupiter</artifactId>
              <version>%s</version>
              <scope>test</scope>
            </dependency>
            <dependency>
              <groupId>org.junit.platform</groupId>
              <artifactId>junit-platform-launcher</artifactId>
              <version>%s</version>
              <scope>test</scope>
            </dependency>
        %s  </dependencies>
        </project>
        """.formatted(dir.getFileName(), ProjectRoot.version(), junitVersion, launcherVersion(junitVersion),
        String.join("", dependencies));
  }

  /**
   * The JUnit Platform version that goes with a JUnit Jupiter version, as the README's "Add it" pairs
   * them: 1.11.4 with 5.11.4; from JUnit 6 on both have one version.
   */
  static String launcherVersion(String jupiter) {
    return jupiter.startsWith("5.") ? "1." + jupiter.substring(2) : jupiter;
  }

  private static String packageDir(String source) {
    Matcher m = PACKAGE.matcher(source);
    return m.find() ? m.group(1).replace('.', '/') + "/" : "";
  }

  /**
   * What a child build did.
   *
   * @param exitCode Maven's exit code: 0 when the build succeeded
   * @param output everything Maven and the tests printed
   * @param elapsed how long the build took, Maven's start-up included
   * @param directory the project's directory
   */
  public record Outcome(int exitCode, String output, Duration elapsed, Path directory) {

    /** @return true if Maven exited with 0 */
    public boolean succeeded() {
      return exitCode == 0;
    }

    /**
     * The counts of one test class from Surefire's XML report.
     *
     * @param testClass the test class's fully qualified name
     * @return its counts, or empty if Surefire wrote no report for it
     */
    public Optional<TestCounts> tests(String testClass) {
      Path xml = directory.resolve("target/surefire-reports/TEST-" + testClass + ".xml");
      if (!Files.isRegularFile(xml)) {
        return Optional.empty();
      }
      try {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Element suite = f.newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
        return Optional.of(new TestCounts(Integer.parseInt(suite.getAttribute("tests")),
            Integer.parseInt(suite.getAttribute("failures")), Integer.parseInt(suite.getAttribute("errors")),
            Integer.parseInt(suite.getAttribute("skipped")), Files.readString(xml, StandardCharsets.UTF_8)));
      } catch (Exception e) {
        throw new IllegalStateException("cannot read " + xml + ": " + e.getMessage(), e);
      }
    }

    /**
     * Files the build wrote under its {@code target/} whose name is the given one.
     *
     * @param fileName such as {@code perfgate-report.html}
     * @return their paths
     */
    public List<Path> targetFiles(String fileName) {
      Path target = directory.resolve("target");
      if (!Files.isDirectory(target)) {
        return List.of();
      }
      try (Stream<Path> paths = Files.walk(target)) {
        return paths.filter(p -> p.getFileName().toString().equals(fileName)).toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * One test class's counts from Surefire's XML report.
   *
   * @param tests tests run
   * @param failures tests that failed an assertion
   * @param errors tests that threw
   * @param skipped tests skipped
   * @param xml the report itself, for messages
   */
  public record TestCounts(int tests, int failures, int errors, int skipped, String xml) {
    @Override
    public String toString() {
      return "tests " + tests + ", failures " + failures + ", errors " + errors + ", skipped " + skipped;
    }
  }
}
