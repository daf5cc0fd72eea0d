package dev.perfgate.api.internal;

/**
 * The one precondition helper of Perfgate: messages name the thing, the bad value and the fix. It
 * lives in perf-api, the module every other one depends on, so that perf-collectors, perf-baseline
 * and perf-generator share it instead of each keeping a copy; it is internal, not part of the API
 * (a later {@code module-info} exports this package only to the Perfgate modules).
 */
public final class Checks {
  private Checks() {}

  /**
   * Returns the value, or throws if it is null.
   *
   * @param value the value
   * @param what what it is, for the message ("cache 'schema'")
   * @param <T> its type
   * @return the value
   * @throws NullPointerException if the value is null; the message says "{@code what} must not be null"
   */
  public static <T> T notNull(T value, String what) {
    if (value == null) {
      throw new NullPointerException(what + " must not be null");
    }
    return value;
  }

  /**
   * Fails an argument check.
   *
   * @param ok the condition the argument meets
   * @param messageFormat the message, a {@link String#format} pattern naming the thing, the value and the fix
   * @param args the pattern's arguments
   * @throws IllegalArgumentException if {@code ok} is false
   */
  public static void argument(boolean ok, String messageFormat, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(messageFormat, args));
    }
  }

  /**
   * Fails a state check.
   *
   * @param ok the condition the state meets
   * @param messageFormat the message, a {@link String#format} pattern
   * @param args the pattern's arguments
   * @throws IllegalStateException if {@code ok} is false
   */
  public static void state(boolean ok, String messageFormat, Object... args) {
    if (!ok) {
      throw new IllegalStateException(String.format(messageFormat, args));
    }
  }

  /**
   * Returns a name that is neither null nor blank.
   *
   * @param name the name
   * @param what what it names
   * @return the name
   * @throws NullPointerException if the name is null
   * @throws IllegalArgumentException if the name is blank
   */
  public static String name(String name, String what) {
    notNull(name, what);
    argument(!name.isBlank(), "%s must not be blank", what);
    return name;
  }

  /**
   * Returns a finite number.
   *
   * @param value the number
   * @param what what it is
   * @return the number
   * @throws IllegalArgumentException if the number is NaN or infinite
   */
  public static double finite(double value, String what) {
    argument(Double.isFinite(value), "%s (%s) must be a finite number", what, value);
    return value;
  }
}
