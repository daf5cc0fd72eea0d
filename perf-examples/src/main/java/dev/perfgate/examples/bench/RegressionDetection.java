package dev.perfgate.examples.bench;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.baseline.Comparison;
import dev.perfgate.baseline.Outcome;
import dev.perfgate.baseline.RegressionJudge;
import dev.perfgate.generator.RunOptions;
import dev.perfgate.generator.Suite;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark command for the regression judgement on real measurements: the same workload is
 * measured twice, again and again (A/A), and each pair compared as a new run against a stored one;
 * then the second run does 5 % and 10 % more work. It prints how often each comparison came out
 * regressed, and the time each verdict needed.
 *
 * <pre>
 * ./mvnw -q -pl perf-examples -am compile exec:java@detection -Dexec.args="30"
 * </pre>
 *
 * The argument is the number of pairs per case (default 30); each pair is two full runs at the
 * default options (8 trials of 5 samples).
 */
public final class RegressionDetection {
  private RegressionDetection() {}

  /**
   * Runs the cases and prints the table.
   *
   * @param args the number of pairs per case
   */
  public static void main(String[] args) {
    int pairs = args.length > 0 ? Integer.parseInt(args[0].trim()) : 30;
    RegressionJudge judge = RegressionJudge.defaults();
    double[] extraWork = {0.0, 0.05, 0.10};
    System.out.printf(Locale.ROOT, "%-10s %6s %9s %9s %9s %12s %12s %10s%n", "case", "pairs", "regressed",
        "unchanged", "improved", "inconclusive", "median ratio", "ms/verdict");
    for (double extra : extraWork) {
      Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
      double[] ratios = new double[pairs];
      long judgeNanos = 0;
      for (int i = 0; i < pairs; i++) {
        Result a = measure(1.0);
        Result b = measure(1.0 + extra);
        long t0 = System.nanoTime();
        Comparison c = judge.compare(a, b, Metric.WALL_TIME);
        judgeNanos += System.nanoTime() - t0;
        counts.merge(c.outcome(), 1, Integer::sum);
        ratios[i] = c.ratio();
      }
      java.util.Arrays.sort(ratios);
      System.out.printf(Locale.ROOT, "%-10s %6d %9d %9d %9d %12d %12.4f %10.3f%n",
          extra == 0 ? "A/A" : String.format(Locale.ROOT, "+%.0f %%", extra * 100), pairs,
          counts.getOrDefault(Outcome.REGRESSED, 0), counts.getOrDefault(Outcome.UNCHANGED, 0),
          counts.getOrDefault(Outcome.IMPROVED, 0), counts.getOrDefault(Outcome.INCONCLUSIVE, 0),
          ratios[pairs / 2], judgeNanos / 1e6 / pairs);
    }
  }

  /** One run of a workload whose amount of work is {@code factor} times the base. */
  private static Result measure(double factor) {
    int n = (int) Math.round(20_000 * factor);
    long[] data = new long[n];
    for (int i = 0; i < n; i++) {
      data[i] = i * 2654435761L;
    }
    Benchmark b = Benchmark.of("work", () -> {
      long s = 0;
      for (long d : data) {
        s += (d ^ (s >>> 7)) * 31;
      }
      return s;
    });
    return Suite.newBuilder().options(RunOptions.defaults()).quiet().benchmark(b).build().run()
        .results().get(0);
  }
}
