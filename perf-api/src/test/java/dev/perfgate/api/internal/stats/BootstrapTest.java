package dev.perfgate.api.internal.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap is random, so the known answer is a long run of SciPy 1.17.1's percentile
 * bootstrap and the kernel has to land within its Monte Carlo error.
 */
final class BootstrapTest {
  private static final double[] X = {12.0, 3.5, 7.25, 100.0, 0.5, 42.0, 8.0, 9.5, 15.0, 3.5, 21.0};

  @Test
  void percentileInterval_ofTheMean_agreesWithScipy() {
    // scipy.stats.bootstrap((X,), np.mean, confidence_level=0.95, n_resamples=200000, method='percentile', rng=1)
    //   -> (7.545454545454546, 38.68181818181818); numpy.mean(X) = 20.204545454545453
    Bootstrap.Interval i = Bootstrap.percentileInterval(X, Moments::mean, 20_000, 0.95, 42);
    assertEquals(20.204545454545453, i.estimate(), 1e-12);
    // 20 000 resamples put a 2.5 % quantile within about 0.3 of the long run; allow 0.8 (width 31)
    assertEquals(7.545454545454546, i.low(), 0.8);
    assertEquals(38.68181818181818, i.high(), 0.8);
    // confidence_level=0.90, rng=2 -> (8.522727272727273, 35.38636363636363)
    Bootstrap.Interval i90 = Bootstrap.percentileInterval(X, Moments::mean, 20_000, 0.90, 7);
    assertEquals(8.522727272727273, i90.low(), 0.8);
    assertEquals(35.38636363636363, i90.high(), 0.8);
  }

  @Test
  void percentileInterval_sameSeed_sameInterval_otherSeed_otherInterval() {
    Bootstrap.Interval a = Bootstrap.percentileInterval(X, Median::of, 1000, 0.95, 1);
    assertEquals(a, Bootstrap.percentileInterval(X, Median::of, 1000, 0.95, 1));
    assertNotEquals(Bootstrap.percentileInterval(X, Moments::mean, 1000, 0.95, 1),
        Bootstrap.percentileInterval(X, Moments::mean, 1000, 0.95, 2));
  }

  @Test
  void resample_drawsOnlyGivenValues_andIsReproducible() {
    double[] r1 = Bootstrap.resample(X, new SplittableRandom(5));
    double[] r2 = Bootstrap.resample(X, new SplittableRandom(5));
    assertArrayEquals(r1, r2);
    for (double v : r1) {
      assertEquals(1, java.util.Arrays.stream(X).filter(x -> x == v).limit(1).count(), "drawn " + v);
    }
  }

  @Test
  void percentileInterval_tooFewResamples_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Bootstrap.percentileInterval(X, Median::of, 99, 0.95, 1));
    assertEquals("resamples (99) must be >= 100; use 1000 or more", e.getMessage());
  }
}
