package dev.perfgate.generator;

import dev.perfgate.api.internal.Checks;
import java.time.Duration;
import java.util.function.Function;

/**
 * How benchmarks are run: trials, samples, warm-up, calibration and timeout. Immutable; build one
 * with {@link #newBuilder()}, start from {@link #defaults()} or {@link #quick()}, or let
 * {@link #fromSystemProperties()} apply CI overrides.
 *
 * <p>A result is made of {@code trials} independent trials; each trial sets the benchmark up
 * afresh, warms it up (at least {@code warmup}, longer in the first trial, until the time per
 * operation is steady or {@code maxWarmup} has passed), calibrates the batch so that one sample lasts
 * about {@code sampleTime}, and takes {@code samples} samples. In single-shot mode a sample is one
 * operation and the warm-up runs at least one.
 *
 * @param trials independent trials per benchmark variant, at least 2 (comparisons need several)
 * @param samples samples per trial, at least 1
 * @param sampleTime the calibrated length of one sample (repeated mode)
 * @param warmup the minimum warm-up of every trial after the first
 * @param firstWarmup the minimum warm-up of the first trial, when the JIT compiles the code
 * @param maxWarmup the longest warm-up before measuring anyway (a warning says it was not steady)
 * @param timeout the longest one benchmark variant may run before it is stopped and reported
 */
public record RunOptions(int trials, int samples, Duration sampleTime, Duration warmup, Duration firstWarmup,
    Duration maxWarmup, Duration timeout) {

  /**
   * Creates options.
   *
   * @throws IllegalArgumentException if a count is too small or a duration is negative or zero where
   *     it must be positive, or maxWarmup is shorter than firstWarmup
   */
  public RunOptions {
    Checks.argument(trials >= 2, "trials (%s) must be >= 2: comparisons and intervals need several", trials);
    Checks.argument(samples >= 1, "samples (%s) must be >= 1", samples);
    positive(sampleTime, "sampleTime");
    notNegative(warmup, "warmup");
    notNegative(firstWarmup, "firstWarmup");
    notNegative(maxWarmup, "maxWarmup");
    positive(timeout, "timeout");
    Checks.argument(maxWarmup.compareTo(firstWarmup) >= 0 && maxWarmup.compareTo(warmup) >= 0,
        "maxWarmup (%s) must be >= warmup (%s) and firstWarmup (%s)", maxWarmup, warmup, firstWarmup);
  }

  /**
   * The defaults: 8 trials of 5 samples of 20 ms; 300 ms first warm-up, then 30 ms; warm-up at most
   * 3 s; timeout 10 minutes. About 1.5 s per variant of a fast operation.
   *
   * @return the default options
   */
  public static RunOptions defaults() {
    return new RunOptions(8, 5, Duration.ofMillis(20), Duration.ofMillis(30), Duration.ofMillis(300),
        Duration.ofSeconds(3), Duration.ofMinutes(10));
  }

  /**
   * Quick mode for smoke runs: 3 trials of 3 samples of 5 ms, 50 ms first warm-up, 5 ms after.
   * Figures are rougher; budgets still apply.
   *
   * @return the quick options
   */
  public static RunOptions quick() {
    return new RunOptions(3, 3, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofMillis(50),
        Duration.ofSeconds(1), Duration.ofMinutes(10));
  }

  /**
   * The defaults with the overrides of system properties ({@code -Dperfgate.quick=true},
   * {@code -Dperfgate.timeout=30s}, ...: see {@link Settings#keys()}).
   *
   * @return the options
   * @throws IllegalArgumentException if a {@code perfgate.*} property is unknown or its value bad
   */
  public static RunOptions fromSystemProperties() {
    return Settings.fromSystemProperties().runOptions();
  }

  /**
   * These options with the overrides a configuration source gives: {@code perfgate.quick=true}
   * switches to {@link #quick()}, then {@code perfgate.trials}, {@code perfgate.samples} and
   * {@code perfgate.timeout} set theirs (see {@link Settings#keys()}).
   *
   * @param config looks up a key, returning null where it is not set
   * @return the options with the overrides applied
   * @throws IllegalArgumentException if a value does not parse or is out of range; the message names
   *     the key
   */
  public RunOptions withOverrides(Function<String, String> config) {
    return Settings.from(config).overrides(this);
  }

  /**
   * A builder that starts from {@link #defaults()}.
   *
   * @return the builder
   */
  public static Builder newBuilder() {
    return new Builder(defaults());
  }

  /**
   * A builder that starts from these options.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  private static void positive(Duration d, String what) {
    Checks.notNull(d, what);
    Checks.argument(!d.isNegative() && !d.isZero(), "%s (%s) must be positive", what, d);
  }

  private static void notNegative(Duration d, String what) {
    Checks.notNull(d, what);
    Checks.argument(!d.isNegative(), "%s (%s) must not be negative", what, d);
  }

  /** Builds {@link RunOptions}; {@link #build()} checks the combination. */
  public static final class Builder {
    private int trials;
    private int samples;
    private Duration sampleTime;
    private Duration warmup;
    private Duration firstWarmup;
    private Duration maxWarmup;
    private Duration timeout;

    private Builder(RunOptions from) {
      trials = from.trials;
      samples = from.samples;
      sampleTime = from.sampleTime;
      warmup = from.warmup;
      firstWarmup = from.firstWarmup;
      maxWarmup = from.maxWarmup;
      timeout = from.timeout;
    }

    /**
     * Sets the number of independent trials.
     *
     * @param trials at least 2
     * @return this builder
     */
    public Builder trials(int trials) {
      this.trials = trials;
      return this;
    }

    /**
     * Sets the samples per trial.
     *
     * @param samples at least 1
     * @return this builder
     */
    public Builder samples(int samples) {
      this.samples = samples;
      return this;
    }

    /**
     * Sets the calibrated length of one sample.
     *
     * @param sampleTime positive
     * @return this builder
     */
    public Builder sampleTime(Duration sampleTime) {
      this.sampleTime = sampleTime;
      return this;
    }

    /**
     * Sets the minimum warm-up of each trial after the first.
     *
     * @param warmup not negative
     * @return this builder
     */
    public Builder warmup(Duration warmup) {
      this.warmup = warmup;
      return this;
    }

    /**
     * Sets the minimum warm-up of the first trial.
     *
     * @param firstWarmup not negative
     * @return this builder
     */
    public Builder firstWarmup(Duration firstWarmup) {
      this.firstWarmup = firstWarmup;
      return this;
    }

    /**
     * Sets the longest warm-up.
     *
     * @param maxWarmup at least the other warm-ups
     * @return this builder
     */
    public Builder maxWarmup(Duration maxWarmup) {
      this.maxWarmup = maxWarmup;
      return this;
    }

    /**
     * Sets the timeout of one benchmark variant.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return immutable options
     * @throws IllegalArgumentException if a value is out of range
     */
    public RunOptions build() {
      return new RunOptions(trials, samples, sampleTime, warmup, firstWarmup, maxWarmup, timeout);
    }
  }
}
