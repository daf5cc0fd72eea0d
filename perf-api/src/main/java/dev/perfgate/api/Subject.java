package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Verdict} is about: one variant of a benchmark, a benchmark as a whole (all its
 * sizes and thread counts, as a scaling check judges it), or the suite. Reports tie a verdict to
 * the benchmark it concerns through {@link #benchmark()}, never through its text.
 *
 * <pre>{@code
 * Subject variant = Subject.of(BenchmarkKey.of("render", 50));   // render[size=50]
 * Subject whole = Subject.benchmark("render");                    // render
 * Subject suite = Subject.suite();                                // suite
 * }</pre>
 */
public final class Subject {

  private static final Subject SUITE = new Subject(null, null);

  /** The benchmark's name; null for the suite. */
  private final String name;
  /** The variant; null for a benchmark as a whole and for the suite. */
  private final BenchmarkKey key;

  private Subject(String name, BenchmarkKey key) {
    this.name = name;
    this.key = key;
  }

  /**
   * One variant of a benchmark.
   *
   * @param key the variant
   * @return the subject
   * @throws NullPointerException if the key is null
   */
  public static Subject of(BenchmarkKey key) {
    Checks.notNull(key, "benchmark key");
    return new Subject(key.name(), key);
  }

  /**
   * A benchmark as a whole: all its sizes and thread counts.
   *
   * @param name the benchmark's name
   * @return the subject
   * @throws IllegalArgumentException if the name is blank
   * @throws NullPointerException if the name is null
   */
  public static Subject benchmark(String name) {
    return new Subject(Checks.name(name, "benchmark name"), null);
  }

  /**
   * The suite as a whole, for a verdict about no one benchmark (a suite check that threw).
   *
   * @return the subject
   */
  public static Subject suite() {
    return SUITE;
  }

  /**
   * The variant, when the subject is one.
   *
   * @return the key; empty for a benchmark as a whole and for the suite
   */
  public Optional<BenchmarkKey> key() {
    return Optional.ofNullable(key);
  }

  /**
   * The name of the benchmark the subject is or belongs to.
   *
   * @return the name; empty for the suite
   */
  public Optional<String> benchmark() {
    return Optional.ofNullable(name);
  }

  /**
   * Whether this is the suite as a whole.
   *
   * @return true for {@link #suite()}
   */
  public boolean isSuite() {
    return name == null;
  }

  /**
   * Whether a verdict about this subject concerns a variant: the subject is the variant, another
   * variant of its benchmark, or the benchmark as a whole.
   *
   * @param variant the variant
   * @return true if the subject belongs to the variant's benchmark
   * @throws NullPointerException if the variant is null
   */
  public boolean concerns(BenchmarkKey variant) {
    return Checks.notNull(variant, "variant").name().equals(name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Subject && Objects.equals(((Subject) o).name, name) && Objects.equals(((Subject) o).key, key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, key);
  }

  /** Prints {@code render[size=50]}, {@code render} or {@code suite}. */
  @Override
  public String toString() {
    return key != null ? key.toString() : name != null ? name : "suite";
  }
}
