package dev.perfgate.baseline;

import java.util.ArrayList;
import java.util.List;

/**
 * What a suite does with all its comparisons before failing anything: Holm's correction for
 * multiplicity over the whole suite, then a second measurement of each regression that would fail.
 * Both depend on the comparisons alone, not on the judge that made them.
 *
 * <pre>{@code
 * List<Comparison> adjusted = Comparisons.holm(all);
 * Comparison reported = Comparisons.confirm(first, judge.compare(baseline, measuredAgain, first.metric()));
 * }</pre>
 */
public final class Comparisons {

  private Comparisons() {}

  /**
   * Corrects a suite's comparisons for multiplicity with Holm's step-down method: the "worse" and
   * the "better" p-values are each adjusted over the comparisons that have them, and the outcomes
   * decided again with the adjusted values. With 50 benchmarks at 5 % each, uncorrected, a false
   * alarm would come in most runs; Holm keeps the chance of any false alarm at 5 %.
   *
   * @param comparisons the comparisons of one suite run
   * @return the adjusted comparisons, in the same order
   */
  public static List<Comparison> holm(List<Comparison> comparisons) {
    double[] worse = Outcomes.holmAdjust(comparisons.stream().mapToDouble(Comparison::pWorse).toArray());
    double[] better = Outcomes.holmAdjust(comparisons.stream().mapToDouble(Comparison::pBetter).toArray());
    long family = comparisons.stream().filter(c -> Double.isFinite(c.pWorse())).count();
    List<Comparison> out = new ArrayList<>(comparisons.size());
    for (int i = 0; i < comparisons.size(); i++) {
      Comparison c = comparisons.get(i);
      if (!Double.isFinite(c.pWorse())) {
        out.add(c);
        continue;
      }
      String note = "p Holm-adjusted over " + family + " comparisons";
      out.add(c.withPValues(worse[i], better[i], c.note().isEmpty() ? note : c.note() + "; " + note));
    }
    return List.copyOf(out);
  }

  /**
   * Combines a failing comparison with the comparison of a second measurement: the failure stands
   * only if the second measurement fails too. If it does not, the outcome is INCONCLUSIVE, so that a
   * one-off disturbance neither fails the build nor passes silently.
   *
   * @param first the first comparison
   * @param retry the comparison of the same benchmark and metric measured again
   * @return the comparison to report
   * @throws IllegalArgumentException if the two are about different benchmarks or metrics
   */
  public static Comparison confirm(Comparison first, Comparison retry) {
    if (!first.key().equals(retry.key()) || !first.metric().equals(retry.metric())) {
      throw new IllegalArgumentException("cannot confirm " + first.key() + " " + first.metric().name() + " with "
          + retry.key() + " " + retry.metric().name() + "; pass the same benchmark and metric measured again");
    }
    if (!first.needsConfirmation()) {
      return first;
    }
    if (retry.outcome() == Outcome.REGRESSED) {
      return retry.withOutcome(Outcome.REGRESSED, join(retry.note(), "confirmed by a second measurement"));
    }
    return retry.withOutcome(Outcome.INCONCLUSIVE, join(retry.note(), "first measurement regressed "
        + first.change() + " but the second did not confirm it: measure again"));
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : a + "; " + b;
  }
}
