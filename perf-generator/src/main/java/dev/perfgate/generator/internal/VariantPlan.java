package dev.perfgate.generator.internal;

import dev.perfgate.api.BenchmarkKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The variants of a run, grouped by benchmark in the order the benchmarks were added: each size of
 * each benchmark, on each thread count.
 *
 * @param groups the variants of each benchmark
 */
public record VariantPlan(List<List<Variant>> groups) {

  /** One variant: a benchmark at one size on one thread count. */
  public record Variant(BenchmarkSpec spec, BenchmarkKey key) {}

  /**
   * Creates a plan.
   *
   * @throws NullPointerException if an argument is null
   */
  public VariantPlan {
    groups = groups.stream().map(List::copyOf).toList();
  }

  /**
   * Expands the benchmarks into variants.
   *
   * @param specs the benchmarks, in the order they were added
   * @param sizeOverride sizes that replace every sized benchmark's own ({@code perfgate.sizes})
   * @param threadOverride thread counts that replace those asked for ({@code perfgate.threads}); a
   *     benchmark that asked for none runs on one thread
   * @return the plan
   */
  public static VariantPlan of(List<BenchmarkSpec> specs, Optional<List<Integer>> sizeOverride,
      Optional<List<Integer>> threadOverride) {
    List<List<Variant>> groups = new ArrayList<>();
    for (BenchmarkSpec spec : specs) {
      List<BenchmarkKey> keys = new ArrayList<>();
      if (spec.benchmark().sizes().isEmpty()) {
        keys.add(BenchmarkKey.of(spec.benchmark().name()));
      } else {
        sizeOverride.orElse(spec.benchmark().sizes()).forEach(size -> keys.add(BenchmarkKey.of(spec.benchmark().name(), size)));
      }
      List<Integer> threadCounts = spec.threads().isEmpty() ? List.of(1) : threadOverride.orElse(spec.threads());
      List<Variant> group = new ArrayList<>();
      for (BenchmarkKey k : keys) {
        for (int t : threadCounts) {
          group.add(new Variant(spec, k.withThreads(t)));
        }
      }
      if (!group.isEmpty()) {
        groups.add(group);
      }
    }
    return new VariantPlan(groups);
  }

  /**
   * Every variant's key, in the plan's order.
   *
   * @return the keys
   */
  public List<BenchmarkKey> keys() {
    return groups.stream().flatMap(List::stream).map(Variant::key).toList();
  }

  /**
   * The number of variants.
   *
   * @return the count
   */
  public int size() {
    return groups.stream().mapToInt(List::size).sum();
  }

  /**
   * Finds a variant.
   *
   * @param key its key
   * @return the variant, empty if the plan has none of that key
   */
  public Optional<Variant> find(BenchmarkKey key) {
    return groups.stream().flatMap(List::stream).filter(v -> v.key().equals(key)).findFirst();
  }
}
