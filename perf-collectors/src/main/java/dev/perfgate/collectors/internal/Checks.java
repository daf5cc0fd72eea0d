package dev.perfgate.collectors.internal;

/**
 * The precondition helper of the memory probes: messages name the thing, the bad value and the fix.
 * Internal; not part of the API.
 */
public final class Checks {
  private Checks() {}

  /**
   * Fails with an {@link IllegalArgumentException} when {@code ok} is false.
   *
   * @param ok the condition
   * @param format the message format
   * @param args the message arguments
   */
  public static void argument(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }

  /**
   * Fails with an {@link IllegalStateException} when {@code ok} is false.
   *
   * @param ok the condition
   * @param format the message format
   * @param args the message arguments
   */
  public static void state(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new IllegalStateException(String.format(format, args));
    }
  }

  /**
   * Fails with a {@link NullPointerException} naming the thing when it is null.
   *
   * @param value the value
   * @param what what it is
   * @param <T> its type
   * @return the value
   */
  public static <T> T notNull(T value, String what) {
    if (value == null) {
      throw new NullPointerException(what + " must not be null");
    }
    return value;
  }
}
