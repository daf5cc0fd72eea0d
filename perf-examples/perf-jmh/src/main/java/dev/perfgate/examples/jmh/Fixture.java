package dev.perfgate.examples.jmh;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The state and the work that both harnesses measure: JMH calls these methods from
 * {@link JmhBenchmarks}, Perfgate from {@link Op#perfgate()}, so any difference in the figures is the
 * harness's. One fixture per JMH fork and per Perfgate trial, filled from a fixed seed.
 *
 * <p>Fields are not final, so the JIT cannot fold the inputs into constants.
 */
final class Fixture {
  /** Elements of the array that {@link #sortCopy()} sorts: about a microsecond of work. */
  static final int SMALL = 100;
  /** Elements of the array that {@link #hash()} hashes: about a microsecond of work. */
  static final int HASHED = 1024;
  /** Elements of the array that {@link #sum()} adds up: about a millisecond of work. */
  static final int LARGE = 1 << 21;

  private long a;
  private long b;
  private long c;
  private long d;
  private long e;
  private long f;
  private int[] small;
  private int[] hashed;
  private double[] large;

  Fixture() {
    SplittableRandom random = new SplittableRandom(20_261_126L);
    a = random.nextLong();
    b = random.nextLong();
    c = random.nextLong();
    d = random.nextLong();
    e = random.nextLong();
    f = random.nextLong();
    small = random.ints(SMALL).toArray();
    hashed = random.ints(HASHED).toArray();
    large = random.doubles(LARGE).toArray();
  }

  /**
   * A 64-bit hash of six fields, two passes of MurmurHash3's finaliser over each: about 20 ns, no
   * allocation. Written out rather than as a loop over the passes, so that whether the JIT unrolls
   * that loop cannot differ between the two harnesses.
   */
  long mix() {
    long h = 0;
    h = fmix(h ^ a);
    h = fmix(h ^ b);
    h = fmix(h ^ c);
    h = fmix(h ^ d);
    h = fmix(h ^ e);
    h = fmix(h ^ f);
    h = fmix(h ^ a);
    h = fmix(h ^ b);
    h = fmix(h ^ c);
    h = fmix(h ^ d);
    h = fmix(h ^ e);
    h = fmix(h ^ f);
    return h;
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** Allocates 1000 bytes: 1016 bytes with the array header on a 64-bit JVM with compressed oops. */
  byte[] allocate() {
    return new byte[1000];
  }

  /**
   * A polynomial hash of 1024 ints, as {@code Arrays.hashCode} computes it: about a microsecond, no
   * allocation, and no data-dependent branch, so its time does not depend on how well the branch
   * predictor happens to learn one JVM's code layout (compare {@link #sortCopy()}).
   */
  int hash() {
    int h = 1;
    for (int x : hashed) {
      h = 31 * h + x;
    }
    return h;
  }

  /** Sorts a copy of 100 ints: about a microsecond, and 416 bytes allocated. */
  int[] sortCopy() {
    int[] copy = small.clone();
    Arrays.sort(copy);
    return copy;
  }

  /**
   * Adds up two million doubles in order: about a millisecond, bound by the latency of each addition
   * (floating-point addition is not reassociated, so the loop cannot be vectorised).
   */
  double sum() {
    double s = 0;
    for (double x : large) {
      s += x;
    }
    return s;
  }
}
