package dev.perfgate.generator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Direction;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.Result;
import dev.perfgate.api.RunContext;
import dev.perfgate.api.Unit;
import dev.perfgate.generator.RunOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The runner's context says whether the trial is warming up, as the benchmark and the probes see it. */
final class TrialContextTest {

  private static final RunOptions PLAN = RunOptions.newBuilder().trials(2).samples(3).sampleTime(Duration.ofMillis(2))
      .warmup(Duration.ofMillis(20)).firstWarmup(Duration.ofMillis(20)).maxWarmup(Duration.ofMillis(500)).build();
  private static final Metric SEEN = Metric.of("warmup.seen", Unit.COUNT, Direction.NEUTRAL);

  /** Writes down what {@code warmup()} said at open and after each measured sample. */
  private static final class WarmupSpy implements Probe {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
      return "warmup.spy";
    }

    @Override
    public List<Metric> metrics() {
      return List.of(SEEN);
    }

    @Override
    public Session open(RunContext context) {
      seen.add("open " + context.warmup());
      return new Session() {
        @Override
        public void afterSample(Recorder recorder) {
          seen.add("sample " + context.warmup());
          recorder.record(SEEN, 1);
        }
      };
    }
  }

  @Test
  void warmup_isTrueWhileTheTrialWarmsUp_andFalseForItsMeasuredSamples() {
    WarmupSpy spy = new WarmupSpy();
    AtomicLong warmupOperations = new AtomicLong();
    AtomicLong measuredOperations = new AtomicLong();
    List<Boolean> atSetUp = new CopyOnWriteArrayList<>();
    Benchmark counted = Benchmark.builder("counted")
        .setUp(ctx -> {
          atSetUp.add(ctx.warmup());
          return ctx;
        })
        .operation(ctx -> ctx.warmup() ? warmupOperations.incrementAndGet() : measuredOperations.incrementAndGet())
        .build();
    VariantRunner runner = new VariantRunner(PLAN, List.of(spy), Map.of(), Environment.current(), Ticker.system(),
        new VariantRunner.Listener() {}, JitClock.system());

    Result r = runAll(runner, PLAN, counted, BenchmarkKey.of("counted"));

    assertTrue(r.succeeded(), r.error().orElse(""));
    assertEquals(List.of(true, true), atSetUp, "set-up runs before warm-up in both trials");
    assertEquals(List.of("open true", "sample false", "sample false", "sample false",
        "open true", "sample false", "sample false", "sample false"), spy.seen);
    assertTrue(warmupOperations.get() > 0, "operations run during warm-up see true");
    assertTrue(measuredOperations.get() > 0, "operations in measured samples see false");
  }
  /** Runs every trial of a variant, as the scheduler does, stopping at the first that fails. */
  private static Result runAll(VariantRunner runner, RunOptions options, Benchmark benchmark, BenchmarkKey key) {
    VariantRunner.Run run = runner.start(benchmark, key);
    for (int t = 0; t < options.trials() && run.runTrial(t); t++) {
      // each trial runs to its end
    }
    return run.finish();
  }
}
