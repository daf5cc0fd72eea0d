package dev.perfgate.generator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class VariantPlanTest {

  private static final Benchmark PLAIN = Benchmark.of("plain", () -> 1);
  private static final Benchmark SIZED = Benchmark.builder("sized").operation(s -> 1).sizes(10, 100).build();
  private static final Target FAST = Target.on(Metric.WALL_TIME).median().atMost(Duration.ofMillis(1));
  private static final Target AT_100 = Target.on(Metric.WALL_TIME).median().atMost(Duration.ofMillis(5));

  private static BenchmarkSpec spec(Benchmark b, List<Integer> threads) {
    return new BenchmarkSpec(b, List.of(FAST), Map.of(100, List.of(AT_100)), threads);
  }

  private static List<List<BenchmarkKey>> keys(VariantPlan plan) {
    return plan.groups().stream().map(g -> g.stream().map(VariantPlan.Variant::key).toList()).toList();
  }

  @Test
  void of_eachSizeOnEachThreadCount_groupedByBenchmarkInOrder() {
    VariantPlan plan = VariantPlan.of(List.of(spec(SIZED, List.of(1, 2)), spec(PLAIN, List.of())),
        Optional.empty(), Optional.empty());
    assertEquals(List.of(
        List.of(BenchmarkKey.of("sized", 10), BenchmarkKey.of("sized", 10).withThreads(2),
            BenchmarkKey.of("sized", 100), BenchmarkKey.of("sized", 100).withThreads(2)),
        List.of(BenchmarkKey.of("plain"))), keys(plan));
    assertEquals(5, plan.size());
  }

  @Test
  void of_overrides_replaceSizesAndOnlyTheThreadCountsAskedFor() {
    VariantPlan plan = VariantPlan.of(List.of(spec(SIZED, List.of(1, 2)), spec(PLAIN, List.of())),
        Optional.of(List.of(100)), Optional.of(List.of(4)));
    assertEquals(List.of(List.of(BenchmarkKey.of("sized", 100).withThreads(4)), List.of(BenchmarkKey.of("plain"))),
        keys(plan), "a benchmark that asked for no thread counts stays on one thread");
  }

  @Test
  void targetsOf_aVariant_areThoseOfEverySizeThenThoseOfItsSize() {
    VariantPlan plan = VariantPlan.of(List.of(spec(SIZED, List.of())), Optional.empty(), Optional.empty());
    VariantPlan.Variant at10 = plan.find(BenchmarkKey.of("sized", 10)).orElseThrow();
    VariantPlan.Variant at100 = plan.find(BenchmarkKey.of("sized", 100)).orElseThrow();
    assertEquals(List.of(FAST), at10.spec().targetsOf(at10.key()));
    assertEquals(List.of(FAST, AT_100), at100.spec().targetsOf(at100.key()));
    assertEquals(List.of(FAST, AT_100), at10.spec().allTargets());
    assertEquals(Optional.empty(), plan.find(BenchmarkKey.of("other")));
  }
}
