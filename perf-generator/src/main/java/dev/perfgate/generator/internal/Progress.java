package dev.perfgate.generator.internal;

import dev.perfgate.api.Result;

/** Hears about a suite's progress: the console, or nothing for a quiet suite. */
public interface Progress extends VariantRunner.Listener {

  /** Hears nothing. */
  Progress NONE = new Progress() {};

  /**
   * Work on a variant or a group of variants began; with {@code count} 0, a re-measurement.
   *
   * @param what the variant or group, in words
   * @param index its position, from 1
   * @param count the number of variants, or 0 for a re-measurement
   */
  default void started(String what, int index, int count) {}

  /**
   * A variant's trials ended.
   *
   * @param result its result
   * @param index its position, from 1
   * @param count the number of variants
   */
  default void finished(Result result, int index, int count) {}
}
