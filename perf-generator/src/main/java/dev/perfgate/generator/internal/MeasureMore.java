package dev.perfgate.generator.internal;

import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Unit;
import dev.perfgate.api.internal.stats.Normal;
import dev.perfgate.api.internal.stats.SequentialLooks;
import dev.perfgate.baseline.Comparison;
import dev.perfgate.baseline.Comparisons;
import dev.perfgate.baseline.Outcome;
import dev.perfgate.baseline.RegressionJudge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The sequential comparison of a suite's variants with their baselines: a variant whose comparison
 * cannot decide is measured more, look after look, until it decides or its time budget is spent.
 *
 * <p>Look 1 is the first measurement; each further look doubles the variant's trials (fewer when
 * the budget has less time left) and compares all of them with the baseline again. Look k's
 * interval is judged at {@link Comparisons#lookConfidence(int, double)} and its p-values enter the
 * anytime p-values of {@link Comparisons#sequential(List, double)}, so that the error rates hold
 * whenever the looking stops, and Holm's correction over the suite on top of them stays valid.
 * A variant is undecided while, after Holm over the whole suite as it stands, one of its judged
 * comparisons is INCONCLUSIVE, or REGRESSED with an interval that spans the tolerance (whether it
 * fails is not yet clear). When the budget is spent first, the comparison's note says after how many
 * trials and how long, and about how many trials would decide at the spread seen.
 */
public final class MeasureMore {

  /** Measures more trials of a variant. */
  @FunctionalInterface
  public interface Source {
    /**
     * Measures more trials of a variant and joins them to its result.
     *
     * @param sofar the variant's result so far
     * @param trials how many more trials
     * @return the joined result (a result with an error if measuring failed), empty if the variant
     *     cannot be measured again
     */
    Optional<Result> more(Result sofar, int trials);

    /**
     * What measuring that many more trials would take, where the source knows it better than the
     * time the variant's trials took so far. Forks are the case: a fork starts a JVM and runs the
     * whole plan, so one more fork costs every variant's warm-up and trials, several times what one
     * variant's share of the first forks shows, and a budget judged on that share was overspent
     * threefold (148 s against 50.9 s). Empty: estimate from the trials.
     *
     * @param sofar the variant's result so far
     * @param trials how many more trials
     * @return the wall time, or empty to estimate it from the variant's trials
     */
    default Optional<Duration> cost(Result sofar, int trials) {
      return Optional.empty();
    }
  }

  /**
   * The time each variant may spend measuring more.
   *
   * @param fixed the time per variant, zero to measure no more; empty for the default
   */
  public record Budget(Optional<Duration> fixed) {
    /** The default's multiple of the first measurement's time. */
    public static final int FACTOR = 3;
    /** The most the default gives one variant. */
    public static final Duration CAP = Duration.ofSeconds(60);

    /**
     * Creates a budget.
     *
     * @throws IllegalArgumentException if the time is negative
     */
    public Budget {
      Objects.requireNonNull(fixed, "fixed must not be null");
      if (fixed.isPresent() && fixed.get().isNegative()) {
        throw new IllegalArgumentException("baseline budget (" + fixed.get() + ") must be >= 0; 0 measures no more");
      }
    }

    /**
     * The default: {@value #FACTOR} x the time the variant's first measurement took, at most 60 s.
     * Against a baseline of n trials the interval of a shift narrows as {@code sqrt(1/n + 1/n')} in
     * the new trials n': three more measurements' worth (n' = 4n) give 79 % of the first width, and
     * no number of trials gets below 71 %, so more time would buy little.
     *
     * @return the budget
     */
    public static Budget defaults() {
      return new Budget(Optional.empty());
    }

    /**
     * A fixed time per variant.
     *
     * @param time the time, zero to measure no more
     * @return the budget
     */
    public static Budget of(Duration time) {
      return new Budget(Optional.of(time));
    }

    /**
     * Whether measuring more is off: the first measurement alone is judged, at the full error rate.
     *
     * @return true for a zero budget
     */
    public boolean off() {
      return fixed.isPresent() && fixed.get().isZero();
    }

    /**
     * The time a variant may spend.
     *
     * @param first the time its first measurement took
     * @return the budget of this variant
     */
    public Duration forVariant(Duration first) {
      return fixed.orElseGet(() -> {
        Duration times = first.multipliedBy(FACTOR);
        return times.compareTo(CAP) > 0 ? CAP : times;
      });
    }
  }

  /** The most looks of one comparison: eight times the first trials by doubling; the budget ends it sooner. */
  static final int MAX_LOOKS = 4;
  /** A run that becomes a baseline is filled up to this many times its first trials, budget permitting. */
  static final int BASELINE_MULTIPLE = 4;

  /** One variant compared with its baseline, look after look. */
  public static final class Variant {
    private final Result baseline;
    private final List<Result> history;
    private final Result first;
    private final int lookOneTrials;
    private final Map<Metric, List<Comparison>> looks = new LinkedHashMap<>();
    private Result result;
    private Duration spent = Duration.ZERO;
    private int added;
    private String stopped = "";

    private Variant(Result baseline, List<Result> history, Result first, Result lookOne, Duration spent) {
      this.baseline = baseline;
      this.history = List.copyOf(history);
      this.first = first;
      this.lookOneTrials = lookOne.trials().size();
      this.result = lookOne;
      this.spent = spent;
      this.added = lookOne.trials().size() - first.trials().size();
    }

    /**
     * The variant's result with every trial measured for it.
     *
     * @return the result
     */
    public Result result() {
      return result;
    }

    /**
     * The comparisons to report, before Holm's correction: the anytime comparison of each metric.
     *
     * @param confidence the level over all looks
     * @return the comparisons, in the order of the first look
     */
    List<Comparison> reported(double confidence) {
      List<Comparison> out = new ArrayList<>();
      looks.values().forEach(l -> out.add(Comparisons.sequential(l, confidence)));
      return out;
    }

    int lookCount() {
      return looks.values().stream().mapToInt(List::size).max().orElse(0);
    }
  }

  private final RegressionJudge judge;
  private final Budget budget;
  private final Ticker ticker;

  /**
   * Creates the loop.
   *
   * @param judge the judge, at the confidence over all looks
   * @param budget the time each variant may spend
   * @param ticker the clock that times the measuring
   */
  public MeasureMore(RegressionJudge judge, Budget budget, Ticker ticker) {
    this.judge = judge;
    this.budget = budget;
    this.ticker = ticker;
  }

  /**
   * Look 1 of a variant: its first measurement compared with the baseline at look 1's level.
   *
   * @param baseline the stored baseline
   * @param history the stored runs, oldest first
   * @param first the first measurement
   * @param metrics the metrics compared, in order
   * @return the variant
   */
  public Variant start(Result baseline, List<Result> history, Result first, List<Metric> metrics) {
    return start(baseline, history, new Filled(first, first, Duration.ZERO), metrics);
  }

  /**
   * Look 1 of a variant whose run was measured more before it was compared (it replaces the
   * baseline, see {@link #fill}): the filled result is look 1, and the time filling took counts
   * against the variant's budget.
   *
   * @param baseline the stored baseline
   * @param history the stored runs, oldest first
   * @param filled the first measurement and the result filled from it
   * @param metrics the metrics compared, in order
   * @return the variant
   */
  public Variant start(Result baseline, List<Result> history, Filled filled, List<Metric> metrics) {
    Variant v = new Variant(baseline, history, filled.first(), filled.result(), filled.spent());
    for (Metric m : metrics) {
      v.looks.put(m, new ArrayList<>());
    }
    look(v, 1);
    return v;
  }

  /**
   * The anytime comparisons of a variant, before Holm's correction.
   *
   * @param v the variant
   * @return its comparisons
   */
  public List<Comparison> reported(Variant v) {
    return v.reported(judge.confidence());
  }

  private void look(Variant v, int k) {
    RegressionJudge atLook = judge.atConfidence(Comparisons.lookConfidence(k, judge.confidence()));
    for (Map.Entry<Metric, List<Comparison>> e : v.looks.entrySet()) {
      e.getValue().add(atLook.compare(v.baseline, v.result, e.getKey(), v.history));
    }
  }

  /**
   * Measures each undecided variant more, one after the other, within its budget; then notes on
   * each comparison still undecided why it stopped and what it would have needed.
   *
   * @param variants the variants that have a baseline, in the suite's order
   * @param others the suite's comparisons that are not the variants' (they join Holm's family)
   * @param source measures more trials
   * @return the comparisons of each variant to report before Holm's correction, in the variants' order
   */
  public List<List<Comparison>> run(List<Variant> variants, List<Comparison> others, Source source) {
    for (Variant v : variants) {
      Duration allowed = budget.forVariant(v.first.elapsed());
      List<Comparison> open;
      while (!(open = undecided(v, variants, others)).isEmpty()) {
        int k = v.lookCount() + 1;
        if (k > MAX_LOOKS) {
          v.stopped = "looks";
          break;
        }
        String futile = futile(v, open, k);
        if (!futile.isEmpty()) {
          v.stopped = futile;
          break;
        }
        int have = v.result.trials().size();
        int wanted = v.lookOneTrials * (1 << (k - 1)) - have;
        int trials = affordable(source, v.result, wanted, v.first, v.spent, v.added, allowed);
        if (trials < 2) {
          v.stopped = "budget";
          break;
        }
        long start = ticker.read();
        Optional<Result> more = source.more(v.result, trials);
        v.spent = v.spent.plusNanos(ticker.read() - start);
        if (more.isEmpty() || !more.get().succeeded()) {
          v.stopped = more.isEmpty() ? "could not measure more of " + v.result.key()
              : "measuring more failed: " + more.get().error().orElse("");
          break;
        }
        v.added += more.get().trials().size() - have;
        v.result = more.get();
        look(v, k);
      }
    }
    List<List<Comparison>> out = new ArrayList<>();
    for (Variant v : variants) {
      List<Comparison> mine = reported(v);
      List<Comparison> open = undecided(v, variants, others);
      List<Comparison> noted = new ArrayList<>();
      for (Comparison c : mine) {
        boolean stillOpen = open.stream().anyMatch(o -> o.metric().equals(c.metric()));
        if (stillOpen) {
          noted.add(withNote(c, why(v, c, open.stream().filter(o -> o.metric().equals(c.metric())).findFirst()
              .orElseThrow())));
        } else if (v.lookCount() > 1) {
          // the trial count differs from the first measurement's: say why
          noted.add(withNote(c, String.format(Locale.ROOT, "decided after measuring more: %d looks, %d trials in %s",
              v.lookCount(), c.currentTrials(), Unit.NANOSECONDS.format(v.spent.toNanos()))));
        } else {
          noted.add(c);
        }
      }
      out.add(List.copyOf(noted));
    }
    return out;
  }

  /**
   * How many more trials, up to {@code wanted}, the time left pays for: at the source's cost where it
   * states one, else at the time a trial has taken so far (warm-up included).
   */
  private static int affordable(Source source, Result sofar, int wanted, Result first, Duration spent, int added,
      Duration allowed) {
    Duration left = allowed.minus(spent);
    if (left.isNegative() || left.isZero() || wanted < 1) {
      return 0;
    }
    if (source.cost(sofar, wanted).isPresent()) {
      // A cost in whole forks is a step function of the trials: the most trials whose step fits.
      for (int n = wanted; n >= 1; n--) {
        if (source.cost(sofar, n).orElseThrow().compareTo(left) <= 0) {
          return n;
        }
      }
      return 0;
    }
    return Math.min(wanted, byTrialTime(first, spent, added, left));
  }

  private static int byTrialTime(Result first, Duration spent, int added, Duration left) {
    long perTrial = Math.max(1, added > 0 && !spent.isZero() ? spent.toNanos() / added
        : first.elapsed().toNanos() / Math.max(1, first.trials().size()));
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, left.toNanos()) / perTrial);
  }

  /**
   * A run measured more before it was judged.
   *
   * @param first the first measurement
   * @param result the result with every trial
   * @param spent the time measuring more took
   */
  public record Filled(Result first, Result result, Duration spent) {}

  /**
   * Measures more of a run that becomes a baseline (the first of its environment, or an update),
   * up to {@value #BASELINE_MULTIPLE} times its trials within the variant's budget, in one go. A
   * baseline is compared with every later run and cannot be measured again once its code is gone:
   * with only the first measurement's trials it bounds how narrow any later interval can get (its
   * trials weigh as 1/m beside the new run's 1/n, however many those are), so the extra time is
   * spent once, where it pays on every later comparison.
   *
   * @param first the run as first measured
   * @param source measures more trials
   * @return the run filled, or as it was if the budget allows no more or measuring failed
   */
  public Filled fill(Result first, Source source) {
    Duration allowed = budget.forVariant(first.elapsed());
    int trials = affordable(source, first, first.trials().size() * (BASELINE_MULTIPLE - 1), first, Duration.ZERO, 0,
        allowed);
    if (trials < 2 || !first.succeeded()) {
      return new Filled(first, first, Duration.ZERO);
    }
    long start = ticker.read();
    Optional<Result> more = source.more(first, trials);
    Duration spent = Duration.ofNanos(ticker.read() - start);
    return more.isPresent() && more.get().succeeded() ? new Filled(first, more.get(), spent)
        : new Filled(first, first, spent);
  }

  /** The judged comparisons of a variant that are undecided once Holm has corrected the suite as it stands. */
  private List<Comparison> undecided(Variant v, List<Variant> variants, List<Comparison> others) {
    List<Comparison> family = new ArrayList<>(others);
    int from = -1;
    for (Variant x : variants) {
      if (x == v) {
        from = family.size();
      }
      family.addAll(reported(x));
    }
    List<Comparison> adjusted = Comparisons.holm(family);
    List<Comparison> open = new ArrayList<>();
    for (int i = from; i < from + v.looks.size(); i++) {
      if (undecided(adjusted.get(i))) {
        open.add(adjusted.get(i));
      }
    }
    return open;
  }

  /**
   * Whether more trials could change what a comparison says: inconclusive, or regressed with an
   * interval on both sides of the tolerance. Neutral metrics are not judged, so never.
   */
  static boolean undecided(Comparison c) {
    if (c.metric().direction() == Direction.NEUTRAL) {
      return false;
    }
    if (c.outcome() == Outcome.INCONCLUSIVE) {
      return true;
    }
    if (c.outcome() != Outcome.REGRESSED) {
      return false;
    }
    double[] worse = worseInterval(c);
    double line = c.isDifference() ? c.failBand() : Math.log1p(c.tolerance());
    return worse[0] <= line && worse[1] >= line;
  }

  /** The interval on the scale it is judged on (log of the ratio, or the difference), turned so that up is worse. */
  private static double[] worseInterval(Comparison c) {
    double low = c.isDifference() ? c.ciLow() : Math.log(c.ciLow());
    double high = c.isDifference() ? c.ciHigh() : Math.log(c.ciHigh());
    return c.metric().direction() == Direction.HIGHER_IS_BETTER ? new double[] {-high, -low} : new double[] {low, high};
  }

  /** The start of {@link #futile}'s words, which are also why the loop stopped. */
  private static final String CANNOT_DECIDE = "more trials cannot decide";

  /**
   * Says why no number of trials at look {@code k} could decide the open comparisons, or "" if some
   * could. The spread between stored runs enters each time comparison's interval ({@link
   * RegressionJudge#runSpread}) at least once, for this run's own moment (twice against a baseline
   * run alone, 1 + pi / 2n times against the median level of n stored runs), and trials of this run
   * do not shrink it: where that
   * part alone keeps the interval at look k wider than the distance from the estimate to the line it
   * must clear (the noise floor for unchanged, by the two one-sided tests, or for a change; the
   * tolerance for a regression spanning it), measuring more only spends the budget, and look k's
   * stricter level widens the interval. On a shared machine the fold's kept store spent 24 to 40 s a
   * run so. The bound uses the normal quantile and no fork or trial noise, so it understates the
   * width: it stops only where more trials certainly cannot decide at this estimate.
   */
  private String futile(Variant v, List<Comparison> open, int k) {
    double alpha = (1 - judge.confidence()) * SequentialLooks.sequential().weight(k);
    double widest = 0;
    for (Comparison c : open) {
      if (c.isDifference()) {
        return "";
      }
      double spread = judge.runSpread(v.history, c.metric());
      if (!(spread > 0)) {
        return "";
      }
      double runs = Math.log1p(spread);
      double twoSided = Normal.quantile(1 - alpha / 2) * runs;
      double oneSided = Normal.quantile(1 - alpha) * runs;
      double[] worse = worseInterval(c);
      double m = (worse[0] + worse[1]) / 2;
      boolean decidable;
      if (c.outcome() == Outcome.REGRESSED) {
        decidable = twoSided < Math.abs(m - Math.log1p(c.tolerance()));
      } else {
        double band = Math.log1p(c.noiseFloor());
        decidable = oneSided < band - Math.abs(m) || twoSided < Math.abs(m) - band;
      }
      if (decidable) {
        return "";
      }
      widest = Math.max(widest, twoSided);
    }
    return String.format(Locale.ROOT, CANNOT_DECIDE + ": the spread between runs alone keeps the interval"
        + " at least +-%.1f %% wide at look %d", Math.expm1(widest) * 100, k);
  }

  /** Why a comparison is still undecided, and what it would have needed: its note. */
  private String why(Variant v, Comparison reported, Comparison adjusted) {
    String where = String.format(Locale.ROOT, "after %d trials in %s", reported.currentTrials(),
        Unit.NANOSECONDS.format(v.spent.toNanos()));
    String what = adjusted.outcome() == Outcome.REGRESSED ? "regressed, but whether beyond the tolerance is open "
        + where : "inconclusive " + where;
    String stop;
    if (v.stopped.equals("budget")) {
      stop = " (budget " + Unit.NANOSECONDS.format(budget.forVariant(v.first.elapsed()).toNanos()) + " spent)";
    } else if (v.stopped.equals("looks")) {
      stop = " (" + MAX_LOOKS + " looks, the most)";
    } else if (v.stopped.startsWith(CANNOT_DECIDE)) {
      return what + " (" + v.stopped + ")";
    } else {
      stop = " (" + v.stopped + ")";
    }
    double spread = reported.isDifference() ? Double.NaN : judge.runSpread(v.history, reported.metric());
    double runHalf = spread > 0 ? Normal.quantile(1 - (1 - reported.confidence()) / 2) * Math.log1p(spread) : 0;
    return what + stop + needed(reported, adjusted, runHalf);
  }

  /**
   * About how many trials would decide, from the interval narrowing as 1/sqrt(n); empty if that says
   * nothing. {@code runHalf} is the part of the half-width that the spread between stored runs gives
   * at least (this run's own moment, on the normal quantile; 0 where unknown): more trials of this
   * run do not shrink it, so it is taken out of the half-width and of the target, in quadrature,
   * before the rest is scaled; otherwise the figure promises a decision that more trials cannot bring.
   */
  static String needed(Comparison c, Comparison adjusted, double runHalf) {
    double[] worse = worseInterval(c);
    if (!Double.isFinite(worse[0]) || !Double.isFinite(worse[1])) {
      return "; too few trials for an interval at this level";
    }
    double half = (worse[1] - worse[0]) / 2;
    double center = (worse[1] + worse[0]) / 2;
    double target;
    if (adjusted.outcome() == Outcome.REGRESSED) {
      double line = c.isDifference() ? c.failBand() : Math.log1p(c.tolerance());
      target = Math.abs(center - line);
    } else {
      double band = c.isDifference() ? c.noiseBand() : Math.log1p(c.noiseFloor());
      target = Math.abs(Math.abs(center) - band);
      if (Math.abs(center) < band) {
        // Unchanged is decided by two one-sided tests, whose interval is narrower than the one
        // printed by the ratio of their quantiles (0.84 at 95 %): it is that one that must fit.
        double alpha = 1 - c.confidence();
        double oneSided = Normal.quantile(1 - alpha) / Normal.quantile(1 - alpha / 2);
        half *= oneSided;
        runHalf *= oneSided;
      }
    }
    if (!(half > 0) || target >= half) {
      // the interval already clears the line: it is the suite's correction that wants a smaller p-value
      return "; the interval is clear, Holm's correction over the suite wants more evidence";
    }
    if (target < half / 50) {
      return "; the estimate sits on the line itself, so no number of trials would decide it at this estimate";
    }
    if (runHalf > 0 && runHalf < half) {
      if (target <= runHalf) {
        return String.format(Locale.ROOT, "; the spread between runs alone keeps the interval at least +-%.1f %%"
            + " wide, so no number of trials of this run would decide it at this estimate", Math.expm1(runHalf) * 100);
      }
      half = Math.sqrt(half * half - runHalf * runHalf);
      target = Math.sqrt(target * target - runHalf * runHalf);
    }
    OptionalInt n = SequentialLooks.trialsFor(c.baselineTrials(), c.currentTrials(), half, target);
    if (n.isEmpty()) {
      return "; the baseline's " + c.baselineTrials() + " trials alone leave the interval too wide at this spread:"
          + " an update records it with more";
    }
    return n.getAsInt() > 100_000 ? "; more than 100000 trials would be needed at this spread"
        : "; about " + n.getAsInt() + " trials would decide at this spread";
  }

  private static Comparison withNote(Comparison c, String note) {
    return new Comparison(c.key(), c.metric(), c.outcome(), c.shift(), c.sides(), c.limits(),
        c.note().isEmpty() ? note : c.note() + "; " + note);
  }
}
