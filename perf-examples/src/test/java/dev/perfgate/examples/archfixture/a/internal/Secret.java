package dev.perfgate.examples.archfixture.a.internal;

/** An internal class of feature {@code a}. */
public final class Secret {
  /** Something only feature {@code a} should read. */
  public static int value() {
    return 42;
  }
}
