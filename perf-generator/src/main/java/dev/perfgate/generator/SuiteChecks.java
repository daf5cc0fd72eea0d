package dev.perfgate.generator;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import dev.perfgate.api.internal.Checks;
import dev.perfgate.baseline.Comparison;
import dev.perfgate.baseline.RegressionJudge;
import dev.perfgate.baseline.scaling.Complexity;
import dev.perfgate.baseline.scaling.DegradationCheck;
import dev.perfgate.baseline.scaling.Scaling;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Ready-made {@link SuiteCheck}s over several results of a suite: scaling with size, degradation
 * under threads, and the improvement of one variant over another (a warm cache over a cold one).
 *
 * <pre>{@code
 * Suite.newBuilder()
 *     .benchmark(generate)                                   // sizes 10, 25, 50, 100
 *     .check(SuiteChecks.scalesNoWorseThan("generate", Complexity.LINEAR))
 *     .threads("render", 1, 2)
 *     .check(SuiteChecks.degradationAtMost("render", 2, 0.10))
 *     .check(SuiteChecks.improvementAtLeast("render.cold", "render.warm", 0.80))
 * }</pre>
 */
public final class SuiteChecks {
  private SuiteChecks() {}

  /**
   * The time per operation of a sized benchmark grows no faster than a complexity class, judged by
   * the log-log exponent with its interval and by fits of each class (see
   * {@link Scaling#checkNoWorseThan(Complexity, dev.perfgate.baseline.scaling.ComplexityFit, String)}).
   * It fails only where the growth is recognizably beyond the class on the measured sizes, passes
   * only where a true next class up would not, and otherwise says INCONCLUSIVE and names both
   * classes: a linear scan that the memory hierarchy bends to an exponent of 1.07 over 1000 .. 256000
   * elements, where n log n shows 1.10, cannot be told from n log n there.
   *
   * @param benchmark the benchmark's name
   * @param limit the worst acceptable class, such as {@link Complexity#LINEAR}
   * @return the check
   */
  public static SuiteCheck scalesNoWorseThan(String benchmark, Complexity limit) {
    Checks.notNull(benchmark, "benchmark");
    Checks.notNull(limit, "limit");
    return named("scales no worse than " + limit + ": " + benchmark, results -> {
      List<Result> sized = results.stream().filter(r -> r.key().name().equals(benchmark) && r.key().threads() == 1
          && r.key().size().isPresent() && r.succeeded()).toList();
      if (sized.size() < 3) {
        return List.of(Verdict.of(Subject.benchmark(benchmark), "scaling", Status.INCONCLUSIVE,
            new MissingRuns(benchmark, MissingRuns.Kind.SIZES, sized.size(), 0)));
      }
      return List.of(Scaling.checkNoWorseThan(limit, sized, Metric.WALL_TIME));
    });
  }

  /**
   * Time per operation on {@code threads} threads is at most {@code maxDegradation} (0.10 for 10 %)
   * above time per operation on one thread, judged on the interval of the degradation. The
   * benchmark must run on both counts ({@code Suite.Builder.threads(name, 1, threads)}); each size
   * is judged on its own. On a machine with no more CPUs than {@code threads}, a degradation beyond
   * the limit is INCONCLUSIVE rather than FAIL: the threads then share the CPUs with the JIT, the
   * collector and the probes, and the figure, still reported, may be the machine's.
   *
   * @param benchmark the benchmark's name
   * @param threads the thread count judged against one thread
   * @param maxDegradation the largest acceptable degradation, such as 0.10
   * @return the check
   */
  public static SuiteCheck degradationAtMost(String benchmark, int threads, double maxDegradation) {
    Checks.notNull(benchmark, "benchmark");
    Checks.argument(threads >= 2, "threads (%s) must be >= 2", threads);
    Checks.argument(maxDegradation >= 0, "maxDegradation (%s) must be >= 0", maxDegradation);
    return named("degradation at " + threads + " threads at most " + maxDegradation + ": " + benchmark, results -> {
      Map<OptionalInt, Result[]> pairs = new LinkedHashMap<>();
      for (Result r : results) {
        if (r.key().name().equals(benchmark) && r.succeeded() && (r.key().threads() == 1 || r.key().threads() == threads)) {
          pairs.computeIfAbsent(r.key().size(), s -> new Result[2])[r.key().threads() == 1 ? 0 : 1] = r;
        }
      }
      List<Verdict> out = new java.util.ArrayList<>();
      pairs.forEach((size, pair) -> {
        if (pair[0] == null || pair[1] == null) {
          out.add(Verdict.of(Subject.benchmark(benchmark), "degradation", Status.INCONCLUSIVE,
              new MissingRuns(benchmark, MissingRuns.Kind.THREAD_COUNTS, 0, threads)));
        } else {
          BenchmarkKey contended = pair[1].key();
          DegradationCheck c = new DegradationCheck(contended.toString(),
              Scaling.degradation(pair[0], pair[1], Metric.WALL_TIME), maxDegradation, OptionalInt.empty());
          int cpus = pair[1].environment().cpus();
          if (threads >= cpus) {
            // The threads then share the CPUs with the JIT, the collector and the probes' own threads:
            // the slowdown may be the machine's rather than the code's, so it cannot fail a build.
            c = c.onSharedCpus(cpus);
          }
          Verdict v = Scaling.verdict(c, contended, Metric.WALL_TIME);
          out.add(v);
        }
      });
      if (out.isEmpty()) {
        out.add(Verdict.of(Subject.benchmark(benchmark), "degradation", Status.INCONCLUSIVE,
            new MissingRuns(benchmark, MissingRuns.Kind.RUNS, 0, threads)));
      }
      return out;
    });
  }

  /**
   * One benchmark is faster than another by at least a share: {@code 1 - time(better) / time(reference)}
   * at least {@code minImprovement} (0.80 for 80 %), judged on the lower end of the ratio's rank-based
   * interval over trials. For a warm cache against a cold one: the same work with the cache cleared
   * before each operation is the reference.
   *
   * @param reference the slower benchmark's name, such as {@code render.cold}
   * @param better the faster benchmark's name, such as {@code render.warm}
   * @param minImprovement the smallest acceptable improvement, between 0 and 1
   * @return the check
   */
  public static SuiteCheck improvementAtLeast(String reference, String better, double minImprovement) {
    Checks.notNull(reference, "reference");
    Checks.notNull(better, "better");
    Checks.argument(minImprovement >= 0 && minImprovement < 1, "minImprovement (%s) must be in [0, 1)", minImprovement);
    RegressionJudge judge = RegressionJudge.defaults();
    return named("improvement of " + better + " over " + reference + " at least " + minImprovement, results -> {
      Optional<Result> ref = results.stream().filter(r -> r.key().name().equals(reference) && r.succeeded()).findFirst();
      Optional<Result> cur = results.stream().filter(r -> r.key().name().equals(better) && r.succeeded()).findFirst();
      Subject subject = Subject.benchmark(better);
      if (ref.isEmpty() || cur.isEmpty()) {
        Improvement missing = new Improvement(better, reference, minImprovement, Double.NaN, Double.NaN, Double.NaN,
            Status.INCONCLUSIVE);
        return List.of(Verdict.of(subject, "improvement", missing.status(), missing));
      }
      Comparison c = judge.compare(ref.get(), cur.get(), Metric.WALL_TIME);
      double improvement = 1 - c.ratio();
      double low = 1 - c.ciHigh();
      double high = 1 - c.ciLow();
      Status status = !Double.isFinite(low) ? Status.INCONCLUSIVE
          : low >= minImprovement ? Status.PASS : high < minImprovement ? Status.FAIL : Status.INCONCLUSIVE;
      Improvement found = new Improvement(better, reference, minImprovement, improvement, low, high, status);
      return List.of(Verdict.of(subject, Metric.WALL_TIME, "improvement >= " + minImprovement, status, found));
    });
  }

  private static SuiteCheck named(String name, SuiteCheck check) {
    return new SuiteCheck() {
      @Override
      public List<Verdict> check(List<Result> results) {
        return check.check(results);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
