package dev.perfgate.generator.internal;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A benchmark as the suite was told about it: its targets, those of single sizes, and the thread
 * counts it runs on.
 *
 * @param benchmark the benchmark
 * @param targets targets of every variant
 * @param sizeTargets targets of one size, by size
 * @param threads the thread counts it was asked to run on; empty if none were asked for (one thread)
 */
public record BenchmarkSpec(Benchmark benchmark, List<Target> targets, Map<Integer, List<Target>> sizeTargets,
    List<Integer> threads) {

  /**
   * Creates a spec, copying the lists and maps.
   *
   * @throws NullPointerException if an argument is null
   */
  public BenchmarkSpec {
    Objects.requireNonNull(benchmark, "benchmark must not be null");
    targets = List.copyOf(targets);
    Map<Integer, List<Target>> copy = new LinkedHashMap<>();
    sizeTargets.forEach((size, list) -> copy.put(size, List.copyOf(list)));
    sizeTargets = Map.copyOf(copy);
    threads = List.copyOf(threads);
  }

  /**
   * The targets of one variant: those of every variant, then those of its size.
   *
   * @param key the variant
   * @return the targets, possibly empty
   */
  public List<Target> targetsOf(BenchmarkKey key) {
    List<Target> applicable = new ArrayList<>(targets);
    key.size().ifPresent(size -> applicable.addAll(sizeTargets.getOrDefault(size, List.of())));
    return applicable;
  }

  /**
   * Every target of the benchmark, whatever the size.
   *
   * @return the targets, possibly empty
   */
  public List<Target> allTargets() {
    List<Target> all = new ArrayList<>(targets);
    sizeTargets.values().forEach(all::addAll);
    return all;
  }
}
