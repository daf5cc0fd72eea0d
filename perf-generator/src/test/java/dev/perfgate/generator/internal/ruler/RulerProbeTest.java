package dev.perfgate.generator.internal.ruler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Ruler;
import dev.perfgate.generator.internal.Ticker;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RulerProbeTest {

  @Test
  void passNanos_isTheMedianSample_heldBetweenOneAndTenMilliseconds() {
    assertEquals(1_000_000L, RulerProbe.passNanos(new long[0], 0), "no sample: the shortest pass");
    assertEquals(3_000_000L, RulerProbe.passNanos(new long[] {9_000_000, 3_000_000, 2_000_000}, 3));
    assertEquals(10_000_000L, RulerProbe.passNanos(new long[] {50_000_000, 60_000_000}, 2));
    assertEquals(1_000_000L, RulerProbe.passNanos(new long[] {200_000, 300_000, 0, 0}, 2), "only the first count");
  }

  @Test
  void pass_ofOneAndOfFiveMilliseconds_giveTheSameFigurePerMillionSteps() {
    RulerProbe probe = new RulerProbe(Ticker.system());
    assertEquals(List.of(Ruler.TRIAL_METRIC), probe.metrics());
    probe.open(null); // calibrates; the context is only read when a session closes
    // The least of three passes of each length: a pass the scheduler preempts only gets slower, and
    // beside two CI builds one 1 ms pass read 7.4x a 5 ms one (20.1 ms against 2.7 ms a million steps).
    double shortPass = Double.MAX_VALUE;
    double longPass = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      shortPass = Math.min(shortPass, probe.pass(1_000_000, 1 + 2 * i));
      longPass = Math.min(longPass, probe.pass(5_000_000, 2 + 2 * i));
    }
    System.out.printf("[ruler pass] 1 ms: %.0f ns, 5 ms: %.0f ns per million steps%n", shortPass, longPass);
    // Real work on this JVM: the figure is per million steps whatever the length. Beside two busy
    // threads on 2 cores a 10 ms pass read 1.8 x a 1 ms one, so the margin is a factor 4.
    assertTrue(shortPass > 1e5 && longPass > 1e5, shortPass + " " + longPass);
    assertTrue(longPass / shortPass < 4 && shortPass / longPass < 4, shortPass + " " + longPass);
  }

  @Test
  void aClockThatDoesNotAdvance_measuresNothing_andSaysSo() throws Exception {
    RulerProbe probe = new RulerProbe(() -> 42L);
    java.util.Map<dev.perfgate.api.Metric, String> notMeasured = new java.util.HashMap<>();
    probe.open(null).close(new dev.perfgate.api.Probe.Recorder() {
      @Override
      public long operations() {
        return 0;
      }

      @Override
      public long elapsedNanos() {
        return 0;
      }

      @Override
      public void record(dev.perfgate.api.Metric metric, double value) {
        throw new AssertionError("recorded " + metric + " = " + value + " with a clock that does not move");
      }

      @Override
      public void notMeasured(dev.perfgate.api.Metric metric, String reason) {
        notMeasured.put(metric, reason);
      }

      @Override
      public void warn(String message) {}
    });
    assertEquals(java.util.Map.of(Ruler.TRIAL_METRIC, "the clock did not advance over the ruler's calibration"),
        notMeasured);
  }
}
