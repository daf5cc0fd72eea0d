package dev.perfgate.generator.internal;

import dev.perfgate.api.internal.stats.Median;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides when warm-up is over: the operation is steady when, over the newer half of the warm-up
 * batches of one size (at least {@value #MIN_WINDOW} batches, at most {@value #MAX_WINDOW}), neither its thread CPU time
 * nor its wall time per operation is still going down from the older half to the newer half, the
 * JIT compiled nothing while the newer half ran, and the measuring thread took (almost) no page
 * faults meanwhile.
 *
 * <p>Why these signals: the JIT makes code faster in steps (interpreter, C1, C2, inlining
 * decisions that need more profile), and between two steps the time per operation can sit flat for
 * tens of milliseconds. A test on the time alone ("the last three batches match the three before")
 * stops on such a plateau: a 20 us JSON parse measured 3-4x slower in its first trial than in the
 * rest (trial medians 91, 33, 23, 22 ... us) with that rule. A step down always comes with compiled
 * code, so the compilation time of the JVM must stand still across the window; and the window's
 * newer half must be no faster than its older half, on CPU time (which a loaded machine barely
 * disturbs) as well as on wall time. A slower newer half is not a reason to warm up longer: that is
 * the machine, or garbage the benchmark leaves behind, and waiting would not make it go away.
 *
 * <p>Fresh memory is the exception to that last rule. A fresh JVM (a fork) has touched little of its
 * heap, and the collector grows the heap to the operation's garbage over its first seconds; every
 * page the operation allocates into for the first time is a page fault, taken by the allocating
 * thread on its own CPU time. An allocation-heavy operation then runs slower, flat, until the heap it
 * cycles through has been touched: the same ~20 us JSON parse (55 KB a call) took 13 faults a call
 * and 240-300 us of CPU a call in such stretches of half a second, against 0 faults and 24-37 us
 * after them, and in forks had whole trials at 7-10x its median CPU time, none in forks whose heap
 * was touched from the start ({@code -Xms2g -XX:+AlwaysPreTouch}). Such a plateau ends, so warm-up
 * waits for it, within the same cap. An operation that faults on every call by itself (it maps a
 * file and reads it, say) waits for the cap in every trial and is told so.
 *
 * <p>Not thread-safe; one per trial.
 */
final class SteadyState {
  /** The fewest batches judged: the newer half is compared with the older half. */
  static final int MIN_WINDOW = 8;
  /** The most batches judged (at the usual 5 ms per batch, the last 320 ms). */
  static final int MAX_WINDOW = 64;
  /** How much faster the newer half's CPU time (or its wall time, where there is no CPU time) may be. */
  static final double TOLERANCE = 0.03;
  /**
   * How much faster the newer half's wall time may be where CPU time is judged too: a loaded machine
   * moves wall time by more than 3 % from one batch to the next, and a JIT step is far larger.
   */
  static final double WALL_TOLERANCE = 0.10;

  private final List<double[]> batches = new ArrayList<>();

  /** Forgets every batch, for example because the batch size changed and per-batch figures with it. */
  void reset() {
    batches.clear();
  }

  /**
   * Records one warm-up batch whose page faults are not known.
   *
   * @param wallPerOp wall time per operation, ns
   * @param cpuPerOp thread CPU time per operation, ns, or NaN when the JVM cannot tell
   * @param compileMillis the JVM's total JIT compilation time after the batch, ms, or -1 when the JVM
   *     cannot tell
   */
  void add(double wallPerOp, double cpuPerOp, long compileMillis) {
    add(wallPerOp, cpuPerOp, compileMillis, -1);
  }

  /**
   * Records one warm-up batch.
   *
   * @param wallPerOp wall time per operation, ns
   * @param cpuPerOp thread CPU time per operation, ns, or NaN when the JVM cannot tell
   * @param compileMillis the JVM's total JIT compilation time after the batch, ms, or -1 when the JVM
   *     cannot tell
   * @param pageFaults the measuring thread's page faults so far, after the batch, or -1 when not known
   */
  void add(double wallPerOp, double cpuPerOp, long compileMillis, long pageFaults) {
    batches.add(new double[] {wallPerOp, cpuPerOp, compileMillis, pageFaults});
  }

  /**
   * Whether the batches so far are steady.
   *
   * @return true if steady
   */
  boolean steady() {
    return unsteady().isEmpty();
  }

  /**
   * Why the batches so far are not steady, for the warning when warm-up ends at its cap.
   *
   * @return "its time per operation was still falling", "the JIT was still compiling", "the thread
   *     was still paging in fresh memory (6559 page faults while the last 8 batches ran)", or empty
   *     when steady
   */
  String unsteady() {
    int n = batches.size();
    if (n < MIN_WINDOW) {
      return "too few batches were timed to judge";
    }
    // The window is the newer half of the warm-up (within bounds), so a slow start stays in view
    // until the plateau after it has lasted about as long: a plateau between two JIT steps cannot
    // pass for the end of warm-up after a few batches.
    int size = Math.max(MIN_WINDOW, Math.min(MAX_WINDOW, n / 2));
    size -= size % 2;
    List<double[]> window = batches.subList(n - size, n);
    int half = size / 2;
    // JIT compilation must have stood still across the newer half: the reading after the batch
    // before that half began, against the reading after the last batch. Page faults likewise, with
    // a little slack: a fault or two may come with anything, fresh memory comes by the thousand.
    double compiledBefore = window.get(half - 1)[2];
    double compiledAfter = window.get(size - 1)[2];
    if (compiledBefore >= 0 && compiledAfter > compiledBefore) {
      return "the JIT was still compiling";
    }
    double faultsBefore = window.get(half - 1)[3];
    double faultsAfter = window.get(size - 1)[3];
    if (faultsBefore >= 0 && faultsAfter - faultsBefore > half) {
      return "the thread was still paging in fresh memory (" + Math.round(faultsAfter - faultsBefore)
          + " page faults while the last " + half + " batches ran)";
    }
    boolean cpu = !Double.isNaN(window.get(0)[1]);
    boolean flat = notFaster(window, 0, cpu ? WALL_TOLERANCE : TOLERANCE) && (!cpu || notFaster(window, 1, TOLERANCE));
    return flat ? "" : "its time per operation was still falling";
  }

  /** The number of batches recorded since the last {@link #reset()}. */
  int size() {
    return batches.size();
  }

  /**
   * The time per operation the batch should be sized on: the median wall time of the newest half of
   * the window (or of what there is).
   *
   * @return ns per operation, NaN when nothing was recorded
   */
  double recentWallPerOp() {
    int n = batches.size();
    if (n == 0) {
      return Double.NaN;
    }
    return median(batches.subList(Math.max(0, n - MIN_WINDOW / 2), n), 0);
  }

  /** Whether the newer half of the window is no more than {@link #TOLERANCE} faster than the older. */
  private static boolean notFaster(List<double[]> window, int column, double tolerance) {
    int half = window.size() / 2;
    double older = median(window.subList(0, half), column);
    double newer = median(window.subList(half, window.size()), column);
    return newer >= older * (1 - tolerance);
  }

  private static double median(List<double[]> rows, int column) {
    double[] v = new double[rows.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = rows.get(i)[column];
    }
    return Median.of(v);
  }
}
