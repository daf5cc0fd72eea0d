package dev.perfgate.api.internal.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The percentile bootstrap (Efron): resample the values with replacement many times, compute the
 * statistic of each resample, and take the {@code alpha/2} and {@code 1 - alpha/2} type 7
 * {@link Percentile}s of those as the interval. The generator is seeded, so the same values and
 * seed give the same interval on every run and machine: a verdict never depends on luck.
 */
public final class Bootstrap {
  private Bootstrap() {}

  /**
   * A bootstrap confidence interval with the statistic of the original values.
   *
   * @param estimate the statistic of the values themselves
   * @param low the lower bound
   * @param high the upper bound
   */
  public record Interval(double estimate, double low, double high) {}

  /**
   * One resample: as many values as given, drawn with replacement.
   *
   * @param values the values, at least one
   * @param random the generator to draw with
   * @return the resample
   * @throws IllegalArgumentException if there are no values
   */
  public static double[] resample(double[] values, SplittableRandom random) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a resample needs at least one value");
    }
    double[] out = new double[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[random.nextInt(values.length)];
    }
    return out;
  }

  /**
   * The percentile bootstrap interval of a statistic.
   *
   * @param values the values, at least one
   * @param statistic the statistic, such as {@code Median::of}
   * @param resamples how many resamples, at least 100 (1000 to 10000 is usual)
   * @param confidence the two-sided confidence level, strictly between 0 and 1
   * @param seed the seed of the generator
   * @return the statistic of the values with its interval
   * @throws IllegalArgumentException if there are no values, fewer than 100 resamples, or the
   *     confidence is not strictly between 0 and 1
   */
  public static Interval percentileInterval(double[] values, ToDoubleFunction<double[]> statistic, int resamples,
      double confidence, long seed) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a bootstrap needs at least one value");
    }
    if (resamples < 100) {
      throw new IllegalArgumentException("resamples (" + resamples + ") must be >= 100; use 1000 or more");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence (" + confidence + ") must be strictly between 0 and 1");
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] stats = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      stats[b] = statistic.applyAsDouble(resample(values, random));
    }
    Arrays.sort(stats);
    double alpha = 1 - confidence;
    return new Interval(statistic.applyAsDouble(values.clone()), Percentile.ofSorted(stats, alpha / 2),
        Percentile.ofSorted(stats, 1 - alpha / 2));
  }
}
