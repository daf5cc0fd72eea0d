package dev.perfgate.examples.generator.template;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** One node of a compiled template: literal text, a variable, or a block with a body. */
interface Node {

  void render(Scope scope, StringBuilder out);

  static void renderAll(List<Node> nodes, Scope scope, StringBuilder out) {
    for (Node n : nodes) {
      n.render(scope, out);
    }
  }

  /** Falsy values: absent, false, empty text, empty collection or map, zero. */
  static boolean truthy(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (value instanceof Number n) {
      return n.doubleValue() != 0;
    }
    return true;
  }

  /** Literal text, copied as is. */
  record Text(String text) implements Node {
    @Override
    public void render(Scope scope, StringBuilder out) {
      out.append(text);
    }
  }

  /** {@code {{path|filter|filter}}}: the value's text after the filters; nothing if absent. */
  record Variable(Path path, List<UnaryOperator<String>> filters) implements Node {
    @Override
    public void render(Scope scope, StringBuilder out) {
      Object value = scope.resolve(path);
      if (value == null) {
        return;
      }
      String text = value.toString();
      for (UnaryOperator<String> f : filters) {
        text = f.apply(text);
      }
      out.append(text);
    }
  }

  /** {@code {{#each path}}body{{else}}otherwise{{/each}}}: the body once per item, else the alternative. */
  record Each(Path path, List<Node> body, List<Node> otherwise) implements Node {
    @Override
    public void render(Scope scope, StringBuilder out) {
      Object value = scope.resolve(path);
      if (value instanceof List<?> list && !list.isEmpty()) {
        int size = list.size();
        for (int i = 0; i < size; i++) {
          renderAll(body, scope.iteration(list.get(i), i, size), out);
        }
      } else if (value instanceof Collection<?> items && !items.isEmpty()) {
        int size = items.size();
        int i = 0;
        for (Object item : items) {
          renderAll(body, scope.iteration(item, i++, size), out);
        }
      } else {
        renderAll(otherwise, scope, out);
      }
    }
  }

  /** {@code {{#if path}}} and {@code {{#unless path}}}, each with an optional {@code {{else}}}. */
  record Conditional(Path path, boolean negated, List<Node> then, List<Node> otherwise) implements Node {
    @Override
    public void render(Scope scope, StringBuilder out) {
      boolean condition = truthy(scope.resolve(path)) != negated;
      renderAll(condition ? then : otherwise, scope, out);
    }
  }
}
