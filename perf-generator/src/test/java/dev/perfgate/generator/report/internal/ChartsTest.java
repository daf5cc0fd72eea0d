package dev.perfgate.generator.report.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Trial;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.scaling.Complexity;
import dev.perfgate.baseline.scaling.Scaling;
import dev.perfgate.baseline.scaling.ScalingCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ChartsTest {

  @Test
  void trend_withoutFiniteHistory_drawsNothing() {
    assertTrue(Charts.trend(new double[] {Double.NaN}, 5, Metric.WALL_TIME).isEmpty());
    assertTrue(Charts.trend(new double[] {}, 5, Metric.WALL_TIME).isEmpty());
  }

  /** Sizes 100, 1000, 10000 with 10 ns per element, two trials 1 % apart: linear growth. */
  private static List<Result> linear() {
    List<Result> out = new ArrayList<>();
    for (int n : new int[] {100, 1000, 10000}) {
      List<Trial> trials = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        double perOp = 10.0 * n * (1 + 0.01 * t);
        trials.add(new Trial(t, List.of(new Sample(1, 1, Map.of(Metric.WALL_TIME, perOp))), Map.of()));
      }
      out.add(new Result(BenchmarkKey.of("scan", n), trials, Map.of(), List.of(), Optional.empty(),
          Environment.current(), Instant.EPOCH, Duration.ZERO));
    }
    return out;
  }

  @Test
  void scaling_drawsTheFitOfTheTypedScalingCheck() {
    List<Result> results = linear();
    Verdict v = Scaling.checkNoWorseThan(Complexity.LINEAR, results, Metric.WALL_TIME);
    ScalingCheck check = (ScalingCheck) v.detail();

    String svg = Charts.scaling(results, Metric.WALL_TIME, List.of(v)).orElseThrow();

    assertTrue(svg.contains(String.format(Locale.ROOT, "power fit: exponent %.2f", check.fit().exponent().value())), svg);
    assertTrue(svg.contains("class fit: " + check.fit().best().complexity().label()), svg);
    assertTrue(svg.contains("class=\"fit\"") && svg.contains("class=\"model\""), svg);
  }

  @Test
  void scaling_verdictOfWordsOnly_drawsNoFit() {
    Verdict words = Verdict.of(Subject.benchmark("scan"), "scaling", Status.PASS,
        "scan time.wall  scaling O(n^2) (exponent 2.00)  PASS");

    String svg = Charts.scaling(linear(), Metric.WALL_TIME, List.of(words)).orElseThrow();

    assertFalse(svg.contains("class fit") || svg.contains("power fit"), "a message is never parsed for a fit");
  }
}
