package dev.perfgate.generator.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.scaling.Complexity;
import dev.perfgate.baseline.scaling.Scaling;
import dev.perfgate.generator.BenchmarkReport;
import dev.perfgate.generator.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report charts the metric a scaling verdict judges, read from the verdict, not its words. */
final class HtmlScalingTest {

  private static final Pattern CAPTION =
      Pattern.compile("<figcaption>Scaling: median ([a-z.]+) against size[^<]*</figcaption>");

  /** Sizes 100, 1000, 10000: 10 ns and 8 bytes per element, two trials 1 % apart. */
  private static List<Result> sized() {
    List<Result> out = new ArrayList<>();
    for (int n : new int[] {100, 1000, 10000}) {
      List<Trial> trials = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        double f = 1 + 0.01 * t;
        trials.add(new Trial(t, List.of(new Sample(1, 1, Map.of(Metric.WALL_TIME, 10.0 * n * f))),
            Map.of(Metric.ALLOCATED_BYTES, 8.0 * n * f)));
      }
      out.add(new Result(BenchmarkKey.of("scan", n), trials, Map.of(), List.of(), Optional.empty(),
          Environment.current(), Instant.EPOCH, Duration.ZERO));
    }
    return out;
  }

  @Test
  void scaling_ofAllocation_isChartedOnAllocationWithItsFit() {
    List<Result> results = sized();
    Verdict alloc = Scaling.checkNoWorseThan(Complexity.LINEAR, results, Metric.ALLOCATED_BYTES);
    List<BenchmarkReport> benchmarks = results.stream()
        .map(r -> new BenchmarkReport(r, List.of(), Optional.empty(), List.of())).toList();
    Report report = new Report(benchmarks, List.of(alloc), Environment.current(), List.of(), List.of(),
        Duration.ofSeconds(1));

    String html = HtmlReport.write(report, Map.of(), List.of());

    Map<String, String> captions = new java.util.LinkedHashMap<>();
    Matcher m = CAPTION.matcher(html);
    while (m.find()) {
      captions.put(m.group(1), m.group());
    }
    assertEquals(List.of("time.wall", "alloc.bytes"), List.copyOf(captions.keySet()),
        "the primary metric always, then the metric the verdict judges");
    assertTrue(captions.get("alloc.bytes").contains("lines are the fits the checks report"), captions.toString());
    assertFalse(captions.get("time.wall").contains("lines are the fits"), "no fit of allocation on the time chart");
  }
}
