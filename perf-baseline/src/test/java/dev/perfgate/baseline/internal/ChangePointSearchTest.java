package dev.perfgate.baseline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

final class ChangePointSearchTest {

  @Test
  void find_stepInTheMiddle_isFoundAtTheStep() {
    double[] x = new double[40];
    Random r = new Random(3);
    for (int i = 0; i < x.length; i++) {
      x[i] = (i < 25 ? 0 : 1) + 0.1 * r.nextGaussian();
    }
    var splits = ChangePointSearch.find(x, 0.001);
    assertEquals(1, splits.size(), splits.toString());
    assertEquals(25, splits.get(0).index());
  }
}
