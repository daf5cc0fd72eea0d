package dev.perfgate.baseline.scaling;

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
   * The log-log slope of a class's growth function alone over the smallest and largest size
   * measured: the exponent a class shows on these sizes when its intercept is 0. A non-negative
   * intercept only lowers it.
   *
   * @param complexity the class
   * @return the slope, 0 for {@link Complexity#CONSTANT}
   * @throws NullPointerException if {@code complexity} is null
   */
  public double exponentOf(Complexity complexity) {
    if (complexity == Complexity.CONSTANT) {
      return 0;
    }
    double lo = sizes.get(0);
    double hi = sizes.get(sizes.size() - 1);
    // log n is 0 at n = 1; the chord starts at the first size where g is positive
    for (int i = 0; complexity.growth(lo) <= 0 && i + 1 < sizes.size() - 1; i++) {
      lo = sizes.get(i + 1);
    }
    return (Math.log(complexity.growth(hi)) - Math.log(complexity.growth(lo))) / (Math.log(hi) - Math.log(lo));
  }

  /** Prints {@code O(n) (exponent 1.02 (95 % CI 0.97 .. 1.08), sizes [10, ..., 1000], 25 observations)}. */
  @Override
  public String toString() {
    return describe() + " (exponent " + exponent + ", sizes " + sizes + ", " + observations + " observations)";
  }
}
