package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import java.util.List;
import java.util.Map;

/**
 * One independent trial: a separately warmed block of samples. Statistics that need independent
 * observations (confidence intervals, comparisons) use one value per trial, because samples inside
 * a trial share their warm-up, JIT state and heap layout and are not independent.
 *
 * @param index the trial's number, from 0
 * @param samples the samples, in the order they were taken
 * @param values metrics recorded once for the whole trial (GC counts, leak rate, cache size)
 * @param fork the forked JVM the trial ran in, from 0; 0 for every trial of a run without forks (all
 *     its trials share one JVM), so that trials nest in forks for statistics of the noise between JVMs
 */
public record Trial(int index, List<Sample> samples, Map<Metric, Double> values, int fork) {

  /**
   * Creates a trial.
   *
   * @throws IllegalArgumentException if the index or the fork is negative or a value is NaN
   */
  public Trial {
    Checks.argument(index >= 0, "trial index (%s) must be >= 0", index);
    Checks.argument(fork >= 0, "fork index (%s) of trial %s must be >= 0", fork, index);
    samples = List.copyOf(Checks.notNull(samples, "samples"));
    values = Map.copyOf(Checks.notNull(values, "values"));
    values.forEach((m, v) -> Checks.finite(v, "value of " + m.name()));
  }

  /**
   * Creates a trial of a run without forks (fork 0).
   *
   * @param index the trial's number, from 0
   * @param samples the samples, in the order they were taken
   * @param values metrics recorded once for the whole trial
   * @throws IllegalArgumentException if the index is negative or a value is NaN
   */
  public Trial(int index, List<Sample> samples, Map<Metric, Double> values) {
    this(index, samples, values, 0);
  }

  /**
   * This trial with another number and fork, as when the trials of several forks are joined into one
   * result.
   *
   * @param index the new number, from 0
   * @param fork the fork it ran in, from 0
   * @return the trial with that number and fork
   * @throws IllegalArgumentException if either is negative
   */
  public Trial inFork(int index, int fork) {
    return new Trial(index, samples, values, fork);
  }

  /**
   * The trial's value of a metric: the value recorded for the whole trial if there is one,
   * otherwise the median of its samples' values.
   *
   * @param metric the metric
   * @return the value, or NaN if the trial has none for the metric
   */
  public double value(Metric metric) {
    Double whole = values.get(metric);
    if (whole != null) {
      return whole;
    }
    double[] v = samples.stream().map(s -> s.values().get(metric)).filter(x -> x != null)
        .mapToDouble(Double::doubleValue).toArray();
    return Statistic.MEDIAN.of(v);
  }
}
