package dev.perfgate.examples.generator.template;

/** A dotted name split at compile time, so rendering never parses names. */
record Path(String text, String[] segments) {

  static Path parse(String text) {
    if (text.equals("this") || text.equals(".")) {
      return new Path(text, new String[0]);
    }
    return new Path(text, text.split("\\.", -1));
  }

  boolean isThis() {
    return segments.length == 0;
  }
}
