package dev.perfgate.generator.internal.ruler;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.Ruler;
import dev.perfgate.api.RunContext;
import dev.perfgate.generator.internal.Ticker;
import java.util.Arrays;
import java.util.List;

/**
 * Times a pass of the ruler's CPU part at the end of every trial, outside the trial's samples, and
 * records it as the trial value {@link Ruler#TRIAL_METRIC}: nanoseconds per million steps. Where the
 * trials run (this JVM or a fork), the pass runs too, so every trial carries the machine's speed at
 * the moment it ran.
 *
 * <p>The pass lasts about as long as the trial's median sample, between {@value #MIN_PASS_MILLIS} and
 * {@value #MAX_PASS_MILLIS} ms. Why not a fixed short pass: when other work shares the cores, the
 * scheduler lets a task of a millisecond or two finish inside one time slice and preempts a longer
 * one, so a short pass stays fast while the samples slow down. Measured in 15 separate JVMs beside 0,
 * 1 or 2 busy threads on this 2-core machine, against a ~10 us fold timed in ~11 ms batches: a 2 ms
 * pass correlated 0.44 with the fold's run medians, a 10 ms pass 0.90 (spread between JVMs 24.5 %,
 * 11.2 % with the pass's slope taken out). Its code is warmed and its speed calibrated once per run
 * (about 6 ms), so that no trial times the interpreter. With a clock that does not advance (a fake
 * ticker) the pass measures nothing and says so.
 */
public final class RulerProbe implements Probe {

  /** The shortest pass, in milliseconds: the clock and one interrupt do not dominate it. */
  static final int MIN_PASS_MILLIS = 1;
  /** The longest pass, in milliseconds: beyond this it costs more than it tells. */
  static final int MAX_PASS_MILLIS = 10;
  /** Steps the pass's figure is scaled to. */
  static final double STEPS_PER_FIGURE = 1_000_000;
  private static final int CALIBRATION_STEPS = 1_000_000;
  private static final int CALIBRATION_PASSES = 3;

  private static volatile long sink;

  private final Ticker ticker;
  /** Nanoseconds per step, measured at the first session; NaN until then, 0 for a clock that does not move. */
  private volatile double nanosPerStep = Double.NaN;

  /**
   * Creates the probe.
   *
   * @param ticker the clock the suite measures with
   */
  public RulerProbe(Ticker ticker) {
    this.ticker = ticker;
  }

  @Override
  public String id() {
    return "ruler";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(Ruler.TRIAL_METRIC);
  }

  @Override
  public Session open(RunContext context) {
    calibrate();
    return new Session() {
      private long[] samples = new long[8];
      private int count;

      @Override
      public void afterSample(Recorder recorder) {
        if (count == samples.length) {
          samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = recorder.elapsedNanos();
      }

      @Override
      public void close(Recorder recorder) {
        if (nanosPerStep > 0) {
          recorder.record(Ruler.TRIAL_METRIC, pass(passNanos(samples, count), context.trial()));
        } else {
          recorder.notMeasured(Ruler.TRIAL_METRIC, "the clock did not advance over the ruler's calibration");
        }
      }
    };
  }

  /** The pass's length for a trial: its median sample, held between the shortest and the longest pass. */
  static long passNanos(long[] samples, int count) {
    long median = count == 0 ? 0 : sortedCopy(samples, count)[count / 2];
    return Math.max(MIN_PASS_MILLIS * 1_000_000L, Math.min(MAX_PASS_MILLIS * 1_000_000L, median));
  }

  private static long[] sortedCopy(long[] v, int n) {
    long[] c = Arrays.copyOf(v, n);
    Arrays.sort(c);
    return c;
  }

  private void calibrate() {
    if (Double.isNaN(nanosPerStep)) {
      long best = Long.MAX_VALUE;
      for (int i = 0; i < CALIBRATION_PASSES; i++) {
        long t0 = ticker.read();
        sink ^= RulerWorkload.cpu(CALIBRATION_STEPS, i + 1);
        best = Math.min(best, ticker.read() - t0);
      }
      nanosPerStep = Math.max(0, best / (double) CALIBRATION_STEPS);
    }
  }

  /** One pass of about {@code nanos}, as nanoseconds per million steps (above 0 even on a coarse clock). */
  double pass(long nanos, long seed) {
    int steps = (int) Math.max(100_000, Math.min(100_000_000, Math.round(nanos / nanosPerStep)));
    long t0 = ticker.read();
    long r = RulerWorkload.cpu(steps, 0x9E3779B97F4A7C15L * (seed + 1));
    long t1 = ticker.read();
    sink ^= r;
    return Math.max(1, t1 - t0) * (STEPS_PER_FIGURE / steps);
  }
}
