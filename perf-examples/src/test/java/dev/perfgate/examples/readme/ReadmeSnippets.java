package dev.perfgate.examples.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java snippets of a Markdown file, each with the wrapper it needs to compile, read the way a
 * person reads the page.
 *
 * <p>Each {@code ```java} fence is marked by an HTML comment on the line before it (blank lines
 * allowed between), which Markdown does not show:
 *
 * <ul>
 *   <li>{@code <!-- snippet: file -->}: a whole source file (package, imports, types), compiled as
 *       printed;
 *   <li>{@code <!-- snippet: class-body -->}: imports, then members of a class (fields, methods,
 *       nested types), compiled inside a class;
 *   <li>{@code <!-- snippet: method-body -->}: imports, then statements, compiled inside a method
 *       that may throw any exception.
 * </ul>
 *
 * <p>A Java fence without a known mark, a mark without a Java fence, and an unlabelled fence that
 * holds Java are problems: the snippet test fails on each, so a new snippet cannot go unchecked.
 */
final class ReadmeSnippets {

  /** The wrapper a snippet needs. */
  enum Kind {
    FILE("file"),
    CLASS_BODY("class-body"),
    METHOD_BODY("method-body");

    final String mark;

    Kind(String mark) {
      this.mark = mark;
    }

    static Kind of(String mark) {
      for (Kind k : values()) {
        if (k.mark.equals(mark)) {
          return k;
        }
      }
      return null;
    }

    static String marks() {
      List<String> marks = new ArrayList<>();
      for (Kind k : values()) {
        marks.add("<!-- snippet: " + k.mark + " -->");
      }
      return String.join(", ", marks);
    }
  }

  /**
   * One snippet.
   *
   * @param line the line of the Markdown file where its code starts (1-based)
   * @param kind its wrapper
   * @param lines its code lines, the fence's indentation removed
   */
  record Snippet(int line, Kind kind, List<String> lines) {
    Snippet {
      lines = List.copyOf(lines);
    }

    String code() {
      return String.join("\n", lines) + "\n";
    }
  }

  /**
   * What was found.
   *
   * @param snippets the marked Java snippets, in page order
   * @param javaFences how many {@code ```java} fences the page has
   * @param problems each problem, with its line
   */
  record Parsed(List<Snippet> snippets, int javaFences, List<String> problems) {
    Parsed {
      snippets = List.copyOf(snippets);
      problems = List.copyOf(problems);
    }
  }

  private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*([^`\\s]*).*$");
  private static final Pattern MARK = Pattern.compile("^\\s*<!--\\s*snippet:\\s*(\\S*)\\s*-->\\s*$");
  private static final Pattern ANY_MARK = Pattern.compile("<!--\\s*snippet\\b");
  /** Lines that only Java (or a language like it) would hold: an unlabelled fence with one is Java. */
  private static final Pattern JAVA_LIKE = Pattern.compile(
      "^\\s*(import\\s+[\\w.*]+\\s*;|package\\s+[\\w.]+\\s*;|@[A-Z]\\w*|(public\\s+|final\\s+)*(class|interface|record|enum)\\s+[A-Z]\\w*"
          + "|.*\\)\\s*;\\s*$|.*\\)\\s*\\{\\s*$)");

  private ReadmeSnippets() {}

  static Parsed parse(String markdown, String file) {
    String[] lines = markdown.split("\r?\n", -1);
    List<Snippet> snippets = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int javaFences = 0;
    String pendingMark = null;
    int pendingLine = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher mark = MARK.matcher(line);
      if (mark.matches()) {
        if (pendingMark != null) {
          problems.add(file + ":" + pendingLine + ": a snippet mark with no ```java fence after it");
        }
        pendingMark = mark.group(1);
        pendingLine = i + 1;
        continue;
      }
      if (ANY_MARK.matcher(line).find()) {
        problems.add(file + ":" + (i + 1) + ": a snippet mark must stand alone on its line as one of "
            + Kind.marks() + ": " + line.strip());
        continue;
      }
      Matcher fence = FENCE.matcher(line);
      if (!fence.matches()) {
        if (!line.isBlank() && pendingMark != null) {
          problems.add(file + ":" + pendingLine + ": a snippet mark with no ```java fence after it");
          pendingMark = null;
        }
        continue;
      }
      String indent = fence.group(1);
      String run = fence.group(2);
      String info = fence.group(3).toLowerCase(Locale.ROOT);
      int start = i + 1;
      List<String> body = new ArrayList<>();
      int j = start;
      for (; j < lines.length; j++) {
        String l = lines[j];
        if (l.strip().startsWith(run) && l.strip().chars().allMatch(c -> c == run.charAt(0))) {
          break;
        }
        body.add(l.startsWith(indent) ? l.substring(indent.length()) : l.stripLeading());
      }
      if (j == lines.length) {
        problems.add(file + ":" + (i + 1) + ": a fence that is never closed");
      }
      boolean java = info.equals("java");
      if (java) {
        javaFences++;
        Kind kind = pendingMark == null ? null : Kind.of(pendingMark);
        if (pendingMark == null) {
          problems.add(file + ":" + (i + 1) + ": a ```java fence without a snippet mark; put one of "
              + Kind.marks() + " on the line before it");
        } else if (kind == null) {
          problems.add(file + ":" + pendingLine + ": unknown snippet kind '" + pendingMark + "'; use one of "
              + Kind.marks());
        } else {
          snippets.add(new Snippet(start + 1, kind, body));
        }
      } else {
        if (pendingMark != null) {
          problems.add(file + ":" + pendingLine + ": a snippet mark before a fence labelled '" + info
              + "'; only ```java fences are compiled");
        }
        if (info.isEmpty() && body.stream().anyMatch(l -> JAVA_LIKE.matcher(l).matches())) {
          problems.add(file + ":" + (i + 1) + ": an unlabelled fence that holds Java; label it ```java and mark it"
              + " (or label it ```text if it is not code)");
        }
      }
      pendingMark = null;
      i = j;
    }
    if (pendingMark != null) {
      problems.add(file + ":" + pendingLine + ": a snippet mark with no ```java fence after it");
    }
    return new Parsed(snippets, javaFences, problems);
  }
}
