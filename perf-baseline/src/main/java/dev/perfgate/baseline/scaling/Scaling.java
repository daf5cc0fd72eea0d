package dev.perfgate.baseline.scaling;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import dev.perfgate.api.internal.stats.RankShift;
import dev.perfgate.api.internal.stats.TheilSen;
import dev.perfgate.baseline.scaling.internal.ModelFitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Scaling and concurrency statistics: how a cost grows with the size of the input, and how much
 * slower each operation gets when threads run it at once. All figures come from measured values
 * passed in; nothing here times anything.
 *
 * <p>For growth, measure sizes on a geometric grid (10, 20, 40, ... or 10, 32, 100, ...) with
 * several trials per size, over two decades or more where the classes should be told apart:
 * {@code n} and {@code n log n} look alike over one decade, and the fit then says so.
 *
 * <pre>{@code
 * ComplexityFit fit = Scaling.fit(Map.of(1000, t1000, 2000, t2000, 4000, t4000, 8000, t8000));
 * Verdict v = Scaling.checkNoWorseThan(Complexity.LINEAR, fit, "generate");
 * // generate  scaling O(n) (exponent 1.02, 95 % CI 0.97 .. 1.08) no worse than O(n)  PASS
 * }</pre>
 */
public final class Scaling {

  /**
   * The AICc difference below which two classes count as fitting about as well: 2, the usual
   * threshold for "substantial support" (Burnham and Anderson).
   */
  public static final double DEFAULT_THRESHOLD = 2.0;

  /** The confidence level of every interval here: 95 %. */
  public static final double CONFIDENCE = 0.95;

  /**
   * The widest step, in exponent, between a class and the growth that counts as recognizably
   * beyond it: 0.25. Where the next class up shows an exponent closer than this on the measured
   * sizes (O(n) against O(n log n): 0.10 to 0.23 on the usual grids), the next class's exponent is
   * the step; where the next class is far (O(n log n) against O(n^2), O(log n) against O(n)) the
   * step stops at 0.25 above the class. That leaves room for lower-order terms and the memory
   * hierarchy (sorting 1000 to 256000 ints read 1.22 in wall time on a 2-core test machine, against
   * the 1.10 that n log n shows on those sizes) and still catches growth that none of the five classes
   * describes, such as n^1.5 against n log n or n^3 against n^2, which AICc alone would file under
   * the nearest class.
   */
  public static final double EXPONENT_TOLERANCE = 0.25;

  /**
   * The exponent below which growth is not told from a constant: 0.05, that is less than 26 % over
   * two decades of sizes. {@link Complexity#CONSTANT} stays plausible while the exponent's interval
   * reaches down to it, because trends that small come from caches, the TLB and a drifting machine
   * as easily as from the algorithm: array reads at fixed places over 1000..64000 ints measured
   * 0.03 (95 % CI 0.01 .. 0.11) under a load average of 12 on 2 cores.
   */
  public static final double FLAT_EXPONENT = 0.05;

  private Scaling() {}

  /**
   * Fits how values grow with size, with the default threshold {@value #DEFAULT_THRESHOLD}.
   *
   * @param valuesBySize for each size (at least 1), the values measured there, one per trial, each
   *     positive (time per operation, bytes per operation); at least 3 sizes and 5 values in all;
   *     a size with no values is left out
   * @return the fit
   * @throws IllegalArgumentException if there are fewer than 3 sizes or 5 values, a size is below 1,
   *     or a value is not a positive finite number
   * @throws NullPointerException if the map or an array in it is null
   */
  public static ComplexityFit fit(Map<Integer, double[]> valuesBySize) {
    return fit(valuesBySize, DEFAULT_THRESHOLD);
  }

  /**
   * Fits how values grow with size.
   *
   * @param valuesBySize for each size (at least 1), the values measured there, one per trial, each
   *     positive; at least 3 sizes and 5 values in all
   * @param threshold the AICc difference below which two classes count as fitting about as well,
   *     {@code >= 0}; larger asks for more evidence before one class is named alone
   * @return the fit
   * @throws IllegalArgumentException if there are fewer than 3 sizes or 5 values, a size is below 1,
   *     a value is not a positive finite number, or the threshold is negative
   * @throws NullPointerException if the map or an array in it is null
   */
  public static ComplexityFit fit(Map<Integer, double[]> valuesBySize, double threshold) {
    Objects.requireNonNull(valuesBySize, "values by size must not be null");
    if (!(threshold >= 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException("AICc threshold (" + threshold + ") must be a finite number >= 0, such as 2");
    }
    TreeMap<Integer, double[]> sorted = new TreeMap<>();
    valuesBySize.forEach((size, values) -> {
      Objects.requireNonNull(size, "size must not be null");
      Objects.requireNonNull(values, "values of size " + size + " must not be null");
      if (size < 1) {
        throw new IllegalArgumentException("size (" + size + ") must be >= 1");
      }
      for (double v : values) {
        if (!(v > 0) || Double.isInfinite(v)) {
          throw new IllegalArgumentException("value (" + v + ") at size " + size
              + " must be a positive finite number; a cost that can be 0 cannot be fitted on a relative scale");
        }
      }
      if (values.length > 0) {
        sorted.put(size, values);
      }
    });
    if (sorted.size() < 3) {
      throw new IllegalArgumentException("a complexity fit needs values at 3 sizes or more (got "
          + sorted.keySet() + "); measure more sizes on a geometric grid, such as 1000, 4000, 16000, 64000");
    }
    List<Double> ns = new ArrayList<>();
    List<Double> ts = new ArrayList<>();
    sorted.forEach((size, values) -> {
      for (double v : values) {
        ns.add(size.doubleValue());
        ts.add(v);
      }
    });
    double[] n = ns.stream().mapToDouble(Double::doubleValue).toArray();
    double[] t = ts.stream().mapToDouble(Double::doubleValue).toArray();
    List<ModelFit> models = ModelFitter.fitAll(n, t);

    double[] logN = new double[n.length];
    double[] logT = new double[n.length];
    for (int i = 0; i < n.length; i++) {
      logN[i] = Math.log(n[i]);
      logT[i] = Math.log(t[i]);
    }
    TheilSen slope = TheilSen.fit(logN, logT, CONFIDENCE);
    Estimate exponent = new Estimate(slope.slope(), slope.low(), slope.high(), CONFIDENCE);

    double bestAicc = models.stream().mapToDouble(ModelFit::aicc).min().orElseThrow();
    double constantAicc = models.stream().filter(m -> m.complexity() == Complexity.CONSTANT)
        .mapToDouble(ModelFit::aicc).findFirst().orElseThrow();
    List<Complexity> plausible = new ArrayList<>();
    for (ModelFit m : models) {
      boolean close = m.aicc() - bestAicc <= threshold;
      // A growth class that is no better than the constant it contains only carries an
      // uninformative parameter (Arnold 2010); it is not evidence of growth.
      boolean informative = m.complexity() == Complexity.CONSTANT || m.aicc() < constantAicc;
      if (close && informative) {
        plausible.add(m.complexity());
      }
    }
    // AICc alone let noise pass for growth in 4 of 50 seeded constant data sets; growth must also
    // pass a distribution-free trend test (Sen's interval of the exponent clear of FLAT_EXPONENT).
    if (exponent.low() <= FLAT_EXPONENT && !plausible.contains(Complexity.CONSTANT)) {
      plausible.add(Complexity.CONSTANT);
    }
    return new ComplexityFit(new ArrayList<>(sorted.keySet()), n.length, exponent, models, plausible, threshold);
  }

  /**
   * Fits how a metric grows with size over the results of one benchmark measured at several sizes,
   * using one value per trial ({@link Result#trialValues(Metric)}).
   *
   * @param results the results, one per size, all of the same benchmark and thread count
   * @param metric the metric, a cost (lower is better) with positive values, such as
   *     {@link Metric#WALL_TIME} or {@link Metric#ALLOCATED_BYTES}
   * @return the fit
   * @throws IllegalArgumentException if a result has no size, the results mix benchmarks or thread
   *     counts, two results have the same size, a result has no value of the metric, the metric is
   *     not a cost, or {@link #fit(Map)} rejects the values
   * @throws NullPointerException if an argument is null
   */
  public static ComplexityFit fit(List<Result> results, Metric metric) {
    return fit(valuesBySize(results, metric));
  }

  /**
   * Checks that growth is no worse than a class, on the exponent's interval {@code [lo, hi]} and the
   * plausible classes. Two exponents of the measured sizes frame it
   * ({@link ComplexityFit#exponentOf}): {@code eC}, what {@code limit} itself shows on them, and
   * {@code eUp}, where growth becomes recognizably faster than {@code limit}: what the next class up
   * shows on them, or {@code eC + }{@value #EXPONENT_TOLERANCE} where that is nearer (and for
   * {@link Complexity#QUADRATIC}, which has no next class). The outcome is
   * <ul>
   *   <li>{@link Status#FAIL} if {@code lo > eUp}: the growth is steeper than the next class up
   *       would show, or far steeper than {@code limit}; or if {@code lo > eC}, {@code hi >= eUp}
   *       and every plausible class grows faster than {@code limit}: the data exclude {@code limit}
   *       and agree with a faster class;</li>
   *   <li>{@link Status#PASS} if {@code hi < eUp} and every plausible class is {@code limit} or
   *       slower: a true next class (which shows {@code eUp} or, with a fixed cost, less, and which
   *       the class fits then name) would not pass;</li>
   *   <li>{@link Status#INCONCLUSIVE} otherwise, with both classes named: the plausible classes
   *       straddle {@code limit}, or the interval lies between what {@code limit} and the next class
   *       show. Measure a wider range of sizes (two decades or more) or more trials.</li>
   * </ul>
   *
   * <p>Why an interval wholly above {@code eC} is not enough to fail: the exponent cannot tell a
   * class bent up by the memory hierarchy from the next class bent down by a fixed cost. Summing
   * 1000 to 256000 ints (4 KB to 1 MB, out of the first-level cache) read an exponent of 1.07
   * (95 % CI 1.05 .. 1.08) in wall time: each element cost more once the array left the cache, by
   * 1.5 times over the range, while n log n grows by {@code log n}, 1.8 times, and shows 1.10 on
   * those sizes. The class fits cannot help, since they know no cache either: they named
   * O(n log n) alone. The interval excludes both 1.00 and 1.10, so the data support neither class
   * as such; the verdict then says that these sizes cannot tell O(n) from O(n log n). A fixed cost
   * as large as the work at the smallest size flattens a true n log n over 10 .. 1000 to about
   * 1.09, below its 1.23 there, and it is INCONCLUSIVE for the same reason. It never passes a
   * growth that a true O(n log n) shows: timed in thread CPU time on a loaded 2-core machine,
   * {@code n} binary searches into a sorted array of {@code n} read 1.12 .. 1.15 and sorting
   * 1.09 .. 1.13 (the ends of the intervals over 18 runs) over the same sizes, and both fail
   * against O(n), while the sum read 1.00 .. 1.05 and passed.
   *
   * @param limit the fastest growth allowed
   * @param fit the fit to judge
   * @param subject the benchmark, such as {@code generate}
   * @return the verdict, with the figures {@code exponent}, {@code exponent.low},
   *     {@code exponent.high}, {@code limit.exponent} ({@code eC}), {@code beyond.exponent}
   *     ({@code eUp}), {@code best.c0}, {@code best.c1}, {@code best.delta.aicc} (the gap to the
   *     second-best class) and {@code observations}
   * @throws NullPointerException if an argument is null
   */
  public static Verdict checkNoWorseThan(Complexity limit, ComplexityFit fit, String subject) {
    Objects.requireNonNull(subject, "subject must not be null");
    ScalingCheck c = judge(limit, fit, subject);
    return Verdict.of(Subject.benchmark(subject), c.check(), c.status(), c);
  }

  /** The judgement of {@link #checkNoWorseThan(Complexity, ComplexityFit, String)}, named by {@code subject}. */
  private static ScalingCheck judge(Complexity limit, ComplexityFit fit, String subject) {
    Objects.requireNonNull(limit, "limit must not be null");
    Objects.requireNonNull(fit, "fit must not be null");
    List<Complexity> within = new ArrayList<>();
    List<Complexity> beyond = new ArrayList<>();
    for (Complexity c : fit.plausible()) {
      (c.isNoWorseThan(limit) ? within : beyond).add(c);
    }
    Complexity[] classes = Complexity.values();
    Optional<Complexity> next = limit.ordinal() + 1 < classes.length
        ? Optional.of(classes[limit.ordinal() + 1]) : Optional.empty();
    double limitExponent = fit.exponentOf(limit);
    double nextExponent = next.map(fit::exponentOf).orElse(Double.POSITIVE_INFINITY);
    double beyondExponent = Math.min(nextExponent, limitExponent + EXPONENT_TOLERANCE);
    // what eUp is, in words: the next class's exponent, or the tolerance above the limit's
    String beyondWords = nextExponent <= limitExponent + EXPONENT_TOLERANCE
        ? String.format(Locale.ROOT, "the %.2f that %s shows", nextExponent, next.orElseThrow())
        : String.format(Locale.ROOT, "%.2f (%s's %.2f + %.2f)", beyondExponent, limit, limitExponent,
            EXPONENT_TOLERANCE);
    Estimate e = fit.exponent();
    Status status;
    String reason;
    if (e.low() > beyondExponent) {
      status = Status.FAIL;
      reason = String.format(Locale.ROOT, ": grows faster than %s (exponent at least %.2f, above %s on these sizes)",
          limit, e.low(), beyondWords);
    } else if (e.low() > limitExponent && e.high() >= beyondExponent && within.isEmpty()) {
      status = Status.FAIL;
      reason = String.format(Locale.ROOT, ": grows faster than %s (the fit points to %s, the exponent's interval lies "
          + "above the %.2f that %s shows on these sizes and reaches %s)", limit, join(beyond), limitExponent, limit,
          beyondWords);
    } else if (e.high() < beyondExponent && beyond.isEmpty()) {
      status = Status.PASS;
      reason = "";
    } else {
      status = Status.INCONCLUSIVE;
      // Named by the frame the exponent is judged in, the limit and the next class up; a class
      // the fits point to beyond that (O(n^2) read into noise) is said apart.
      String faster = next.map(Complexity::label).orElse("faster growth");
      String where;
      if (e.low() > limitExponent && e.high() < beyondExponent) {
        where = String.format(Locale.ROOT, "the exponent's interval lies between the %.2f that %s shows on them and %s "
            + "(the memory hierarchy bends %s up, a fixed cost bends %s down)", limitExponent, limit, beyondWords,
            limit, faster);
      } else if (e.low() <= limitExponent && e.high() >= beyondExponent) {
        where = String.format(Locale.ROOT, "the exponent's interval reaches both the %.2f that %s shows and %s on them",
            limitExponent, limit, beyondWords);
      } else if (e.high() >= beyondExponent) {
        where = "the exponent's interval reaches " + beyondWords + " on them";
      } else {
        where = String.format(Locale.ROOT, "the exponent's interval reaches the %.2f that %s shows on them",
            limitExponent, limit);
      }
      List<Complexity> others = new ArrayList<>(beyond);
      next.ifPresent(others::remove);
      reason = ": these sizes cannot tell " + limit + " from " + faster + "; " + where
          + (others.isEmpty() ? "" : "; the class fits also find " + join(others) + " plausible")
          + "; measure a wider range of sizes or more trials";
    }
    return new ScalingCheck(subject, limit, fit, status, limitExponent, beyondExponent, reason);
  }

  /**
   * Fits the results of one benchmark at several sizes and checks the growth of a metric against
   * a class; the subject is the benchmark's name and the metric's. See
   * {@link #checkNoWorseThan(Complexity, ComplexityFit, String)}.
   *
   * @param limit the fastest growth allowed
   * @param results the results, one per size, of one benchmark
   * @param metric the metric, a cost (lower is better)
   * @return the verdict
   * @throws IllegalArgumentException as {@link #fit(List, Metric)}
   * @throws NullPointerException if an argument is null
   */
  public static Verdict checkNoWorseThan(Complexity limit, List<Result> results, Metric metric) {
    ComplexityFit fit = fit(results, metric);
    String name = results.get(0).key().name();
    ScalingCheck c = judge(limit, fit, name + " " + metric.name());
    return Verdict.of(Subject.benchmark(name), metric, c.check(), c.status(), c);
  }

  /**
   * Estimates the degradation {@code time per op at threads / time per op at 1 thread - 1} from one
   * value per trial at each thread count: the Hodges-Lehmann ratio (the median of all ratios
   * between the two sets) with its rank-based (Moses) confidence interval at {@value #CONFIDENCE}.
   * With very few trials the interval is unbounded rather than invented: 4 trials each give a
   * bounded one, 3 each do not.
   *
   * @param oneThread time per operation on one thread, one value per trial, each positive
   * @param manyThreads time per operation (as each thread sees it) with {@code threads} threads
   *     running at once, one value per trial, each positive
   * @param threads the thread count of {@code manyThreads}, at least 2
   * @return the degradation
   * @throws IllegalArgumentException if a set is empty, a value is not positive and finite, or
   *     {@code threads} is below 2
   * @throws NullPointerException if an array is null
   */
  public static Degradation degradation(double[] oneThread, double[] manyThreads, int threads) {
    return degradation(oneThread, 1, manyThreads, threads);
  }

  /**
   * Estimates the degradation of a metric between the results of one benchmark at two thread
   * counts, from one value per trial. For a metric where higher is better (throughput per thread),
   * the ratio is turned round so that a positive degradation still means worse.
   *
   * @param reference the result at fewer threads, usually 1
   * @param contended the result of the same benchmark and size at more threads
   * @param metric the metric, lower or higher is better (not neutral)
   * @return the degradation
   * @throws IllegalArgumentException if the results are of different benchmarks or sizes,
   *     {@code contended} has no more threads than {@code reference}, the metric is neutral, or a
   *     result has no positive value of it
   * @throws NullPointerException if an argument is null
   */
  public static Degradation degradation(Result reference, Result contended, Metric metric) {
    Objects.requireNonNull(reference, "reference result must not be null");
    Objects.requireNonNull(contended, "contended result must not be null");
    Objects.requireNonNull(metric, "metric must not be null");
    var a = reference.key();
    var b = contended.key();
    if (!a.name().equals(b.name()) || !a.size().equals(b.size())) {
      throw new IllegalArgumentException(
          "degradation compares one benchmark at two thread counts, not " + a + " with " + b);
    }
    if (metric.direction() == Direction.NEUTRAL) {
      throw new IllegalArgumentException("metric " + metric.name()
          + " is neutral; degradation needs a metric where lower or higher is better");
    }
    double[] ref = reference.trialValues(metric);
    double[] other = contended.trialValues(metric);
    if (metric.direction() == Direction.HIGHER_IS_BETTER) {
      // per-thread throughput is the inverse of time per operation
      return degradation(other, a.threads(), ref, b.threads());
    }
    return degradation(ref, a.threads(), other, b.threads());
  }

  /**
   * Checks that the degradation is at most a limit:
   * {@link Status#PASS} if the whole interval is at or below it, {@link Status#FAIL} if the whole
   * interval is above it, {@link Status#INCONCLUSIVE} otherwise (measure more trials).
   *
   * @param maxDegradation the largest degradation allowed, such as 0.25 for 25 %; {@code >= 0}
   * @param degradation the estimate to judge
   * @param subject the benchmark, such as {@code cache.get}
   * @return the verdict, with the figures {@code degradation}, {@code degradation.low},
   *     {@code degradation.high}, {@code limit} and {@code threads}
   * @throws IllegalArgumentException if {@code maxDegradation} is negative or not finite
   * @throws NullPointerException if an argument is null
   */
  public static Verdict checkDegradationAtMost(double maxDegradation, Degradation degradation, String subject) {
    Objects.requireNonNull(subject, "subject must not be null");
    DegradationCheck c = new DegradationCheck(subject, degradation, maxDegradation, OptionalInt.empty());
    return Verdict.of(Subject.benchmark(subject), c.check(), c.status(), c);
  }

  /**
   * Checks that the degradation of a metric at one variant is at most a limit, as
   * {@link #checkDegradationAtMost(double, Degradation, String)} does; the verdict's subject is
   * the variant at more threads and its metric the one judged.
   *
   * @param check the judgement, from {@code new DegradationCheck(...)}, possibly
   *     {@link DegradationCheck#onSharedCpus(int) on shared CPUs}
   * @param variant the variant at more threads
   * @param metric the metric the degradation was estimated from
   * @return the verdict
   * @throws NullPointerException if an argument is null
   */
  public static Verdict verdict(DegradationCheck check, BenchmarkKey variant, Metric metric) {
    Objects.requireNonNull(check, "check must not be null");
    return Verdict.of(Subject.of(variant), metric, check.check(), check.status(), check);
  }

  private static Degradation degradation(double[] reference, int referenceThreads, double[] other, int threads) {
    Objects.requireNonNull(reference, "reference values must not be null");
    Objects.requireNonNull(other, "values at more threads must not be null");
    if (threads <= referenceThreads) {
      throw new IllegalArgumentException("threads (" + threads + ") must be more than the reference threads ("
          + referenceThreads + ")");
    }
    double[] a = logs(reference, referenceThreads);
    double[] b = logs(other, threads);
    RankShift shift = RankShift.of(a, b, CONFIDENCE);
    Estimate ratio = new Estimate(shift.shift(), shift.low(), shift.high(), CONFIDENCE).map(x -> Math.exp(x) - 1);
    return new Degradation(referenceThreads, threads, ratio);
  }

  private static double[] logs(double[] values, int threads) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values at " + threads + " thread(s); measure at least one trial there");
    }
    double[] logs = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(
            "value (" + v + ") at " + threads + " thread(s) must be a positive finite number");
      }
      logs[i] = Math.log(v);
    }
    return logs;
  }

  private static Map<Integer, double[]> valuesBySize(List<Result> results, Metric metric) {
    Objects.requireNonNull(results, "results must not be null");
    Objects.requireNonNull(metric, "metric must not be null");
    if (metric.direction() != Direction.LOWER_IS_BETTER) {
      throw new IllegalArgumentException("metric " + metric.name() + " is not a cost (lower is better); fit time or "
          + "allocation per operation, not a throughput or a neutral count");
    }
    if (results.isEmpty()) {
      throw new IllegalArgumentException("no results; a complexity fit needs one result per size at 3 sizes or more");
    }
    var first = results.get(0).key();
    Map<Integer, double[]> bySize = new TreeMap<>();
    for (Result r : results) {
      var key = Objects.requireNonNull(r, "result must not be null").key();
      if (key.size().isEmpty()) {
        throw new IllegalArgumentException("result " + key + " has no size; a complexity fit needs sized results");
      }
      if (!key.name().equals(first.name()) || key.threads() != first.threads()) {
        throw new IllegalArgumentException("results mix " + first + " and " + key
            + "; fit one benchmark at one thread count at a time");
      }
      double[] values = r.trialValues(metric);
      if (values.length == 0) {
        throw new IllegalArgumentException("result " + key + " has no value of " + metric.name()
            + r.error().map(e -> " (it failed: " + e + ")").orElse(""));
      }
      if (bySize.put(key.size().getAsInt(), values) != null) {
        throw new IllegalArgumentException("two results for " + key + "; pass one result per size");
      }
    }
    return bySize;
  }

  private static String join(List<Complexity> classes) {
    List<String> labels = new ArrayList<>();
    classes.forEach(c -> labels.add(c.label()));
    return String.join(" or ", labels);
  }
}
