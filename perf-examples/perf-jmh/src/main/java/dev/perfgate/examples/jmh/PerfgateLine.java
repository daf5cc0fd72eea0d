package dev.perfgate.examples.jmh;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Statistic;
import java.util.Arrays;
import java.util.Optional;

/**
 * One operation's Perfgate figures as the forked Perfgate JVM prints them and the driver reads them:
 * one tab-separated line per operation, numbers in {@link Double#toString(double)} form so nothing is
 * lost on the way.
 *
 * @param op the operation's id
 * @param median median time per operation over all samples, ns
 * @param trialMin the lowest trial median, ns
 * @param trialMax the highest trial median, ns
 * @param trials the number of trials
 * @param allocated median bytes allocated per operation, NaN if not measured
 * @param elapsedNanos the wall time Perfgate spent on this benchmark, warm-up included
 * @param error the benchmark's failure, if any
 */
record PerfgateLine(String op, double median, double trialMin, double trialMax, int trials, double allocated,
    long elapsedNanos, Optional<String> error) {

  /** The first field of every line, so that other output of the JVM is not mistaken for figures. */
  static final String TAG = "perfgate-figures";

  PerfgateLine {
    if (op == null || op.isBlank() || op.contains("\t")) {
      throw new IllegalArgumentException("op (" + op + ") must be a non-blank word without tabs");
    }
    if (error == null) {
      throw new NullPointerException("error must not be null; use Optional.empty()");
    }
  }

  /** The figures of one result. */
  static PerfgateLine of(Result result) {
    double[] trialMedians = result.trialValues(Metric.WALL_TIME);
    double min = Arrays.stream(trialMedians).min().orElse(Double.NaN);
    double max = Arrays.stream(trialMedians).max().orElse(Double.NaN);
    return new PerfgateLine(result.key().name(), result.statistic(Metric.WALL_TIME, Statistic.MEDIAN), min, max,
        trialMedians.length, result.statistic(Metric.ALLOCATED_BYTES, Statistic.MEDIAN),
        result.elapsed().toNanos(), result.error());
  }

  String format() {
    return String.join("\t", TAG, op, Double.toString(median), Double.toString(trialMin),
        Double.toString(trialMax), Integer.toString(trials), Double.toString(allocated),
        Long.toString(elapsedNanos), error.map(e -> e.replaceAll("\\s+", " ")).orElse("-"));
  }

  /**
   * Reads a line written by {@link #format()}.
   *
   * @param line the line
   * @return the figures, empty if the line is not a figures line
   * @throws IllegalArgumentException if it is a figures line but malformed
   */
  static Optional<PerfgateLine> parse(String line) {
    if (!line.startsWith(TAG + "\t")) {
      return Optional.empty();
    }
    String[] f = line.split("\t", -1);
    if (f.length != 9) {
      throw new IllegalArgumentException("Perfgate figures line has " + f.length + " fields, expected 9: " + line);
    }
    try {
      return Optional.of(new PerfgateLine(f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]),
          Double.parseDouble(f[4]), Integer.parseInt(f[5]), Double.parseDouble(f[6]), Long.parseLong(f[7]),
          f[8].equals("-") ? Optional.empty() : Optional.of(f[8])));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Perfgate figures line has a malformed number (" + e.getMessage()
          + "): " + line, e);
    }
  }
}
