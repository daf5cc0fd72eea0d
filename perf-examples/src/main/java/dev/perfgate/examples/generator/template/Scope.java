package dev.perfgate.examples.generator.template;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The chain of contexts a template renders against: the root value, then one link per enclosing
 * {@code #each} iteration. A name is looked up from the innermost link outwards, so a column template can
 * still read its table's fields.
 */
final class Scope {
  private final Object value;
  private final Scope parent;
  private final int index;
  private final int size;

  private Scope(Object value, Scope parent, int index, int size) {
    this.value = value;
    this.parent = parent;
    this.index = index;
    this.size = size;
  }

  static Scope root(Object value) {
    return new Scope(value, null, -1, 0);
  }

  Scope iteration(Object item, int itemIndex, int itemCount) {
    return new Scope(item, this, itemIndex, itemCount);
  }

  Object resolve(Path path) {
    if (path.isThis()) {
      return value;
    }
    String first = path.segments()[0];
    Object found;
    if (first.charAt(0) == '@') {
      found = loopVariable(first);
    } else {
      found = null;
      for (Scope s = this; s != null; s = s.parent) {
        if (s.value instanceof Map<?, ?> map && map.containsKey(first)) {
          found = map.get(first);
          break;
        }
      }
    }
    String[] segments = path.segments();
    for (int i = 1; i < segments.length && found != null; i++) {
      found = found instanceof Map<?, ?> map ? map.get(segments[i]) : null;
    }
    return found;
  }

  private @Nullable Object loopVariable(String name) {
    // The innermost iteration answers; outside any #each the loop variables are absent.
    for (Scope s = this; s != null; s = s.parent) {
      if (s.index >= 0) {
        switch (name) {
          case "@index":
            return s.index;
          case "@first":
            return s.index == 0;
          case "@last":
            return s.index == s.size - 1;
          default:
            return null;
        }
      }
    }
    return null;
  }
}
