package dev.perfgate.examples.readme;

import dev.perfgate.examples.readme.ReadmeSnippets.Kind;
import dev.perfgate.examples.readme.ReadmeSnippets.Snippet;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles snippets with the JDK's compiler against a class path, each in its own output
 * directory. A snippet sees the classes of the snippets before it, the way a reader has read them
 * (a probe's provider uses the probe shown just above it).
 */
final class SnippetCompiler {
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
  private static final Pattern TYPE = Pattern.compile(
      "(?m)^(?:public\\s+|final\\s+|abstract\\s+|sealed\\s+|non-sealed\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)");
  private static final Pattern PUBLIC_TYPE = Pattern.compile(
      "(?m)^public\\s+(?:final\\s+|abstract\\s+|sealed\\s+|non-sealed\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)");
  /** The lines a wrapped snippet keeps at the top of its file: imports, comments, blank lines. */
  private static final Pattern HEADER_LINE = Pattern.compile("^\\s*(import\\s[^;]*;\\s*(//.*)?|//.*|)$");

  private final String file;
  private final List<String> classPath;
  private final Path work;
  private final List<Path> compiled = new ArrayList<>();

  /**
   * @param file the Markdown file's name, for messages
   * @param classPath what the snippets compile against
   * @param work an empty directory for sources and classes
   */
  SnippetCompiler(String file, List<String> classPath, Path work) {
    this.file = file;
    this.classPath = List.copyOf(classPath);
    this.work = work;
  }

  /** A generated source file and, for each of its lines, the Markdown line it came from (0: none). */
  record Source(String name, String text, int[] markdownLines) {}

  /**
   * Wraps a snippet as its kind says.
   *
   * @param snippet the snippet
   * @return the source file to compile
   */
  static Source wrap(Snippet snippet) {
    return wrap(snippet, "ReadmeLine" + snippet.line());
  }

  /**
   * Wraps a snippet as its kind says, naming the wrapper class.
   *
   * @param snippet the snippet
   * @param wrapper the name of the class around a class-body or method-body snippet
   * @return the source file to compile
   */
  static Source wrap(Snippet snippet, String wrapper) {
    List<String> out = new ArrayList<>();
    List<Integer> map = new ArrayList<>();
    int at = snippet.line();
    if (snippet.kind() == Kind.FILE) {
      for (int i = 0; i < snippet.lines().size(); i++) {
        out.add(snippet.lines().get(i));
        map.add(at + i);
      }
      String code = snippet.code();
      Matcher pub = PUBLIC_TYPE.matcher(code);
      Matcher any = TYPE.matcher(code);
      String type = pub.find() ? pub.group(1) : any.find() ? any.group(1) : wrapper;
      Matcher pkg = PACKAGE.matcher(code);
      String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
      return source(dir + type + ".java", out, map);
    }
    // Imports and the comments and blank lines among them stay at the top; the rest is the body.
    int split = 0;
    while (split < snippet.lines().size() && HEADER_LINE.matcher(snippet.lines().get(split)).matches()) {
      split++;
    }
    for (int i = 0; i < split; i++) {
      out.add(snippet.lines().get(i));
      map.add(at + i);
    }
    out.add("class " + wrapper + " {");
    map.add(0);
    if (snippet.kind() == Kind.METHOD_BODY) {
      out.add("void snippet() throws Exception {");
      map.add(0);
    }
    for (int i = split; i < snippet.lines().size(); i++) {
      out.add(snippet.lines().get(i));
      map.add(at + i);
    }
    if (snippet.kind() == Kind.METHOD_BODY) {
      out.add("}");
      map.add(0);
    }
    out.add("}");
    map.add(0);
    return source(wrapper + ".java", out, map);
  }

  private static Source source(String name, List<String> lines, List<Integer> map) {
    return new Source(name, String.join("\n", lines) + "\n", map.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Compiles one snippet.
   *
   * @param snippet the snippet
   * @return the compiler's errors and warnings, each with its Markdown line; empty when it compiled
   *     cleanly
   */
  List<String> compile(Snippet snippet) throws IOException {
    Source source = wrap(snippet);
    Path dir = work.resolve("line" + snippet.line());
    Path src = dir.resolve("src").resolve(source.name());
    Path classes = dir.resolve("classes");
    Files.createDirectories(src.getParent());
    Files.createDirectories(classes);
    Files.writeString(src, source.text());

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no Java compiler in this runtime (java.home "
          + System.getProperty("java.home") + "); the README test needs a JDK");
    }
    List<String> path = new ArrayList<>(classPath);
    compiled.forEach(p -> path.add(p.toString()));
    List<String> options = List.of("--release", "17", "-proc:none", "-encoding", "UTF-8",
        // A README must not teach deprecated or unchecked use of the API.
        "-Xlint:deprecation,removal,unchecked,rawtypes", "-Werror",
        "-classpath", String.join(File.pathSeparator, path), "-d", classes.toString());
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter log = new StringWriter();
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      ok = javac.getTask(log, files, diagnostics, options, null, files.getJavaFileObjects(src)).call();
    }
    List<String> messages = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.NOTE) {
        continue;
      }
      long line = d.getLineNumber();
      int markdownLine = line >= 1 && line <= source.markdownLines().length ? source.markdownLines()[(int) line - 1] : 0;
      String where = markdownLine > 0 ? file + ":" + markdownLine : file + ":" + snippet.line() + " (wrapper of the "
          + snippet.kind().mark + " snippet)";
      messages.add(where + ": " + d.getKind().toString().toLowerCase(Locale.ROOT) + ": "
          + d.getMessage(Locale.ROOT));
    }
    if (!ok && messages.isEmpty()) {
      messages.add(file + ":" + snippet.line() + ": the compiler failed: " + log);
    }
    if (ok) {
      compiled.add(classes);
    }
    return messages;
  }
}
