package dev.perfgate.baseline.scaling;

import dev.perfgate.api.internal.stats.TheilSen;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How a cost grows with size: the exponent of a log-log fit with its confidence interval, the fit
 * of each {@link Complexity} class ranked by AICc, and the classes that the data cannot tell apart.
 * Made by {@link Scaling#fit(java.util.Map)}.
 *
 * <p>A class is <em>plausible</em> when its AICc is within {@link #threshold()} of the best, unless
 * it is a growth class that does no better than {@link Complexity#CONSTANT} (every growth class
 * contains the constant as {@code c1 = 0}; such a class only carries an uninformative parameter).
 * {@link Complexity#CONSTANT} also stays plausible while the exponent's interval reaches
 * {@link Scaling#FLAT_EXPONENT}: ruling out a constant takes a distribution-free trend test as well,
 * because AICc alone read growth into noise in 4 of 50 seeded constant data sets (5 % noise, 7
 * sizes, 5 trials). More than one
 * plausible class means the measured sizes cannot decide, and the fit says so ("O(n) or
 * O(n log n)") instead of picking one by noise.
 *
 * @param sizes the distinct sizes measured, ascending
 * @param observations the number of observations (size, value) used
 * @param exponent the slope of log value on log size (Theil-Sen) with Sen's rank interval
 * @param models the fit of every class, best (lowest AICc) first
 * @param plausible the classes the data supports, slowest-growing first; never empty
 * @param threshold the AICc difference below which two classes count as fitting about as well
 */
public record ComplexityFit(
    List<Integer> sizes, int observations, Estimate exponent, List<ModelFit> models,
    List<Complexity> plausible, double threshold) {

  /**
   * Creates a fit.
   *
   * @throws IllegalArgumentException if there are fewer than 3 sizes, no models, no plausible
   *     class, a plausible class without a model, or a negative threshold
   * @throws NullPointerException if an argument is null
   */
  public ComplexityFit {
    sizes = List.copyOf(Objects.requireNonNull(sizes, "sizes must not be null"));
    Objects.requireNonNull(exponent, "exponent must not be null");
    models = List.copyOf(Objects.requireNonNull(models, "models must not be null"));
    plausible = List.copyOf(Objects.requireNonNull(plausible, "plausible must not be null"));
    if (sizes.size() < 3) {
      throw new IllegalArgumentException("a complexity fit needs at least 3 sizes (got " + sizes + ")");
    }
    if (models.isEmpty() || plausible.isEmpty()) {
      throw new IllegalArgumentException("a complexity fit needs at least one model and one plausible class");
    }
    List<Complexity> fitted = models.stream().map(ModelFit::complexity).collect(Collectors.toList());
    if (!fitted.containsAll(plausible)) {
      throw new IllegalArgumentException("plausible classes " + plausible + " must all be among the models " + fitted);
    }
    if (!(threshold >= 0)) {
      throw new IllegalArgumentException("AICc threshold (" + threshold + ") must be >= 0, such as 2");
    }
    List<ModelFit> sorted = new ArrayList<>(models);
    sorted.sort(Comparator.comparingDouble(ModelFit::aicc));
    models = List.copyOf(sorted);
    plausible = plausible.stream().sorted().distinct().collect(Collectors.toUnmodifiableList());
  }

  /**
   * The class with the lowest AICc. When {@link #isAmbiguous()} is true, others fit about as well.
   *
   * @return the best fit
   */
  public ModelFit best() {
    return models.get(0);
  }

  /**
   * Whether more than one class is plausible.
   *
   * @return true if the data cannot tell two or more classes apart
   */
  public boolean isAmbiguous() {
    return plausible.size() > 1;
  }

  /**
   * The fit of one class.
   *
   * @param complexity the class
   * @return its fit
   * @throws IllegalArgumentException if the class was not fitted
   */
  public ModelFit model(Complexity complexity) {
    return models.stream().filter(m -> m.complexity() == complexity).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("class " + complexity + " was not fitted; fitted: " + models));
  }

  /**
   * The plausible classes in words, such as {@code O(n)} or {@code O(n) or O(n log n)}.
   *
   * @return the description
   */
  public String describe() {
    List<String> labels = plausible.stream().map(Complexity::label).collect(Collectors.toList());
    if (labels.size() == 1) {
      return labels.get(0);
    }
    return String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
  }

  /**
   * The exponent a class shows on exactly these sizes: the slope that the exponent's estimator
   * (Theil-Sen, the median of the slopes between every two sizes) reads from the class's growth
   * function alone, as if every size had been measured with no noise and no fixed cost. For
   * {@link Complexity#LINEAR} and {@link Complexity#QUADRATIC} it is 1 and 2 on any sizes; for the
   * classes with a logarithm it depends on the sizes, because {@code n log n} steepens by a factor
   * {@code log n} that flattens as {@code n} grows: on 1000, 2000, ..., 256000 it is 1.10 (between
   * 1.08 at the large end and 1.14 at the small), on 10 .. 1000 it is 1.23. A positive fixed cost
   * only lowers what a class shows; the memory hierarchy can raise it (see
   * {@link Scaling#checkNoWorseThan(Complexity, ComplexityFit, String)}).
   *
   * <p>Each two sizes count once, which is what Theil-Sen reads when every size has as many
   * trials.
   *
   * @param complexity the class
   * @return the slope, 0 for {@link Complexity#CONSTANT}
   * @throws NullPointerException if {@code complexity} is null
   */
  public double exponentOf(Complexity complexity) {
    if (complexity == Complexity.CONSTANT) {
      return 0;
    }
    // log n is 0 at n = 1, where its log-log slope is undefined: leave that size out (the sizes are
    // distinct and at least 3, so 2 or more remain).
    List<Integer> usable = sizes.stream().filter(n -> complexity.growth(n) > 0).collect(Collectors.toList());
    double[] logN = usable.stream().mapToDouble(n -> Math.log(n)).toArray();
    double[] logG = usable.stream().mapToDouble(n -> Math.log(complexity.growth(n))).toArray();
    return TheilSen.slope(logN, logG);
  }

  /** Prints {@code O(n) (exponent 1.02 (95 % CI 0.97 .. 1.08), sizes [10, ..., 1000], 25 observations)}. */
  @Override
  public String toString() {
    return describe() + " (exponent " + exponent + ", sizes " + sizes + ", " + observations + " observations)";
  }
}
