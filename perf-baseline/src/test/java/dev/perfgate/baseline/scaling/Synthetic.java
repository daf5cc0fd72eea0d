package dev.perfgate.baseline.scaling;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeded synthetic observations with known answers: {@code t = c0 + c1 g(n)} times log-normal
 * noise, optionally with outlying trials 2 to 4 times too slow (a burst of another process).
 */
final class Synthetic {
  private Synthetic() {}

  /** Sizes on a geometric grid from {@code first} to {@code last}, {@code count} of them. */
  static int[] grid(int first, int last, int count) {
    int[] sizes = new int[count];
    for (int i = 0; i < count; i++) {
      sizes[i] = (int) Math.round(first * Math.pow((double) last / first, i / (double) (count - 1)));
    }
    return sizes;
  }

  /**
   * Observations of one class with a fixed overhead equal to the work at the smallest size, so that
   * the overhead matters at the small end as it does in real benchmarks.
   */
  static Map<Integer, double[]> of(Complexity c, int[] sizes, int trials, double sigma, double outliers, long seed) {
    double c1 = 1;
    double c0 = c == Complexity.CONSTANT ? 100 : c1 * c.growth(sizes[0]);
    Random random = new Random(seed);
    Map<Integer, double[]> data = new TreeMap<>();
    for (int n : sizes) {
      double[] v = new double[trials];
      for (int t = 0; t < trials; t++) {
        double mean = c == Complexity.CONSTANT ? c0 : c0 + c1 * c.growth(n);
        double slow = random.nextDouble() < outliers ? 2 + 2 * random.nextDouble() : 1;
        v[t] = mean * Math.exp(sigma * random.nextGaussian()) * slow;
      }
      data.put(n, v);
    }
    return data;
  }

  /** Observations of one class's growth function alone, {@code g(n)}, with no fixed cost. */
  static Map<Integer, double[]> exact(Complexity c, int[] sizes, int trials, double sigma, long seed) {
    Random random = new Random(seed);
    Map<Integer, double[]> data = new TreeMap<>();
    for (int n : sizes) {
      double[] v = new double[trials];
      for (int t = 0; t < trials; t++) {
        v[t] = c.growth(n) * Math.exp(sigma * random.nextGaussian());
      }
      data.put(n, v);
    }
    return data;
  }

  /** Sizes {@code first, 2 first, 4 first, ...}, {@code count} of them. */
  static int[] doubling(int first, int count) {
    int[] sizes = new int[count];
    for (int k = 0; k < count; k++) {
      sizes[k] = first << k;
    }
    return sizes;
  }

  /** Observations of {@code a n^b} with log-normal noise. */
  static Map<Integer, double[]> power(double a, double b, int[] sizes, int trials, double sigma, long seed) {
    Random random = new Random(seed);
    Map<Integer, double[]> data = new TreeMap<>();
    for (int n : sizes) {
      double[] v = new double[trials];
      for (int t = 0; t < trials; t++) {
        v[t] = a * Math.pow(n, b) * Math.exp(sigma * random.nextGaussian());
      }
      data.put(n, v);
    }
    return data;
  }
}
