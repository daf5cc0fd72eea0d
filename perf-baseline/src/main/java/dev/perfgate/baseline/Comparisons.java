package dev.perfgate.baseline;

import dev.perfgate.api.internal.stats.SequentialLooks;
import java.util.ArrayList;
import java.util.List;

/**
 * What a suite does with all its comparisons before failing anything: Holm's correction for
 * multiplicity over the whole suite, and the sequential comparison of a variant measured more until
 * it decides, whose p-values stay valid whenever the measuring stopped. Both depend on the
 * comparisons alone, not on the judge that made them.
 *
 * <pre>{@code
 * Comparison look1 = judge.atConfidence(Comparisons.lookConfidence(1, 0.95)).compare(baseline, first, metric);
 * Comparison look2 = judge.atConfidence(Comparisons.lookConfidence(2, 0.95)).compare(baseline, more, metric);
 * List<Comparison> adjusted = Comparisons.holm(List.of(Comparisons.sequential(List.of(look1, look2), 0.95)));
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
   * The confidence of the interval at one look of a comparison measured more, for intervals that
   * hold at {@code confidence} over all looks together (a confidence sequence): look k spends the
   * share {@code w(k)} of {@code 1 - confidence}, half on look 1 and {@code 3 / (pi^2 (k - 1)^2)} on
   * each later look. Judge look k with {@link RegressionJudge#atConfidence(double)} at this level and
   * give the looks to {@link #sequential(List, double)}.
   *
   * @param look the look, from 1
   * @param confidence the level over all looks, such as 0.95
   * @return the level of this look, such as 0.975 for look 1 and 0.985 for look 2 at 0.95
   * @throws IllegalArgumentException if the look is below 1 or the confidence not strictly between 0 and 1
   */
  public static double lookConfidence(int look, double confidence) {
    return SequentialLooks.sequential().confidence(look, confidence);
  }

  /**
   * The comparison to report after one or more looks at a variant measured more, each look
   * comparing all the trials measured so far: the last look's change and interval (at
   * {@link #lookConfidence(int, double)}), the anytime p-values (the smallest {@code p(k) / w(k)}
   * over the looks, valid whenever the looking stopped, so that {@link #holm(List)} over the suite
   * stays valid too), the limits at the level over all looks, and the outcome decided again from
   * these. Whatever rule chose to look again, a false regression on unchanged code comes out with
   * at most the chance {@code 1 - confidence}.
   *
   * @param looks the comparisons of one benchmark and metric, look 1 first, look k judged at
   *     {@code lookConfidence(k, confidence)}
   * @param confidence the level over all looks, such as 0.95
   * @return the comparison
   * @throws IllegalArgumentException if there is no look, or the looks are about different
   *     benchmarks or metrics
   */
  public static Comparison sequential(List<Comparison> looks, double confidence) {
    if (looks.isEmpty()) {
      throw new IllegalArgumentException("no look to report; give at least the first comparison");
    }
    Comparison last = looks.get(looks.size() - 1);
    double[] worse = new double[looks.size()];
    double[] better = new double[looks.size()];
    for (int k = 0; k < looks.size(); k++) {
      Comparison c = looks.get(k);
      if (!c.key().equals(last.key()) || !c.metric().equals(last.metric())) {
        throw new IllegalArgumentException("look " + (k + 1) + " is about " + c.key() + " " + c.metric().name()
            + ", the last about " + last.key() + " " + last.metric().name() + "; give the looks of one comparison");
      }
      worse[k] = c.pWorse();
      better[k] = c.pBetter();
    }
    SequentialLooks spending = SequentialLooks.sequential();
    Comparison.Limits limits = new Comparison.Limits(last.noiseFloor(), last.tolerance(), confidence,
        last.absoluteTolerance());
    Comparison atLevel = new Comparison(last.key(), last.metric(), last.outcome(), last.shift(), last.sides(), limits,
        last.note());
    if (last.outcome() == Outcome.NOT_COMPARABLE || !Double.isFinite(last.pWorse())) {
      return atLevel;
    }
    return atLevel.withPValues(spending.anytimeP(worse), spending.anytimeP(better), last.note());
  }

}
