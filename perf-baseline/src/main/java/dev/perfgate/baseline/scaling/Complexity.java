package dev.perfgate.baseline.scaling;

/**
 * A complexity class that a {@link ComplexityFit} tries: the model {@code t = c0 + c1 g(n)} for one
 * growth function {@code g}. The constants are ordered from slowest to fastest growth, so
 * {@link #isNoWorseThan(Complexity)} is a comparison of positions.
 *
 * <pre>{@code
 * Verdict v = Scaling.checkNoWorseThan(Complexity.LINEAR, fit, "generate");
 * }</pre>
 */
public enum Complexity {
  /** {@code O(1)}: a constant, the model with {@code c1 = 0}. */
  CONSTANT("O(1)"),
  /** {@code O(log n)}, natural logarithm. */
  LOGARITHMIC("O(log n)"),
  /** {@code O(n)}. */
  LINEAR("O(n)"),
  /** {@code O(n log n)}, natural logarithm. */
  LINEARITHMIC("O(n log n)"),
  /** {@code O(n^2)}. */
  QUADRATIC("O(n^2)");

  private final String label;

  Complexity(String label) {
    this.label = label;
  }

  /**
   * The class in big-O notation, such as {@code O(n log n)}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * The growth function {@code g(n)} of this class; {@code 1} for {@link #CONSTANT}.
   *
   * @param n the size, at least 1
   * @return {@code g(n)}
   * @throws IllegalArgumentException if {@code n} is below 1 or not finite
   */
  public double growth(double n) {
    if (!(n >= 1) || Double.isInfinite(n)) {
      throw new IllegalArgumentException("size (" + n + ") must be a finite number >= 1");
    }
    switch (this) {
      case CONSTANT:
        return 1;
      case LOGARITHMIC:
        return Math.log(n);
      case LINEAR:
        return n;
      case LINEARITHMIC:
        return n * Math.log(n);
      case QUADRATIC:
      default:
        return n * n;
    }
  }

  /**
   * Whether this class grows no faster than another one.
   *
   * @param limit the other class
   * @return true if this class is {@code limit} or slower-growing
   * @throws NullPointerException if {@code limit} is null
   */
  public boolean isNoWorseThan(Complexity limit) {
    return ordinal() <= limit.ordinal();
  }

  /** Prints the label, such as {@code O(n log n)}. */
  @Override
  public String toString() {
    return label;
  }
}
