package dev.perfgate.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.examples.outside.ProjectRoot;
import dev.perfgate.examples.readme.ReadmeSnippets.Kind;
import dev.perfgate.examples.readme.ReadmeSnippets.Parsed;
import dev.perfgate.examples.readme.ReadmeSnippets.Snippet;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of the README compiles as printed, imports included, against the jars this
 * build made (perf-examples' test class path holds every module and the optional libraries). The
 * snippets are found by their marks, so a snippet added to the README is checked without touching
 * this test; a Java fence without a mark fails it.
 */
final class ReadmeSnippetsTest {

  @Test
  void readme_everyJavaSnippet_isMarkedAndCompiles() throws IOException {
    Path readme = ProjectRoot.find().resolve("README.md");
    String text = Files.readString(readme);
    Parsed parsed = ReadmeSnippets.parse(text, "README.md");
    assertTrue(parsed.problems().isEmpty(), "README.md has Java it cannot check:\n" + String.join("\n", parsed.problems()));

    // Counted independently of the parser: every ```java fence of the page is a compiled snippet.
    long fences = Pattern.compile("(?m)^\\s*(```|~~~)java\\s*$").matcher(text).results().count();
    assertTrue(fences > 0, "README.md has no ```java fence; the README must show code");
    assertEquals(fences, parsed.snippets().size(), "each ```java fence of README.md is one snippet");

    Path work = Path.of("target", "readme-snippets").toAbsolutePath();
    deleteTree(work);
    Files.createDirectories(work);
    SnippetCompiler compiler = new SnippetCompiler("README.md", testClassPath(), work);
    List<String> errors = new ArrayList<>();
    Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
    for (Snippet s : parsed.snippets()) {
      errors.addAll(compiler.compile(s));
      byKind.merge(s.kind(), 1, Integer::sum);
    }
    System.out.println("README.md: " + parsed.snippets().size() + " Java snippets compiled " + byKind
        + " (sources under " + work + ")");
    assertTrue(errors.isEmpty(), "README.md snippets that do not compile as printed:\n" + String.join("\n", errors));
  }

  @Test
  void readme_settingsTable_isTheRegistrysTable() throws IOException {
    // One registry of keys: the README shows exactly what Settings.markdownTable() prints, so a key
    // added, renamed or given another default cannot leave the README behind.
    String text = Files.readString(ProjectRoot.find().resolve("README.md"));
    String table = dev.perfgate.generator.Settings.markdownTable().strip();
    assertTrue(text.contains(table), "README.md's Settings table differs from Settings.markdownTable(); paste:\n"
        + table);
  }

  @Test
  void parse_unmarkedJavaFence_isAProblem() {
    Parsed parsed = ReadmeSnippets.parse("text\n\n```java\nint x = 1;\n```\n", "R.md");
    assertEquals(1, parsed.javaFences());
    assertEquals(0, parsed.snippets().size());
    assertEquals(1, parsed.problems().size(), parsed.problems().toString());
    assertTrue(parsed.problems().get(0).startsWith("R.md:3: a ```java fence without a snippet mark"), parsed.problems().toString());
  }

  @Test
  void parse_unknownKindStrayMarkAndUnlabelledJava_areProblems() {
    String md = String.join("\n",
        "<!-- snippet: statement -->",
        "```java",
        "int x = 1;",
        "```",
        "<!-- snippet: file -->",
        "Some prose instead of a fence.",
        "```",
        "import java.util.List;",
        "```",
        "<!--snippet:method-body-->  trailing words",
        "");
    List<String> problems = ReadmeSnippets.parse(md, "R.md").problems();
    assertEquals(4, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("unknown snippet kind 'statement'"), problems.toString());
    assertTrue(problems.get(1).startsWith("R.md:5: a snippet mark with no ```java fence"), problems.toString());
    assertTrue(problems.get(2).startsWith("R.md:7: an unlabelled fence that holds Java"), problems.toString());
    assertTrue(problems.get(3).startsWith("R.md:10: a snippet mark must stand alone"), problems.toString());
  }

  @Test
  void parse_markedFencesInAList_keepTheirKindLineAndIndentation() {
    String md = String.join("\n",
        "- item",
        "",
        "  <!-- snippet: method-body -->",
        "  ```java",
        "  import java.util.List;",
        "",
        "  List<String> names = List.of(\"a\");",
        "  ```",
        "",
        "<!-- snippet: class-body -->",
        "",
        "~~~java",
        "int twice(int x) { return 2 * x; }",
        "~~~",
        "```text",
        "a(b);",
        "```");
    Parsed parsed = ReadmeSnippets.parse(md, "R.md");
    assertEquals(List.of(), parsed.problems());
    assertEquals(2, parsed.snippets().size());
    Snippet first = parsed.snippets().get(0);
    assertEquals(Kind.METHOD_BODY, first.kind());
    assertEquals(5, first.line());
    assertEquals(List.of("import java.util.List;", "", "List<String> names = List.of(\"a\");"), first.lines());
    assertEquals(Kind.CLASS_BODY, parsed.snippets().get(1).kind());
  }

  @Test
  void compile_brokenSnippet_isReportedAtItsReadmeLine() throws IOException {
    Path work = Files.createTempDirectory("readme-snippets");
    try {
      SnippetCompiler compiler = new SnippetCompiler("R.md", testClassPath(), work);
      // The second line uses a class that was not imported: an error on README line 11.
      Snippet missingImport = new Snippet(10, Kind.METHOD_BODY,
          List.of("import dev.perfgate.api.Metric;", "Target t = Target.on(Metric.WALL_TIME).median().atMost(null);"));
      List<String> errors = compiler.compile(missingImport);
      assertTrue(errors.stream().anyMatch(e -> e.startsWith("R.md:11: error: cannot find symbol")), errors.toString());

      Snippet fine = new Snippet(20, Kind.METHOD_BODY, List.of("import dev.perfgate.api.Metric;",
          "import dev.perfgate.api.Target;", "import java.time.Duration;", "",
          "Target t = Target.on(Metric.WALL_TIME).median().atMost(Duration.ofMillis(1));"));
      assertEquals(List.of(), compiler.compile(fine));
    } finally {
      deleteTree(work);
    }
  }

  /**
   * The class path of this test run. Surefire runs tests from a small launcher jar and puts the
   * real class path in {@code surefire.test.class.path}; a plain JVM has it in {@code java.class.path}.
   */
  static List<String> testClassPath() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(cp.split(Pattern.quote(File.pathSeparator))).filter(s -> !s.isBlank()).toList();
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
