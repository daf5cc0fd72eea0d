package dev.perfgate.examples.generator.template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A compiled template: the source parsed once into a tree of nodes, rendered many times against a context.
 *
 * <p>Why a small engine of our own rather than Mustache or FreeMarker: the generator needs four constructs,
 * no extra dependency should enter the examples for them, and what the template cache saves must be real work
 * that is easy to see. Compiling scans the whole source, checks the block structure, splits every dotted name
 * and resolves every filter; rendering only walks the tree. So a render with the cache off (compile, then
 * render) costs visibly more than one with the cache on.
 *
 * <p>The syntax, close to Mustache's:
 * <ul>
 *   <li>{@code {{name}}}, {@code {{table.name}}}, {@code {{this}}}: the value's text, nothing if absent; names
 *       are looked up in the current item first, then in the enclosing ones;</li>
 *   <li>{@code {{name|pascal|quote}}}: the text through filters ({@code pascal camel kebab lower upper quote
 *       trim});</li>
 *   <li>{@code {{#each list}}...{{else}}...{{/each}}}: the body once per item; inside it, {@code @index},
 *       {@code @first} and {@code @last};</li>
 *   <li>{@code {{#if name}}...{{else}}...{{/if}}} and {@code {{#unless name}}...{{/unless}}}: false, absent,
 *       empty and zero are false;</li>
 *   <li>{@code {{! comment }}}.</li>
 * </ul>
 * A block or comment tag alone on its line takes the whole line with it, so templates can be indented freely.
 * Contexts are {@code Map}s with {@code String} keys, lists and plain values. No escaping: the output is
 * source code, not HTML.
 *
 * <pre>{@code
 * Template t = Template.compile("greeting", "{{#each names}}Hello {{this|pascal}}!\n{{/each}}");
 * String text = t.render(Map.of("names", List.of("ada", "alan")));   // "Hello Ada!\nHello Alan!\n"
 * }</pre>
 */
public final class Template {
  private final String name;
  private final List<Node> nodes;
  private final int nodeCount;
  private final int sourceLength;

  private Template(String name, List<Node> nodes, int nodeCount, int sourceLength) {
    this.name = name;
    this.nodes = nodes;
    this.nodeCount = nodeCount;
    this.sourceLength = sourceLength;
  }

  /**
   * Compiles a template source.
   *
   * @param name the template name, used in error messages
   * @param source the template text
   * @return the compiled template, immutable and safe to render from several threads
   * @throws TemplateSyntaxException if the source is malformed: an unclosed {@code {{} or block, a closing
   *     tag that does not match, an unknown block or filter, an empty or invalid name
   */
  public static Template compile(String name, String source) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    return new Compiler(name, source).compile();
  }

  /**
   * Renders the template against a context.
   *
   * @param context the root context, usually a {@code Map<String, ?>}
   * @return the rendered text
   */
  public String render(Object context) {
    StringBuilder out = new StringBuilder(sourceLength * 2);
    renderTo(context, out);
    return out.toString();
  }

  /**
   * Renders the template against a context, appending to a builder.
   *
   * @param context the root context, usually a {@code Map<String, ?>}
   * @param out where the text goes
   */
  public void renderTo(Object context, StringBuilder out) {
    Node.renderAll(nodes, Scope.root(context), out);
  }

  /**
   * Returns the template name.
   *
   * @return the name given to {@link #compile}
   */
  public String name() {
    return name;
  }

  /**
   * Counts the nodes of the compiled tree (text, variables and blocks, nested ones included).
   *
   * @return the number of nodes
   */
  public int nodeCount() {
    return nodeCount;
  }

  @Override
  public String toString() {
    return "Template[" + name + ", " + nodeCount + " nodes]";
  }

  /** One compilation: a scan of the source that builds the tree with a stack of open blocks. */
  private static final class Compiler {
    private final String name;
    private final String source;
    private final Deque<Block> open = new ArrayDeque<>();
    private final List<Node> root = new ArrayList<>();
    private int count;

    /** A block being compiled: its kind, its argument and where it was opened. */
    private static final class Block {
      final String kind;
      final Path path;
      final int at;
      final List<Node> body = new ArrayList<>();
      final List<Node> otherwise = new ArrayList<>();
      boolean inElse;

      Block(String kind, Path path, int at) {
        this.kind = kind;
        this.path = path;
        this.at = at;
      }
    }

    Compiler(String name, String source) {
      this.name = name;
      this.source = source;
    }

    Template compile() {
      int pending = 0;
      int scan = 0;
      while (true) {
        int start = source.indexOf("{{", scan);
        if (start < 0) {
          break;
        }
        int close = source.indexOf("}}", start + 2);
        if (close < 0) {
          throw error(start, "'{{' is never closed; add '}}'");
        }
        String tag = source.substring(start + 2, close).strip();
        if (tag.isEmpty()) {
          throw error(start, "empty tag {{}}; write a name such as {{name}}");
        }
        int end = close + 2;
        int textEnd = start;
        int next = end;
        char first = tag.charAt(0);
        if (first == '#' || first == '/' || first == '!' || tag.equals("else")) {
          // A standalone block tag takes its indentation and its line break with it.
          int lineStart = source.lastIndexOf('\n', start - 1) + 1;
          if (lineStart >= pending && blank(lineStart, start)) {
            int newline = source.indexOf('\n', end);
            int lineEnd = newline < 0 ? source.length() : newline;
            if (blank(end, lineEnd)) {
              textEnd = lineStart;
              next = newline < 0 ? source.length() : newline + 1;
            }
          }
        }
        text(pending, textEnd);
        tag(tag, start);
        pending = next;
        scan = next;
      }
      text(pending, source.length());
      if (!open.isEmpty()) {
        Block b = open.peek();
        throw error(b.at, "{{#" + b.kind + " " + b.path.text() + "}} is never closed; add {{/" + b.kind + "}}");
      }
      return new Template(name, List.copyOf(root), count, source.length());
    }

    private void tag(String tag, int at) {
      char first = tag.charAt(0);
      if (first == '!') {
        return;
      }
      if (tag.equals("else")) {
        Block b = open.peek();
        if (b == null || b.inElse) {
          throw error(at, b == null ? "{{else}} outside a block; use it inside {{#if}}, {{#unless}} or {{#each}}"
              : "second {{else}} in {{#" + b.kind + "}}; a block has at most one");
        }
        b.inElse = true;
        return;
      }
      if (first == '#') {
        String[] parts = tag.substring(1).strip().split("\\s+", 2);
        String kind = parts[0];
        if (!kind.equals("each") && !kind.equals("if") && !kind.equals("unless")) {
          throw error(at, "unknown block {{#" + kind + "}}; blocks are #each, #if and #unless");
        }
        if (parts.length < 2) {
          throw error(at, "{{#" + kind + "}} needs a name, as in {{#" + kind + " columns}}");
        }
        open.push(new Block(kind, path(parts[1].strip(), at), at));
        return;
      }
      if (first == '/') {
        String kind = tag.substring(1).strip();
        Block b = open.peek();
        if (b == null) {
          throw error(at, "{{/" + kind + "}} closes no block; remove it or open one before");
        }
        if (!b.kind.equals(kind)) {
          throw error(at, "{{/" + kind + "}} closes {{#" + b.kind + " " + b.path.text() + "}} opened at "
              + position(b.at) + "; write {{/" + b.kind + "}}");
        }
        open.pop();
        Node node = kind.equals("each")
            ? new Node.Each(b.path, List.copyOf(b.body), List.copyOf(b.otherwise))
            : new Node.Conditional(b.path, kind.equals("unless"), List.copyOf(b.body), List.copyOf(b.otherwise));
        add(node);
        return;
      }
      String[] parts = tag.split("\\|");
      List<UnaryOperator<String>> filters = new ArrayList<>(parts.length - 1);
      for (int i = 1; i < parts.length; i++) {
        String filter = parts[i].strip();
        filters.add(Filters.find(filter).orElseThrow(() -> error(at,
            "unknown filter '" + filter + "' in {{" + tag + "}}; filters are " + Filters.names())));
      }
      add(new Node.Variable(path(parts[0].strip(), at), List.copyOf(filters)));
    }

    private Path path(String text, int at) {
      if (text.equals("this") || text.equals(".")) {
        return Path.parse(text);
      }
      if (text.isEmpty() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
        throw error(at, "invalid name '" + text + "'; write a name such as table.name");
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean ok = Character.isLetterOrDigit(c) || c == '_' || c == '.' || (c == '@' && i == 0);
        if (!ok) {
          throw error(at, "invalid character '" + c + "' in name '" + text
              + "'; names are letters, digits, '_' and '.', with '@' only for @index, @first, @last");
        }
      }
      return Path.parse(text);
    }

    private void text(int from, int to) {
      if (to > from) {
        add(new Node.Text(source.substring(from, to)));
      }
    }

    private void add(Node node) {
      count++;
      Block b = open.peek();
      if (b == null) {
        root.add(node);
      } else {
        (b.inElse ? b.otherwise : b.body).add(node);
      }
    }

    private boolean blank(int from, int to) {
      for (int i = from; i < to; i++) {
        char c = source.charAt(i);
        if (c != ' ' && c != '\t' && c != '\r') {
          return false;
        }
      }
      return true;
    }

    private String position(int index) {
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < index; i++) {
        if (source.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      return "line " + line + " column " + (index - lineStart + 1);
    }

    private TemplateSyntaxException error(int index, String problem) {
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < index; i++) {
        if (source.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      return new TemplateSyntaxException(name, line, index - lineStart + 1, problem);
    }
  }
}
