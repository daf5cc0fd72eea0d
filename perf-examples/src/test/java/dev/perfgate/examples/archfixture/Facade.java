package dev.perfgate.examples.archfixture;

import dev.perfgate.examples.archfixture.internal.Impl;

/** A facade that hands out its implementation, which imports it back: what the facade rule must catch. */
public final class Facade {
  private Facade() {}

  /**
   * The implementation.
   *
   * @return a new one
   */
  public static Object make() {
    return new Impl();
  }
}
