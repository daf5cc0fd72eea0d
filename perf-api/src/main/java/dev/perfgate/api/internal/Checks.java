package dev.perfgate.api;

/**
 * The one precondition helper of {@code perf-api}: messages name the thing, the bad value and the fix.
 */
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

  static String name(String name, String what) {
    notNull(name, what);
    argument(!name.isBlank(), "%s must not be blank", what);
    return name;
  }

  static double finite(double value, String what) {
    argument(Double.isFinite(value), "%s (%s) must be a finite number", what, value);
    return value;
  }
}
