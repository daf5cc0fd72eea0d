package dev.perfgate.generator;

/** The precondition helper of perf-generator's public API. */
final class Checks {
  private Checks() {}

  static <T> T notNull(T value, String what) {
    if (value == null) {
      throw new NullPointerException(what + " must not be null");
    }
    return value;
  }

  static void argument(boolean ok, String messageFormat, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(messageFormat, args));
    }
  }

  static void state(boolean ok, String messageFormat, Object... args) {
    if (!ok) {
      throw new IllegalStateException(String.format(messageFormat, args));
    }
  }
}
