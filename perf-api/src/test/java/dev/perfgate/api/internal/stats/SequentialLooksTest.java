package dev.perfgate.api.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class SequentialLooksTest {

  private static final SequentialLooks SEQ = SequentialLooks.sequential();

  @Test
  void weights_knownAnswers() {
    assertEquals(0.5, SEQ.weight(1), 0);
    assertEquals(0.3039635509270133, SEQ.weight(2), 1e-15); // 3 / pi^2
    assertEquals(0.07599088773175333, SEQ.weight(3), 1e-15); // 3 / (4 pi^2)
    assertEquals(0.03377372788077926, SEQ.weight(4), 1e-15); // 3 / (9 pi^2)
    assertEquals(1, SequentialLooks.single().weight(1), 0);
    assertEquals(0, SequentialLooks.single().weight(2), 0);
  }

  @Test
  void weights_sumToOne_andNeverMore() {
    double sum = 0;
    for (int k = 1; k <= 200_000; k++) {
      sum += SEQ.weight(k);
      assertTrue(sum <= 1 + 1e-12, "partial sum " + sum + " at look " + k);
    }
    // the tail after look K is about 3 / (pi^2 K)
    assertEquals(1, sum, 2e-6);
  }

  @Test
  void confidence_ofEachLook_knownAnswers() {
    assertEquals(0.975, SEQ.confidence(1, 0.95), 1e-15);
    assertEquals(1 - 0.05 * 3 / (Math.PI * Math.PI), SEQ.confidence(2, 0.95), 1e-15);
    assertEquals(0.95, SequentialLooks.single().confidence(1, 0.95), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> SequentialLooks.single().confidence(2, 0.95));
    assertThrows(IllegalArgumentException.class, () -> SEQ.confidence(0, 0.95));
    assertThrows(IllegalArgumentException.class, () -> SEQ.confidence(1, 1));
  }

  @Test
  void anytimeP_isTheSmallestSpentP_knownAnswers() {
    // 0.04 / 0.5 = 0.08 at look 1, 0.01 / 0.30396 = 0.0329 at look 2
    assertEquals(0.01 / 0.3039635509270133, SEQ.anytimeP(new double[] {0.04, 0.01}), 1e-12);
    assertEquals(0.08, SEQ.anytimeP(new double[] {0.04, 0.5}), 1e-12, "a later, larger p never raises it");
    assertEquals(1, SEQ.anytimeP(new double[] {0.9}), 0, "capped at 1");
    assertEquals(0.04, SequentialLooks.single().anytimeP(new double[] {0.04}), 0);
    assertEquals(0.2, SEQ.anytimeP(new double[] {Double.NaN, 0.0607927101854}), 1e-9);
    assertTrue(Double.isNaN(SEQ.anytimeP(new double[0])));
    assertThrows(IllegalArgumentException.class, () -> SequentialLooks.single().anytimeP(new double[] {0.1, 0.1}));
  }

  @Test
  void anytimeP_underTheNull_rejectsAtMostAlpha_whateverTheLooks() {
    // independent uniform p-values at every look are the worst case for the union bound
    java.util.Random random = new java.util.Random(12);
    int rejected = 0;
    int runs = 200_000;
    for (int r = 0; r < runs; r++) {
      double[] p = new double[8];
      for (int k = 0; k < p.length; k++) {
        p[k] = random.nextDouble();
      }
      if (SEQ.anytimeP(p) <= 0.05) {
        rejected++;
      }
    }
    double rate = rejected / (double) runs;
    assertTrue(rate <= 0.05, "rate " + rate);
    assertTrue(rate > 0.045, "eight independent looks spend nearly all of alpha: " + rate);
  }

  @Test
  void trialsFor_followsOneOverRootN_knownAnswers() {
    // a reference so large it hardly counts: halving the width takes four times the trials (40.001, so 41)
    assertEquals(OptionalInt.of(41), SequentialLooks.trialsFor(1_000_000, 10, 0.2, 0.1));
    // 1000 reference trials: 0.25 (1/1000 + 1/10) - 1/1000 = 0.02425, 1 / 0.02425 = 41.2
    assertEquals(OptionalInt.of(42), SequentialLooks.trialsFor(1000, 10, 0.2, 0.1));
    // 8 against 8, 10 % narrower: 0.81 x 0.25 - 0.125 = 0.0775, 1 / 0.0775 = 12.9
    assertEquals(OptionalInt.of(13), SequentialLooks.trialsFor(8, 8, 0.2, 0.18));
    // half the width with a reference of 8 trials: sqrt(1/8) is already more than half of sqrt(2/8)
    assertEquals(OptionalInt.empty(), SequentialLooks.trialsFor(8, 8, 0.2, 0.1));
    assertEquals(OptionalInt.of(8), SequentialLooks.trialsFor(8, 8, 0.2, 0.3), "already narrow enough");
    assertThrows(IllegalArgumentException.class, () -> SequentialLooks.trialsFor(8, 8, 0, 0.1));
    assertThrows(IllegalArgumentException.class, () -> SequentialLooks.trialsFor(0, 8, 0.2, 0.1));
  }
}
