package dev.perfgate.baseline;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Ruler;
import dev.perfgate.api.Unit;
import dev.perfgate.api.Verdict;
import dev.perfgate.api.internal.Checks;
import dev.perfgate.api.internal.stats.Mad;
import dev.perfgate.api.internal.stats.Median;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How far the machine moved between a baseline's run and this run, read from the two runs'
 * {@link Ruler}s, and what that does to the time comparisons: a pure function of the figures.
 *
 * <p>A part of the ruler moved when its median changed by more than its own noise: twice the
 * combined relative spread of one trial on the two sides, {@code 2 sqrt(s_b^2 + s_c^2)} (the spread
 * of one trial, not of the median, because trials within one run see less noise than runs do). The
 * machine changed when most parts the two rulers share moved the same way; its change is then the
 * median of those parts' ratios (the lower middle one for an even count), so one odd part neither
 * makes nor sizes a change.
 *
 * <p>When the machine is slower by a factor {@code m}, a time regression whose change (in the
 * metric's worse direction) is at most {@code m} times {@code 1 + noise floor} is within the
 * machine's change: it is reported as "machine slower by X %" with the outcome
 * {@link Outcome#UNCHANGED} (PASS), its figures as measured. A regression beyond that keeps its
 * outcome and status, so it still fails past the tolerance. Counts (allocated bytes, counters) do
 * not depend on the machine's speed and are never adjusted. A faster machine adjusts nothing; its
 * comparisons say it, since it can hide a regression. Checks against the stored history are held
 * the same way ({@link #applyToHistory}), against the {@link #typical} ruler of the history's runs.
 *
 * <pre>{@code
 * Optional<MachineChange> m = MachineChange.between(baseline.environment().ruler(), now.environment().ruler());
 * List<Comparison> reported = m.map(c -> c.apply(comparisons)).orElse(comparisons);
 * }</pre>
 *
 * @param parts each shared part's change, in the current ruler's order
 * @param ratio the machine's change, current over baseline (1.30 = 30 % slower); 1 if it did not change
 * @param changed whether most shared parts moved beyond their noise the same way
 */
public record MachineChange(List<PartChange> parts, double ratio, boolean changed) implements Verdict.Detail {

  /** Noise bands are this many combined trial spreads wide. */
  static final double NOISE_SPREADS = 2;

  /**
   * One part of the ruler compared between the two runs.
   *
   * @param name the part, such as {@code cpu}
   * @param baselineMedian the baseline run's median time of one trial, in nanoseconds
   * @param currentMedian this run's, in nanoseconds
   * @param noise the relative change within which the part did not move, such as 0.04
   */
  public record PartChange(String name, double baselineMedian, double currentMedian, double noise) {

    /**
     * Creates a part's change.
     *
     * @throws IllegalArgumentException if a median is not above 0 or the noise is below 0
     */
    public PartChange {
      Checks.name(name, "part name");
      Checks.argument(baselineMedian > 0 && currentMedian > 0, "ruler part %s: medians (%s, %s) must be > 0", name,
          baselineMedian, currentMedian);
      Checks.argument(noise >= 0 && Double.isFinite(noise), "ruler part %s: noise (%s) must be >= 0", name, noise);
    }

    /**
     * Current over baseline median: above 1 when the part got slower.
     *
     * @return the ratio
     */
    public double ratio() {
      return currentMedian / baselineMedian;
    }

    /**
     * Whether the part moved beyond its noise: -1 faster, +1 slower, 0 not.
     *
     * @return the direction
     */
    public int moved() {
      double log = Math.log(ratio());
      double band = Math.log1p(noise);
      return log > band ? 1 : log < -band ? -1 : 0;
    }

    @Override
    public String toString() {
      return name + " " + percent(ratio()) + " (noise " + String.format(Locale.ROOT, "%.1f", noise * 100) + " %)";
    }
  }

  /**
   * Creates a machine change.
   *
   * @throws IllegalArgumentException if the ratio is not above 0
   */
  public MachineChange {
    parts = List.copyOf(parts);
    Checks.argument(ratio > 0 && Double.isFinite(ratio), "machine change ratio (%s) must be > 0", ratio);
  }

  /**
   * The machine's change between two runs' rulers.
   *
   * @param baseline the baseline run's ruler
   * @param current this run's ruler
   * @return the change; empty if either run has no ruler or they share no part
   */
  public static Optional<MachineChange> between(Optional<Ruler> baseline, Optional<Ruler> current) {
    if (baseline.isEmpty() || current.isEmpty()) {
      return Optional.empty();
    }
    List<PartChange> parts = new ArrayList<>();
    for (Ruler.Part now : current.get().parts()) {
      baseline.get().part(now.name()).ifPresent(before -> parts.add(new PartChange(now.name(), before.median(),
          now.median(), NOISE_SPREADS * Math.hypot(before.relativeSpread(), now.relativeSpread()))));
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    long slower = parts.stream().filter(p -> p.moved() > 0).count();
    long faster = parts.stream().filter(p -> p.moved() < 0).count();
    boolean changed = 2 * slower > parts.size() || 2 * faster > parts.size();
    double[] ratios = parts.stream().mapToDouble(PartChange::ratio).sorted().toArray();
    double middle = ratios[(ratios.length - 1) / 2];
    return Optional.of(new MachineChange(parts, changed ? middle : 1, changed));
  }

  /**
   * Whether the machine got slower beyond the ruler's noise.
   *
   * @return true if it changed and its ratio is above 1
   */
  public boolean slower() {
    return changed && ratio > 1;
  }

  /**
   * The comparisons with this change applied: where the machine changed, every time comparison
   * says so in its note; where it got slower, a regression within the machine's change times
   * {@code 1 + noise floor} becomes {@link Outcome#UNCHANGED}. Others are returned as they are.
   *
   * @param comparisons a run's comparisons with its baseline, after Holm's correction
   * @return the comparisons, in the same order
   */
  public List<Comparison> apply(List<Comparison> comparisons) {
    if (!changed) {
      return List.copyOf(comparisons);
    }
    List<Comparison> out = new ArrayList<>(comparisons.size());
    for (Comparison c : comparisons) {
      out.add(apply(c));
    }
    return List.copyOf(out);
  }

  private Comparison apply(Comparison c) {
    if (!timed(c.metric()) || c.isDifference() || c.outcome() == Outcome.NOT_COMPARABLE || !(c.ratio() > 0)
        || c.sides().rulerAdjusted()) {
      // An adjusted comparison has the machine's speed taken out already, trial by trial: a second
      // allowance for it would hide a regression as large as the machine's change.
      return c;
    }
    if (c.outcome() == Outcome.REGRESSED && slower()
        && c.worseLog(Math.log(c.ratio())) <= Math.log(ratio) + Math.log1p(c.noiseFloor())) {
      return c.withOutcome(Outcome.UNCHANGED, join(c.note(), words() + ": the change is within it"));
    }
    String tail = c.outcome() == Outcome.REGRESSED && slower() ? ", and the change goes beyond it" : "";
    return c.withOutcome(c.outcome(), join(c.note(), words() + tail));
  }

  /**
   * The history checks with this change applied, as {@link #apply(List)} does to comparisons: where
   * the machine got slower, a time regression against the history's median within the machine's
   * change times {@code 1 + noise floor} becomes {@link Outcome#UNCHANGED}. Make this change
   * {@link #between} the history's {@link #typical} ruler and this run's.
   *
   * @param checks a run's checks against its stored history
   * @return the checks, in the same order
   */
  public List<HistoryCheck> applyToHistory(List<HistoryCheck> checks) {
    if (!changed) {
      return List.copyOf(checks);
    }
    List<HistoryCheck> out = new ArrayList<>(checks.size());
    for (HistoryCheck h : checks) {
      out.add(apply(h));
    }
    return List.copyOf(out);
  }

  private HistoryCheck apply(HistoryCheck h) {
    if (!timed(h.metric()) || h.outcome() == Outcome.NOT_COMPARABLE || !(h.value() > 0) || !(h.median() > 0)) {
      return h;
    }
    double log = Math.log(h.value() / h.median());
    double worse = h.metric().direction() == dev.perfgate.api.Direction.HIGHER_IS_BETTER ? -log : log;
    Outcome outcome = h.outcome();
    String words = words();
    if (outcome == Outcome.REGRESSED && slower()) {
      if (worse <= Math.log(ratio) + Math.log1p(h.noiseFloor())) {
        outcome = Outcome.UNCHANGED;
        words += ": the change is within it";
      } else {
        words += ", and the change goes beyond it";
      }
    }
    return new HistoryCheck(h.key(), h.metric(), outcome, h.value(), h.prediction(), h.limits(),
        h.note().isEmpty() ? "(" + words + ")" : h.note() + "; " + words);
  }

  /**
   * The typical ruler of several runs, such as a variant's stored history: each part's median of
   * the runs' medians, with the larger of the runs' typical spread and the spread between the runs
   * (1.4826 MAD of their medians), so that the history's own run-to-run noise widens the band.
   * Only parts every ruler has are kept.
   *
   * @param rulers the rulers, at least one
   * @return the typical ruler, empty if there are none or they share no part
   */
  public static Optional<Ruler> typical(List<Ruler> rulers) {
    if (rulers.isEmpty()) {
      return Optional.empty();
    }
    List<Ruler.Part> parts = new ArrayList<>();
    for (Ruler.Part first : rulers.get(0).parts()) {
      List<Ruler.Part> all = rulers.stream().map(r -> r.part(first.name())).flatMap(Optional::stream).toList();
      if (all.size() < rulers.size()) {
        continue;
      }
      double[] medians = all.stream().mapToDouble(Ruler.Part::median).toArray();
      double[] spreads = all.stream().mapToDouble(Ruler.Part::spread).toArray();
      double between = medians.length > 1 ? Mad.NORMAL_CONSISTENCY * Mad.of(medians) : 0;
      int trials = all.stream().mapToInt(Ruler.Part::trials).sum();
      parts.add(new Ruler.Part(first.name(), Median.of(medians), Math.max(Median.of(spreads), between), trials));
    }
    long nanos = (long) Median.of(rulers.stream().mapToDouble(r -> r.elapsed().toNanos()).toArray());
    return parts.isEmpty() ? Optional.empty() : Optional.of(new Ruler(parts, java.time.Duration.ofNanos(nanos)));
  }

  /** Times and rates follow the machine's speed; counts do not. */
  private static boolean timed(Metric m) {
    return m.unit() == Unit.NANOSECONDS || m.unit() == Unit.OPS_PER_SECOND;
  }

  /**
   * The change in words, such as
   * {@code machine slower by 30.0 % (ruler cpu +31.0 %, memory +30.0 %, files +12.0 %)}.
   *
   * @return the words
   */
  public String words() {
    String how = !changed ? "machine unchanged"
        : ratio > 1 ? "machine slower by " + String.format(Locale.ROOT, "%.1f", (ratio - 1) * 100) + " %"
            : "machine faster by " + String.format(Locale.ROOT, "%.1f", (1 - ratio) * 100) + " %";
    return how + " (ruler " + parts.stream().map(p -> p.name() + " " + percent(p.ratio()))
        .collect(Collectors.joining(", ")) + ")";
  }

  /**
   * The figures: the machine's ratio, and each part's ratio and noise by name.
   *
   * @return the figures
   */
  @Override
  public Map<String, Double> figures() {
    Map<String, Double> f = new LinkedHashMap<>();
    f.put("machineRatio", ratio);
    for (PartChange p : parts) {
      f.put(p.name() + "Ratio", p.ratio());
      f.put(p.name() + "Noise", p.noise());
    }
    return f;
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%+.1f %%", (ratio - 1) * 100);
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : a + "; " + b;
  }

  /**
   * The change in one line: {@link #words()}.
   *
   * @return the line
   */
  @Override
  public String message() {
    return words();
  }

  @Override
  public String toString() {
    return words();
  }
}
