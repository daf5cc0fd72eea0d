package dev.perfgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ResultTest {

  private static final Metric QUERIES = Metric.of("db.queries", Unit.COUNT, Direction.LOWER_IS_BETTER);

  /**
   * The samples' maps iterate in an order that changes from one JVM to the next (Map.copyOf); the
   * baseline comparisons are made metric by metric in this order, so it must not follow them.
   */
  @Test
  void metrics_comeInReportOrder_whateverOrderTheSamplesListThem() {
    Map<Metric, Double> values = Map.of(QUERIES, 3.0, Metric.ALLOCATED_BYTES, 24.0, Metric.WALL_TIME, 100.0,
        Metric.CPU_TIME, 90.0);
    List<Trial> trials = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      trials.add(new Trial(t, List.of(new Sample(10, 1000, values)), Map.of()));
    }
    Result r = new Result(BenchmarkKey.of("parse"), trials, Map.of(), List.of(), Optional.empty(),
        Environment.current(), Instant.EPOCH, Duration.ofSeconds(1));

    List<Metric> expected = new ArrayList<>(values.keySet());
    expected.sort(Metric.reportOrder());
    assertEquals(expected, List.copyOf(r.metrics()));
    assertEquals(Metric.WALL_TIME, r.metrics().iterator().next(), "the primary metric first");
    assertEquals(QUERIES, List.copyOf(r.metrics()).get(3), "a metric of the user's own after the per-operation ones");
  }

  @Test
  void withEnvironment_replacesTheEnvironmentOnly_keepingTheProvenance() {
    Result r = new Result(BenchmarkKey.of("parse"), List.of(new Trial(0, List.of(new Sample(10, 1000,
        Map.of(Metric.WALL_TIME, 100.0))), Map.of())), Map.of(), List.of("a warning"), Optional.empty(),
        Environment.current(), Instant.EPOCH, Duration.ofSeconds(1))
        .withProvenance(Provenance.of("0123456789", "main", "42"));
    Ruler ruler = new Ruler(List.of(new Ruler.Part("cpu", 20e6, 4e5, 9)), Duration.ofMillis(380));

    Result with = r.withEnvironment(r.environment().withRuler(ruler));

    assertEquals(Optional.of(ruler), with.environment().ruler());
    assertEquals(r.provenance(), with.provenance());
    assertEquals(r.trials(), with.trials());
    assertEquals(r.warnings(), with.warnings());
    assertEquals(r.withEnvironment(r.environment()), r);
  }
}
