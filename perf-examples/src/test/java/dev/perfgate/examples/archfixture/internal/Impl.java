package dev.perfgate.examples.archfixture.internal;

import dev.perfgate.examples.archfixture.Facade;

/** An implementation that imports its facade: the cycle the facade rule forbids. */
public final class Impl {
  /** Names its facade, which makes the cycle. */
  public static final String FACADE = Facade.class.getName();
}
