package dev.perfgate.baseline;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Sample;
import dev.perfgate.api.Trial;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Builds perf-api results from known trial values, and seeded noise for the statistics tests. */
public final class Fixtures {
  private Fixtures() {}

  /** A fixed environment, so that fingerprints are stable across test runs and JVMs. */
  public static Environment environment() {
    return new Environment("Test Vendor", "17.0.99+1", "Test VM", List.of("G1 Young Generation", "G1 Old Generation"),
        512L * 1024 * 1024, List.of("-Xmx512m"), "Test CPU @ 2.0GHz", 2, "Linux 6.1", "amd64", List.of(), Map.of());
  }

  /** The same as {@link #environment()} on another CPU count: a different fingerprint. */
  public static Environment otherEnvironment() {
    return new Environment("Test Vendor", "17.0.99+1", "Test VM", List.of("G1 Young Generation", "G1 Old Generation"),
        512L * 1024 * 1024, List.of("-Xmx512m"), "Test CPU @ 2.0GHz", 8, "Linux 6.1", "amd64", List.of(), Map.of());
  }

  /**
   * A result whose trial values of {@code metric} are exactly {@code values}: each trial has three
   * samples, 1 % below, at and 1 % above the value, so the trial's median is the value.
   */
  public static Result result(BenchmarkKey key, Metric metric, double... values) {
    return result(key, environment(), metric, values);
  }

  public static Result result(BenchmarkKey key, Environment env, Metric metric, double... values) {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      trials.add(new Trial(i, List.of(
          new Sample(1000, 1_000_000, Map.of(metric, v * 0.99)),
          new Sample(1000, 1_000_000, Map.of(metric, v)),
          new Sample(1000, 1_000_000, Map.of(metric, v * 1.01))), Map.of()));
    }
    return new Result(key, trials, Map.of(), List.of(), Optional.empty(), env,
        Instant.parse("2026-11-26T12:00:00Z"), Duration.ofSeconds(3));
  }

  /** A result with varied content: several metrics, trial-level values, a not-measured reason, warnings. */
  public static Result rich(BenchmarkKey key, int seed) {
    Random r = new Random(seed);
    Metric gc = Metric.of("gc.count", dev.perfgate.api.Unit.COUNT, dev.perfgate.api.Direction.NEUTRAL);
    Metric hit = Metric.of("cache.hit.ratio", dev.perfgate.api.Unit.RATIO, dev.perfgate.api.Direction.HIGHER_IS_BETTER);
    List<Trial> trials = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      List<Sample> samples = new ArrayList<>();
      for (int s = 0; s < 4; s++) {
        samples.add(new Sample(1 + r.nextInt(5000), r.nextInt(1_000_000_000),
            Map.of(Metric.WALL_TIME, 1000 + r.nextDouble() * 100, Metric.ALLOCATED_BYTES, 1016.0)));
      }
      trials.add(new Trial(t, samples, Map.of(gc, (double) r.nextInt(4))));
    }
    return new Result(key, trials, Map.of(hit, "no cache bound to this benchmark"), List.of("a warning " + seed),
        Optional.empty(), environment().withProperty("vcs.revision", "abc" + seed),
        Instant.parse("2026-11-26T12:00:00Z").plusSeconds(seed), Duration.ofMillis(1234 + seed))
        .withProvenance(dev.perfgate.api.Provenance.of("abc" + seed, null, null));
  }

  /** A failed result: an error and no trials. */
  public static Result failed(BenchmarkKey key) {
    return new Result(key, List.of(), Map.of(), List.of(), Optional.of("IllegalStateException: boom"), environment(),
        Instant.parse("2026-11-26T12:00:00Z"), Duration.ofMillis(5));
  }

  /** Noise models for the statistics tests: each returns a multiplicative factor around 1. */
  public enum Noise {
    /** Lognormal with the given sigma. */
    LOGNORMAL {
      @Override
      double factor(Random r, double sigma) {
        return Math.exp(sigma * r.nextGaussian());
      }
    },
    /** Two modes 8 % apart (a JIT or layout lottery per trial), chosen 30 / 70, with lognormal noise. */
    BIMODAL {
      @Override
      double factor(Random r, double sigma) {
        return (r.nextDouble() < 0.3 ? 1.08 : 1.0) * Math.exp(sigma * r.nextGaussian());
      }
    },
    /** Heavy tails: Student t with 3 degrees of freedom on the log scale. */
    HEAVY_TAILED {
      @Override
      double factor(Random r, double sigma) {
        double z = r.nextGaussian();
        double chi = 0;
        for (int i = 0; i < 3; i++) {
          double g = r.nextGaussian();
          chi += g * g;
        }
        return Math.exp(sigma * z / Math.sqrt(chi / 3));
      }
    };

    abstract double factor(Random r, double sigma);

    /** n values around {@code center}. */
    public double[] draw(Random r, int n, double center, double sigma) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = center * factor(r, sigma);
      }
      return v;
    }
  }
}
