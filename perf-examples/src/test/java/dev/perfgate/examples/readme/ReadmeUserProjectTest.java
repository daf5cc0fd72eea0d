package dev.perfgate.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.examples.outside.ProjectRoot;
import dev.perfgate.examples.outside.UserProject;
import dev.perfgate.examples.readme.ReadmeSnippets.Kind;
import dev.perfgate.examples.readme.ReadmeSnippets.Snippet;
import dev.perfgate.examples.readme.SnippetCompiler.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README is enough: its JUnit examples, copied into a user's own project that has only the
 * dependencies the README's "Add it" shows, compile and pass there. Every whole-file snippet goes in
 * (a user copies those as they are), and every class-body snippet with a {@code @PerfTest}, in a
 * class of its own.
 */
final class ReadmeUserProjectTest {
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

  @Test
  void readme_junitExamples_passInAUserProject() throws IOException {
    String text = Files.readString(ProjectRoot.find().resolve("README.md"));
    List<Snippet> snippets = ReadmeSnippets.parse(text, "README.md").snippets();
    UserProject project = UserProject.named("readme-examples");
    List<String> perfTestClasses = new ArrayList<>();
    for (Snippet s : snippets) {
      boolean perfTest = s.code().contains("@PerfTest");
      if (s.kind() == Kind.FILE || (s.kind() == Kind.CLASS_BODY && perfTest)) {
        // Surefire runs classes named *Test: a wrapped snippet gets such a name.
        Source source = SnippetCompiler.wrap(s, "ReadmeLine" + s.line() + "Test");
        String fileName = source.name().substring(source.name().lastIndexOf('/') + 1);
        project.testSource(fileName, source.text());
        if (perfTest) {
          Matcher pkg = PACKAGE.matcher(source.text());
          String className = fileName.substring(0, fileName.length() - ".java".length());
          perfTestClasses.add(pkg.find() ? pkg.group(1) + "." + className : className);
        }
      }
    }
    assertFalse(perfTestClasses.isEmpty(), "README.md shows no @PerfTest a user could copy");

    UserProject.Outcome outcome = project.property("perfgate.quick", "true").run("test");
    System.out.printf(Locale.ROOT, "README examples in a user project (%s): exit %d in %.1f s%n", perfTestClasses,
        outcome.exitCode(), outcome.elapsed().toMillis() / 1000.0);
    assertEquals(0, outcome.exitCode(), outcome.output());
    // The @PerfTest with baselines() meets an empty store: perfgate.forks=auto runs it in 4 forks, each a
    // rerun of the test method in a fresh JVM, with nothing in the pom beyond the README's "Add it".
    assertTrue(outcome.output().contains("fork 4 of 4 (a fresh JVM"),
        "the README's @PerfTest with baselines() did not run in forks:\n" + outcome.output());
    for (String c : perfTestClasses) {
      UserProject.TestCounts counts = outcome.tests(c).orElseThrow(
          () -> new AssertionError("Surefire did not run " + c + ":\n" + outcome.output()));
      assertTrue(counts.tests() >= 1, c + ": " + counts);
      assertEquals(0, counts.failures() + counts.errors() + counts.skipped(), c + ": " + counts + "\n" + counts.xml());
    }
  }
}
