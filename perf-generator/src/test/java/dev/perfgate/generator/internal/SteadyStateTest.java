package dev.perfgate.generator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class SteadyStateTest {

  @Test
  void steady_fewerBatchesThanTheWindow_isNotSteady() {
    SteadyState s = new SteadyState();
    for (int i = 0; i < SteadyState.MIN_WINDOW - 1; i++) {
      s.add(100, 100, 0);
    }
    assertFalse(s.steady());
    s.add(100, 100, 0);
    assertTrue(s.steady());
  }

  @Test
  void steady_flatTimesWithSeededNoise_isSteady() {
    SplittableRandom random = new SplittableRandom(7);
    SteadyState s = new SteadyState();
    for (int i = 0; i < 40; i++) {
      // +-10 % on wall time (a loaded machine), +-1 % on CPU time
      s.add(100 * (1 + 0.2 * (random.nextDouble() - 0.5)), 90 * (1 + 0.02 * (random.nextDouble() - 0.5)), 5);
    }
    assertTrue(s.steady());
  }

  @Test
  void steady_plateauAfterASlowStart_isNotSteadyUntilItLastsAboutAsLong() {
    // A start that gets faster batch by batch, then a plateau (C1 code, say) that a fixed window of
    // the last eight batches would call steady after eight batches.
    SteadyState s = new SteadyState();
    for (int i = 0; i < 20; i++) {
      s.add(400 - 10 * i, 400 - 10 * i, 50);
      assertFalse(s.steady(), "still falling at batch " + i);
    }
    int batches = 0;
    while (!s.steady()) {
      s.add(100, 100, 50);
      batches++;
    }
    assertTrue(batches >= 10 && batches <= 20, "steady after " + batches + " batches of a plateau that followed 20"
        + " slower ones");
  }

  @Test
  void steady_jitStillCompiling_isNotSteady() {
    SteadyState s = new SteadyState();
    for (int i = 0; i < 20; i++) {
      s.add(100, 100, 10 + i);
    }
    assertFalse(s.steady());
    for (int i = 0; i < 10; i++) {
      s.add(100, 100, 29);
    }
    assertTrue(s.steady(), "steady once the newer half of the window saw no compilation");
  }

  @Test
  void steady_stillPagingInFreshMemory_isNotSteadyOnAFlatSlowPlateau() {
    // A fresh JVM's heap is paged in by the operation that allocates into it, on its own CPU time: a
    // flat plateau, 10x slower than what follows, that the times alone would call steady (the JSON
    // parse of the class comment: 6559 faults a batch of 500 calls).
    SteadyState s = new SteadyState();
    for (int i = 0; i < 20; i++) {
      s.add(250, 250, 7, 6559L * i);
    }
    assertFalse(s.steady());
    assertEquals("the thread was still paging in fresh memory (32795 page faults while the last 5 batches ran)",
        s.unsteady());
    // Then the operation runs 10x faster once its heap is paged in: a step down, steady once the
    // fast plateau fills the window's newer half and more.
    int batches = 0;
    while (!s.steady() && batches < 40) {
      s.add(25, 25, 7, 6559L * 19 + batches % 2);
      batches++;
    }
    assertTrue(s.steady() && batches >= 10, "steady after " + batches + " batches without fresh memory (a stray fault"
        + " in every other batch)");
  }

  @Test
  void unsteady_namesTheReason() {
    SteadyState compiling = new SteadyState();
    SteadyState falling = new SteadyState();
    SteadyState unknownFaults = new SteadyState();
    for (int i = 0; i < 16; i++) {
      compiling.add(100, 100, i, 40);
      falling.add(100 - 2 * i, 100 - 2 * i, 0, 40);
      unknownFaults.add(100, 100, 0, -1);
    }
    assertEquals("the JIT was still compiling", compiling.unsteady());
    assertEquals("its time per operation was still falling", falling.unsteady());
    assertEquals("", unknownFaults.unsteady(), "page faults that are not known do not hold warm-up");
    assertEquals("too few batches were timed to judge", new SteadyState().unsteady());
  }

  @Test
  void steady_cpuStillFallingWhileWallIsNoisy_isNotSteady() {
    SteadyState s = new SteadyState();
    for (int i = 0; i < 16; i++) {
      s.add(100, 100 - 2 * i, 0);
    }
    assertFalse(s.steady());
  }

  @Test
  void steady_slowerNewerHalf_isSteady() {
    // Slower is the machine or the garbage, not the JIT: waiting longer would not help.
    SteadyState s = new SteadyState();
    for (int i = 0; i < 16; i++) {
      s.add(100 + 10 * i, 100 + 10 * i, 0);
    }
    assertTrue(s.steady());
  }

  @Test
  void steady_withoutCpuTime_judgesWallTimeAtTheTightTolerance() {
    SteadyState s = new SteadyState();
    for (int i = 0; i < 8; i++) {
      s.add(i < 4 ? 100 : 95, Double.NaN, -1);
    }
    assertFalse(s.steady(), "5 % faster on wall time alone is still falling");
  }

  @Test
  void reset_forgetsEveryBatch() {
    SteadyState s = new SteadyState();
    for (int i = 0; i < 10; i++) {
      s.add(100, 100, 0);
    }
    s.reset();
    assertFalse(s.steady());
    assertTrue(Double.isNaN(s.recentWallPerOp()));
  }

  @Test
  void recentWallPerOp_isTheMedianOfTheNewestBatches() {
    SteadyState s = new SteadyState();
    for (double v : new double[] {500, 500, 100, 102, 98, 101}) {
      s.add(v, v, 0);
    }
    assertEquals(100.5, s.recentWallPerOp(), 1e-9);
  }
}
