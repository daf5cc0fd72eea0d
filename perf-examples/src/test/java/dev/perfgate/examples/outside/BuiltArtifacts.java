package dev.perfgate.examples.outside;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * This build's Perfgate jars laid out as a Maven local repository under {@code target/}, as if
 * installed there, so that a child build resolves them without anything going into
 * {@code ~/.m2}. Third-party artifacts come from the outer build's local repository, read-only,
 * chained behind it (Maven 3.9's {@code maven.repo.local.tail}); what is missing there is
 * downloaded into the repository under {@code target/}.
 */
final class BuiltArtifacts {
  private static final String GROUP = "dev.perfgate";
  private static Path prepared;

  private BuiltArtifacts() {}

  /**
   * The repository under {@code target/}, with the current jars of {@code perf-generator} and
   * every Perfgate module it needs. Written once per JVM: the first call replaces whatever an
   * earlier run left.
   */
  static synchronized Path repository() throws IOException {
    if (prepared != null) {
      return prepared;
    }
    Path root = ProjectRoot.find();
    String version = ProjectRoot.version();
    Path repo = targetDirectory().resolve("user-projects").resolve("m2");
    Path ours = repo.resolve(GROUP.replace('.', '/'));
    deleteTree(ours);
    install(repo, "perfgate-parent", version, root.resolve("pom.xml"), null);
    for (String module : closure(root, "perf-generator")) {
      Path dir = root.resolve(module);
      install(repo, module, version, dir.resolve("pom.xml"), currentJar(dir, module, version));
    }
    prepared = repo;
    return repo;
  }

  /**
   * The outer build's local repository: where this test's own JUnit jar came from. Derived from
   * the class path, so it is right under {@code -Dmaven.repo.local} and custom settings too.
   */
  static Path outerRepository() {
    try {
      Path jar = Path.of(org.junit.jupiter.api.Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // <repo>/org/junit/jupiter/junit-jupiter-api/<version>/junit-jupiter-api-<version>.jar
      Path repo = jar.getParent().getParent().getParent().getParent().getParent().getParent();
      if (!Files.isDirectory(repo.resolve("org/junit/jupiter"))) {
        throw new IllegalStateException("JUnit was not loaded from a Maven repository (" + jar + ")");
      }
      return repo;
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("cannot locate the outer build's Maven repository: " + e, e);
    }
  }

  /** {@code target/} of this module, from where its test classes are. */
  static Path targetDirectory() {
    try {
      Path testClasses = Path.of(BuiltArtifacts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return testClasses.getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The module and, depth first, every Perfgate module it depends on. */
  private static Set<String> closure(Path root, String module) {
    Set<String> out = new LinkedHashSet<>();
    visit(root, module, out);
    return out;
  }

  private static void visit(Path root, String module, Set<String> out) {
    if (out.contains(module)) {
      return;
    }
    Path pom = root.resolve(module).resolve("pom.xml");
    if (!Files.isRegularFile(pom)) {
      throw new IllegalStateException("module " + module + " is not at " + pom.getParent());
    }
    Element project = ProjectRoot.pom(pom);
    for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals("dependencies")) {
        NodeList deps = e.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
          Element d = (Element) deps.item(i);
          String scope = ProjectRoot.childText(d, "scope");
          if (GROUP.equals(ProjectRoot.childText(d, "groupId")) && !scope.equals("test")) {
            visit(root, ProjectRoot.childText(d, "artifactId"), out);
          }
        }
      }
    }
    out.add(module);
  }

  /**
   * The module's jar: the one {@code package} made if it is newer than every compiled class, else
   * one made here from {@code target/classes} (a {@code test} run of the reactor packages nothing).
   */
  private static Path currentJar(Path moduleDir, String module, String version) throws IOException {
    Path classes = moduleDir.resolve("target/classes");
    if (!Files.isDirectory(classes)) {
      throw new IllegalStateException(module + " is not built (" + classes + " is missing): build it first,"
          + " for example ./mvnw -pl perf-examples -am test-compile");
    }
    FileTime newest;
    try (Stream<Path> files = Files.walk(classes)) {
      newest = files.filter(Files::isRegularFile).map(BuiltArtifacts::modified).max(Comparator.naturalOrder())
          .orElse(FileTime.fromMillis(0));
    }
    Path packaged = moduleDir.resolve("target").resolve(module + "-" + version + ".jar");
    if (Files.isRegularFile(packaged) && modified(packaged).compareTo(newest) >= 0) {
      return packaged;
    }
    Path made = targetDirectory().resolve("user-projects").resolve("jars").resolve(module + "-" + version + ".jar");
    Files.createDirectories(made.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream out = Files.newOutputStream(made);
        JarOutputStream jar = new JarOutputStream(out, manifest);
        Stream<Path> files = Files.walk(classes)) {
      List<Path> sorted = new ArrayList<>(files.filter(p -> !p.equals(classes)).sorted().toList());
      for (Path p : sorted) {
        String name = classes.relativize(p).toString().replace('\\', '/');
        if (name.equals("META-INF/MANIFEST.MF")) {
          continue;
        }
        if (Files.isDirectory(p)) {
          jar.putNextEntry(new JarEntry(name + "/"));
        } else {
          jar.putNextEntry(new JarEntry(name));
          Files.copy(p, jar);
        }
        jar.closeEntry();
      }
    }
    return made;
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /** Lays a pom (and jar) out the way {@code install} would; without a remote-origin record, Maven takes them as installed. */
  private static void install(Path repo, String artifactId, String version, Path pom, Path jar) throws IOException {
    Path dir = repo.resolve(GROUP.replace('.', '/')).resolve(artifactId).resolve(version);
    Files.createDirectories(dir);
    Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
    if (jar != null) {
      Files.copy(jar, dir.resolve(artifactId + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
