package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The figures of the ruler: a small fixed calibration workload (CPU, memory and small files) that
 * a baseline-judged run measures beside its benchmarks and keeps in its {@link Environment}. The
 * workload never changes, so when its own times move between two runs beyond their noise, the
 * machine changed, not the code. The ruler is part of the environment's data but not of its
 * {@link Environment#fingerprint()}: two runs on the same machine have different rulers.
 *
 * <pre>{@code
 * environment.ruler().ifPresent(r -> System.out.println(r));
 * // ruler cpu 20.1 ms (+/- 1.2 %), memory 18.4 ms (+/- 2.0 %), files 6.3 ms (+/- 4.1 %), 0.39 s
 * }</pre>
 *
 * @param parts the parts measured, in order, each with its own name
 * @param elapsed the wall time the whole ruler took, warm-up included: its cost to the run
 */
public record Ruler(List<Part> parts, Duration elapsed) {

  /**
   * The ruler's CPU pass timed at the end of every trial of a baseline-judged run, outside the
   * trial's samples and about as long as one of them: a trial value of each trial, in nanoseconds per
   * million steps, neutral and never judged. It samples the machine at the moments the trials ran
   * (the figures of {@link #parts()} are taken once, after the benchmarks), so that a judge can take
   * the machine's speed out of the spread between runs: the run medians of a ~10 us fold and of a
   * 10 ms pass, in 15 separate JVMs beside 0, 1 or 2 busy threads, correlated 0.90.
   */
  public static final Metric TRIAL_METRIC = Metric.of("ruler.cpu", Unit.NANOSECONDS, Direction.NEUTRAL);

  /**
   * One part of the ruler, timed over several short trials.
   *
   * @param name the part's name, such as {@code cpu}, {@code memory} or {@code files}
   * @param median the median time of one trial in nanoseconds, above 0
   * @param spread the spread of the trial times in nanoseconds: the median absolute deviation
   *     scaled to a normal standard deviation (1.4826 MAD), at least 0
   * @param trials the number of trials, at least 1
   */
  public record Part(String name, double median, double spread, int trials) {

    /**
     * Creates a part.
     *
     * @throws NullPointerException if the name is null
     * @throws IllegalArgumentException if the name is blank, the median is not above
     *     0, the spread is below 0 or not finite, or trials is below 1
     */
    public Part {
      Checks.name(name, "ruler part name");
      Checks.argument(median > 0 && Double.isFinite(median), "ruler part %s: median (%s) must be > 0 ns", name,
          median);
      Checks.argument(spread >= 0 && Double.isFinite(spread), "ruler part %s: spread (%s) must be >= 0 ns", name,
          spread);
      Checks.argument(trials >= 1, "ruler part %s: trials (%s) must be >= 1", name, trials);
    }

    /**
     * The spread relative to the median, such as 0.02 for 2 %.
     *
     * @return spread / median
     */
    public double relativeSpread() {
      return spread / median;
    }

    @Override
    public String toString() {
      return name + " " + Unit.NANOSECONDS.format(median) + " (+/- "
          + String.format(Locale.ROOT, "%.1f", relativeSpread() * 100) + " %)";
    }
  }

  /**
   * Creates the figures.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if there are no parts, two share a name, or elapsed is negative
   */
  public Ruler {
    parts = List.copyOf(parts);
    Checks.argument(!parts.isEmpty(), "a ruler needs at least one part");
    Set<String> names = new HashSet<>();
    for (Part p : parts) {
      Checks.argument(names.add(p.name()), "ruler part %s is given twice", p.name());
    }
    Checks.notNull(elapsed, "elapsed");
    Checks.argument(!elapsed.isNegative(), "ruler elapsed (%s) must not be negative", elapsed);
  }

  /**
   * The part of this name.
   *
   * @param name the part's name, such as {@code cpu}
   * @return the part, empty if the ruler has none of that name
   */
  public Optional<Part> part(String name) {
    return parts.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return "ruler " + parts.stream().map(Part::toString).collect(Collectors.joining(", ")) + ", "
        + Unit.NANOSECONDS.format(elapsed.toNanos());
  }
}
