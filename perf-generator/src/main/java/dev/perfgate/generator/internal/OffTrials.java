package dev.perfgate.generator.internal;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import dev.perfgate.api.internal.stats.Mad;
import dev.perfgate.api.internal.stats.Median;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the trials of a variant whose time per operation is far from the others', so that the run
 * says so instead of averaging them in silently. A trial that was not yet warm (the JIT still
 * compiling) or that a busy machine slowed down shows here.
 *
 * <p>"Far" is relative to how much the trials agree: a trial is flagged when its median is more than
 * {@value #MIN_FACTOR}x (or 1/{@value #MIN_FACTOR}) the median of all trials, and also more than
 * {@value #SPREAD_FACTOR} robust standard deviations of the trials' log medians away, so that a
 * benchmark whose trials always differ by 30 % is not flagged on every run.
 *
 * <p>Where the measuring thread's page faults during a slow trial's samples were counted, and were
 * many ({@value #FAULTS_PER_SAMPLE} or more a sample: fresh heap being paged in, see
 * {@link SteadyState}), the warning names them as the cause.
 */
final class OffTrials {
  /** The smallest ratio to the median trial that is flagged. */
  static final double MIN_FACTOR = 1.2;
  /** How many robust standard deviations (of log trial medians) away a flagged trial must be. */
  static final double SPREAD_FACTOR = 4;
  /** Fewer trials say nothing about which one is off. */
  static final int MIN_TRIALS = 4;
  /** Page faults a sample (256 KB of fresh memory in 4 KB pages) that name fresh memory as the cause. */
  static final long FAULTS_PER_SAMPLE = 64;

  private OffTrials() {}

  /**
   * The warnings for the trials that are far off, without page faults.
   *
   * @param trials the trials of one variant
   * @return one warning per far-off trial, possibly none
   */
  static List<String> warnings(List<Trial> trials) {
    return warnings(trials, Map.of());
  }

  /**
   * The warnings for the trials that are far off, judged on thread CPU time per operation where every
   * trial has it (a loaded machine barely moves it) and on wall time otherwise.
   *
   * @param trials the trials of one variant
   * @param pageFaults the measuring thread's page faults during each trial's samples, by trial index,
   *     where they were counted
   * @return one warning per far-off trial, possibly none
   */
  static List<String> warnings(List<Trial> trials, Map<Integer, Long> pageFaults) {
    if (trials.size() < MIN_TRIALS) {
      return List.of();
    }
    double[] cpu = medians(trials, Metric.CPU_TIME);
    boolean useCpu = Arrays.stream(cpu).allMatch(v -> v > 0 && Double.isFinite(v));
    double[] values = useCpu ? cpu : medians(trials, Metric.WALL_TIME);
    if (!Arrays.stream(values).allMatch(v -> v > 0 && Double.isFinite(v))) {
      return List.of();
    }
    double[] logs = Arrays.stream(values).map(Math::log).toArray();
    double center = Median.of(logs);
    double sd = Mad.NORMAL_CONSISTENCY * Mad.of(logs);
    double limit = Math.max(Math.log(MIN_FACTOR), SPREAD_FACTOR * sd);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (Math.abs(logs[i] - center) > limit) {
        Trial t = trials.get(i);
        double ratio = Math.exp(logs[i] - center);
        long faults = pageFaults.getOrDefault(t.index(), -1L);
        String cause;
        if (ratio > 1 && faults >= FAULTS_PER_SAMPLE * Math.max(1, t.samples().size())) {
          cause = " (its thread paged in fresh memory meanwhile, " + faults + " page faults, on its own CPU time;"
              + " where that is a young heap, -Xms with -XX:+AlwaysPreTouch pages it in at the JVM's start)";
        } else if (ratio > 1 && i == 0) {
          cause = " (it ran first: the JIT was probably still compiling; a longer warm-up helps)";
        } else {
          cause = " (the machine or the JIT disturbed it)";
        }
        out.add(String.format(Locale.ROOT, "trial %d of %d: %s time per operation %s is %.2fx the median trial's (%s);"
            + " it is counted in the figures%s", t.index(), trials.size(), useCpu ? "CPU" : "wall",
            Metric.WALL_TIME.format(values[i]), ratio, Metric.WALL_TIME.format(Math.exp(center)), cause));
      }
    }
    return out;
  }

  /** Each trial's median over its samples of a metric (time per operation), NaN where missing. */
  private static double[] medians(List<Trial> trials, Metric metric) {
    double[] out = new double[trials.size()];
    for (int i = 0; i < out.length; i++) {
      List<Sample> samples = trials.get(i).samples();
      double[] v = new double[samples.size()];
      for (int s = 0; s < v.length; s++) {
        Sample sample = samples.get(s);
        v[s] = metric.equals(Metric.WALL_TIME)
            ? (sample.operations() > 0 ? (double) sample.elapsedNanos() / sample.operations() : Double.NaN)
            : sample.value(metric).orElse(Double.NaN);
      }
      out[i] = Median.of(v);
    }
    return out;
  }
}
