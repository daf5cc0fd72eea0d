package dev.perfgate.generator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfgate.api.Annotation;
import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.Result;
import dev.perfgate.api.RunContext;
import dev.perfgate.api.Unit;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.RunOptions;
import dev.perfgate.generator.Suite;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a probe reports for no one to judge reaches the result, the JSON report and the HTML report. */
final class AnnotationsTest {
  private static final RunOptions FAST = RunOptions.newBuilder().trials(2).samples(3)
      .sampleTime(Duration.ofMillis(2)).warmup(Duration.ofMillis(2)).firstWarmup(Duration.ofMillis(20))
      .maxWarmup(Duration.ofMillis(300)).build();
  private static final Metric SAMPLES = Metric.of("spy.samples", Unit.COUNT, Direction.NEUTRAL);

  /** Annotates each trial with the operations of each of its samples, as the runner reported them. */
  private static final class OperationsTable implements Probe {
    @Override
    public String id() {
      return "ops.table";
    }

    @Override
    public List<Metric> metrics() {
      return List.of(SAMPLES);
    }

    @Override
    public Session open(RunContext context) {
      return new Session() {
        private final StringBuilder operations = new StringBuilder();
        private int samples;

        @Override
        public void afterSample(Recorder recorder) {
          samples++;
          operations.append(operations.length() == 0 ? "" : " ").append(recorder.operations());
        }

        @Override
        public void close(Recorder recorder) {
          recorder.record(SAMPLES, samples);
          recorder.annotate(new Annotation("ops.per.sample", "Operations per sample, trial " + context.trial(),
              List.of("trial", "operations"), List.of(List.of(String.valueOf(context.trial()), operations.toString()))));
        }
      };
    }
  }

  @Test
  void annotation_reachesTheResultOncePerId_andBothReports() throws Exception {
    Report report = Suite.newBuilder().options(FAST).quiet().probe(new OperationsTable())
        .benchmark(Benchmark.ofLong("hash", () -> System.identityHashCode(FAST)))
        .build().run();

    Result r = report.result("hash").orElseThrow();
    assertEquals(1, r.annotations().size(), "the second trial's table replaces the first's: " + r.annotations());
    Annotation a = r.annotations().get(0);
    assertEquals("Operations per sample, trial 1", a.title());
    assertEquals(3, a.rows().get(0).get(1).split(" ").length, a.toString());

    JsonNode tables = new ObjectMapper().readTree(Reports.json(report)).get("tables");
    assertEquals(1, tables.size(), tables.toString());
    assertEquals("hash", tables.get(0).get("key").asText());
    assertEquals("Operations per sample, trial 1", tables.get(0).get("title").asText());
    assertEquals(a.rows().get(0).get(1), tables.get(0).get("rows").get(0).get(1).asText());

    String html = Reports.html(report);
    assertTrue(html.contains("Operations per sample, trial 1"), "the HTML report shows the table");
    assertTrue(html.contains(a.rows().get(0).get(1)), "with its cells");
  }

  @Test
  void annotation_withARowOfTheWrongLength_isRejectedWithTheFix() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new Annotation("x.y", "X", List.of("a", "b"), List.of(List.of("1"))));
    assertEquals("row 1 of annotation 'x.y' has 1 cells but it has 2 columns [a, b]; give one cell per column",
        e.getMessage());
  }

  @Test
  void result_withTwoAnnotationsOfOneId_isRejected() {
    Annotation a = new Annotation("x.y", "X", List.of("a"), List.of());
    Result base = new Result(dev.perfgate.api.BenchmarkKey.of("b"), List.of(), java.util.Map.of(), List.of(),
        java.util.Optional.empty(), dev.perfgate.api.Environment.current(), java.time.Instant.now(), Duration.ZERO);
    assertTrue(base.annotations().isEmpty());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Result(base.key(),
        base.trials(), base.notMeasured(), base.warnings(), base.error(), base.environment(), base.startedAt(),
        base.elapsed(), base.cause(), List.of(a, a)));
  }
}
