package dev.perfgate.examples.generator.template;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The filters a variable can pipe its text through: case conversions that code generation needs. */
final class Filters {
  private static final Map<String, UnaryOperator<String>> FILTERS = Map.of(
      "pascal", s -> words(s, true),
      "camel", s -> words(s, false),
      "kebab", s -> s.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-'),
      "lower", s -> s.toLowerCase(Locale.ROOT),
      "upper", s -> s.toUpperCase(Locale.ROOT),
      "quote", s -> '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"',
      "trim", String::strip);

  private Filters() {}

  static Optional<UnaryOperator<String>> find(String name) {
    return Optional.ofNullable(FILTERS.get(name));
  }

  static String names() {
    return String.join(", ", new java.util.TreeSet<>(FILTERS.keySet()));
  }

  /** {@code INVOICE_LINE} to {@code InvoiceLine} (pascal) or {@code invoiceLine} (camel). */
  private static String words(String s, boolean capitalFirst) {
    StringBuilder b = new StringBuilder(s.length());
    boolean upperNext = capitalFirst;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_' || c == ' ' || c == '-') {
        upperNext = b.length() > 0 || capitalFirst;
        continue;
      }
      b.append(upperNext ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upperNext = false;
    }
    return b.toString();
  }
}
