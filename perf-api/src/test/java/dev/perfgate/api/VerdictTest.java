package dev.perfgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Verdicts carry a typed subject and detail; their words come from the detail. */
final class VerdictTest {

  @Test
  void of_messageOnly_isANoteWithoutMetricOrFigures() {
    Verdict v = Verdict.of(Subject.benchmark("render"), "queries <= 3", Status.FAIL, "render  queries 4 <= 3  FAIL");
    Verdict.Note note = assertInstanceOf(Verdict.Note.class, v.detail());
    assertEquals("render  queries 4 <= 3  FAIL", note.message());
    assertEquals("render  queries 4 <= 3  FAIL", v.message());
    assertEquals(Map.of(), v.figures());
    assertEquals(Optional.empty(), v.metric());
    assertTrue(v.failed());
    assertEquals("render", v.detail().subject(v.subject()));
  }

  @Test
  void subject_variantBenchmarkAndSuite_printAndMatchTheirBenchmark() {
    BenchmarkKey small = BenchmarkKey.of("sort", 64);
    assertEquals("sort[size=64]", Subject.of(small).toString());
    assertEquals("sort", Subject.benchmark("sort").toString());
    assertEquals("suite", Subject.suite().toString());
    assertTrue(Subject.of(BenchmarkKey.of("sort", 512)).concerns(small), "another size of the same benchmark");
    assertTrue(Subject.benchmark("sort").concerns(small));
    assertFalse(Subject.benchmark("sorted").concerns(small), "a name that only starts alike");
    assertFalse(Subject.suite().concerns(small));
    assertEquals(Optional.of(small), Subject.of(small).key());
    assertEquals(Optional.empty(), Subject.benchmark("sort").key());
    assertEquals(Optional.empty(), Subject.suite().benchmark());
    assertTrue(Subject.suite().isSuite());
    assertEquals(Subject.of(small), Subject.of(BenchmarkKey.of("sort", 64)));
    assertFalse(Subject.of(BenchmarkKey.of("sort")).equals(Subject.benchmark("sort")),
        "the one variant of an unsized benchmark is not the benchmark as a whole");
  }

  @Test
  void construction_nullParts_areRefusedByName() {
    Verdict.Note note = new Verdict.Note("x", Map.of());
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> new Verdict(Subject.suite(), "c", Status.PASS, null, note));
    assertTrue(e.getMessage().contains("metric"), e.getMessage());
    assertThrows(NullPointerException.class, () -> Verdict.of(Subject.suite(), "c", Status.PASS, (Verdict.Detail) null));
  }

  @Test
  void targetVerdict_hasTheTargetCheckWithTheMeasuredStatisticAndTheMetric() {
    List<Sample> samples = List.of(new Sample(1, 1, Map.of(Metric.WALL_TIME, 2e6)),
        new Sample(1, 1, Map.of(Metric.WALL_TIME, 4e6)));
    Result r = new Result(BenchmarkKey.of("render", 50), List.of(new Trial(0, samples, Map.of())), Map.of(),
        List.of(), Optional.empty(), Environment.current(), Instant.EPOCH, Duration.ZERO);
    Target t = Target.on(Metric.WALL_TIME).max().atMost(Duration.ofMillis(3));
    Verdict v = t.evaluate(r);
    TargetCheck check = assertInstanceOf(TargetCheck.class, v.detail());
    assertEquals(Status.FAIL, check.status());
    assertEquals(4e6, check.measured());
    assertEquals(t, check.target());
    assertEquals(Subject.of(BenchmarkKey.of("render", 50)), v.subject());
    assertEquals(Optional.of(Metric.WALL_TIME), v.metric());
    assertEquals("render[size=50]  max time/op 4 ms  <= 3 ms  FAIL", v.message());
  }

  @Test
  void targetVerdict_unknownMetric_isAnErrorWithoutMeasurementOrMetric() {
    Result r = new Result(BenchmarkKey.of("render"), List.of(new Trial(0,
        List.of(new Sample(1, 1, Map.of(Metric.WALL_TIME, 1.0))), Map.of())), Map.of(), List.of(), Optional.empty(),
        Environment.current(), Instant.EPOCH, Duration.ZERO);
    Verdict v = Target.on("heap.peak").max().atMost(Quantity.megabytes(1)).evaluate(r);
    TargetCheck check = assertInstanceOf(TargetCheck.class, v.detail());
    assertEquals(Status.ERROR, v.status());
    assertTrue(Double.isNaN(check.measured()));
    assertTrue(check.problem().startsWith("no probe in this run records 'heap.peak'"), check.problem());
    assertEquals(Optional.empty(), v.metric());
    assertEquals(Map.of("limit", Quantity.megabytes(1).value()), v.figures());
  }
}
