package dev.perfgate.generator.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Result;
import dev.perfgate.generator.RunOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** The runner's warm-up waits for the JIT to go quiet, on a real operation, with the JIT's readings scripted. */
final class WarmupTest {

  private static final RunOptions PLAN = RunOptions.newBuilder().trials(2).samples(2).sampleTime(Duration.ofMillis(4))
      .warmup(Duration.ZERO).firstWarmup(Duration.ZERO).maxWarmup(Duration.ofMillis(1_500)).build();

  /**
   * The JVM's CPU clock, with the JIT's compilation time and the thread's page faults scripted: each
   * grows by its step at every reading until a moment, then stands still.
   */
  private static JitClock scripted(long untilNanos, long compileStep, long faultStep) {
    AtomicLong compiled = new AtomicLong();
    AtomicLong faults = new AtomicLong();
    return new JitClock() {
      @Override
      public long threadCpuNanos() {
        return JitClock.system().threadCpuNanos();
      }

      @Override
      public long compileMillis() {
        return System.nanoTime() < untilNanos ? compiled.addAndGet(compileStep) : compiled.get();
      }

      @Override
      public long threadPageFaults() {
        return System.nanoTime() < untilNanos ? faults.addAndGet(faultStep) : faults.get();
      }
    };
  }

  /** A compilation that goes on until a moment; no page faults. */
  private static JitClock compilingUntil(long untilNanos) {
    return scripted(untilNanos, 1, 0);
  }

  /** A JIT at rest, and a thread that pages in fresh memory (a thousand faults a reading) until a moment. */
  private static JitClock pagingInUntil(long untilNanos) {
    return scripted(untilNanos, 0, 1000);
  }

  private static Result run(JitClock jit) {
    long[] data = new long[256];
    Benchmark sum = Benchmark.of("sum", () -> {
      long s = 0;
      for (long d : data) {
        s += d;
      }
      return s;
    });
    VariantRunner runner = new VariantRunner(PLAN, List.of(), Map.of(), Environment.current(), Ticker.system(),
        new VariantRunner.Listener() {}, jit);
    VariantRunner.Run run = runner.start(sum, BenchmarkKey.of("sum"));
    for (int t = 0; t < PLAN.trials() && run.runTrial(t); t++) {
      // each trial runs to its end; a failed one stops the variant
    }
    return run.finish();
  }

  /**
   * A steady sum of 256 longs would end its warm-up after eight 1 ms batches; a clock that moves for
   * 400 ms must hold it that long, however loaded the machine, and then let it end without a warning.
   */
  private static void assertHeldFor400Millis(LongFunction<JitClock> movingUntil) {
    long start = System.nanoTime();
    Result r = run(movingUntil.apply(start + Duration.ofMillis(400).toNanos()));
    long took = System.nanoTime() - start;
    assertTrue(r.succeeded(), r.error().orElse(""));
    assertTrue(took >= Duration.ofMillis(400).toNanos(), "warm-up ended after " + took / 1_000_000 + " ms");
    assertFalse(r.warnings().stream().anyMatch(w -> w.contains("not steady")), r.warnings().toString());
  }

  @Test
  void warmUp_whileTheJitCompiles_goesOnUntilItStops() {
    assertHeldFor400Millis(WarmupTest::compilingUntil);
  }

  @Test
  void warmUp_whileTheJitNeverStops_endsAtTheCapAndSaysSo() {
    Result r = run(compilingUntil(Long.MAX_VALUE));
    assertTrue(r.succeeded(), r.error().orElse(""));
    assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("trial 0: the operation was not steady after the"
        + " maximum warm-up of 1500 ms")), r.warnings().toString());
  }

  @Test
  void warmUp_whileTheThreadPagesInFreshMemory_goesOnUntilItStopsAndSaysSoAtTheCap() {
    assertHeldFor400Millis(WarmupTest::pagingInUntil);

    Result capped = run(pagingInUntil(Long.MAX_VALUE));
    assertTrue(capped.warnings().stream().anyMatch(w -> w.startsWith("trial 0: the operation was not steady after"
        + " the maximum warm-up of 1500 ms (the thread was still paging in fresh memory (")
        && w.contains("-XX:+AlwaysPreTouch")),
        capped.warnings().toString());
  }

  @Test
  void warmUp_cappedBeforeCalibration_stillSizesSamplesToTheSampleTime() {
    // No warm-up time at all: the cap is reached after the first batch of one operation, before any
    // batch was long enough to size the samples by. Calibration still completes, so a sample lasts
    // about a sample time (4 ms), not sampleTime / 1 ns = 4 million operations of 20 us (80 s).
    RunOptions none = RunOptions.newBuilder().trials(2).samples(2).sampleTime(Duration.ofMillis(4))
        .warmup(Duration.ZERO).firstWarmup(Duration.ZERO).maxWarmup(Duration.ZERO).build();
    Benchmark spin = Benchmark.ofLong("spin20us", () -> {
      long end = System.nanoTime() + 20_000;
      long n = 0;
      while (System.nanoTime() < end) {
        n++;
      }
      return n;
    });
    VariantRunner runner = new VariantRunner(none, List.of(), Map.of(), Environment.current(), Ticker.system(),
        new VariantRunner.Listener() {}, JitClock.system());

    Result r = runAll(runner, none, spin, BenchmarkKey.of("spin20us"));

    assertTrue(r.succeeded(), r.error().orElse(""));
    for (var sample : r.trials().get(0).samples()) {
      // 4 ms / 20 us = 200 operations; a preempted operation only makes the estimate smaller.
      assertTrue(sample.operations() <= 1_000, "a sample of " + sample.operations() + " operations of 20 us");
    }
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
