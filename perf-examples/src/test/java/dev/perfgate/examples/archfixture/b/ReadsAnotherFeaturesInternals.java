package dev.perfgate.examples.archfixture.b;

import dev.perfgate.examples.archfixture.a.internal.Secret;

/** Feature {@code b} reading feature {@code a}'s internals: what the feature-internals rule must catch. */
public final class ReadsAnotherFeaturesInternals {
  private ReadsAnotherFeaturesInternals() {}

  /**
   * Reads the secret.
   *
   * @return it
   */
  public static int peek() {
    return Secret.value();
  }
}
