package dev.perfgate.examples.jmh;

import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One operation's figures from both tools.
 *
 * @param op the operation
 * @param jmh JMH's figures
 * @param perfgate Perfgate's figures
 */
record Row(Op op, Jmh jmh, PerfgateLine perfgate) {

  /** Perfgate's median over JMH's score. */
  double ratio() {
    return perfgate.median() / jmh.score();
  }

  /**
   * JMH's figures for one operation.
   *
   * @param score average time per operation, ns
   * @param error half-width of JMH's 99.9 % confidence interval, ns (NaN with too few iterations)
   * @param allocated {@code gc.alloc.rate.norm}, bytes per operation, NaN if missing
   * @param wallNanos the driver's wall time for JMH's run of this operation, fork included
   */
  record Jmh(double score, double error, double allocated, long wallNanos) {

    static Jmh of(RunResult result, long wallNanos) {
      Result<?> primary = result.getPrimaryResult();
      if (!primary.getScoreUnit().equals("ns/op")) {
        throw new IllegalStateException("JMH reported " + primary.getScoreUnit() + ", expected ns/op");
      }
      return new Jmh(primary.getScore(), primary.getScoreError(), allocationNorm(result.getSecondaryResults()),
          wallNanos);
    }

    /** JMH 1.37 names it {@code gc.alloc.rate.norm}; older versions put a middle dot in front. */
    static double allocationNorm(Map<String, Result> secondary) {
      for (Map.Entry<String, Result> e : secondary.entrySet()) {
        if (e.getKey().endsWith("gc.alloc.rate.norm")) {
          return e.getValue().getScore();
        }
      }
      return Double.NaN;
    }
  }
}
