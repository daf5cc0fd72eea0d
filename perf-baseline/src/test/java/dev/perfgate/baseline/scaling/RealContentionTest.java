package dev.perfgate.baseline.scaling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Verdict;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two real workloads on 2 threads (this machine has 2 cores): one that holds a single lock across a
 * short wait (as a cache loader that does its I/O inside {@code synchronized} does) and one that
 * waits the same way sharing nothing. Time per operation is measured per thread with
 * {@code System.nanoTime} over a window in which all threads run, one value per trial, trials at 1
 * and 2 threads interleaved so that a slow spell of the shared machine hits both. Only the ordering
 * and a generous margin are asserted; no duration is.
 *
 * <p>Why a wait and not arithmetic under the lock: this machine is shared and often oversubscribed
 * (load average 11 on 2 cores while this was written), and then two CPU-bound threads seldom run at
 * the same moment, so a CPU-bound critical section showed no contention at all (+83 % one lock
 * against +84 % shared nothing). A lock held across a wait serialises the threads whatever the load.
 *
 * <p>Sharing nothing is also the control of each round: where it degraded, the machine rather than
 * the lock decided the round, which is then measured again (at most three rounds, then skipped
 * with the figures). Where the control held, the assertion decides at once.
 */
final class RealContentionTest {

  private static final int TRIALS = 15;
  /** Rounds of {@link #TRIALS} measured at most, while the control says the machine was disturbed. */
  private static final int ROUNDS = 3;
  /** Degradation of the shared-nothing control above which a round is measured again. */
  private static final double DISTURBED = 0.25;
  private static final long WINDOW_MILLIS = 100;
  private static final long WAIT_NANOS = 50_000;
  private static final Object LOCK = new Object();
  private static long shared;
  private static final AtomicLong SINK = new AtomicLong();

  interface Op {
    long run(long state);
  }

  private static long work(long x) {
    for (int i = 0; i < 16; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
    }
    return x;
  }

  @Test
  void degradation_oneLockAgainstSharingNothing_isClearlyWorse() throws Exception {
    Op sharedNothing = x -> {
      LockSupport.parkNanos(WAIT_NANOS);
      return work(x);
    };
    Op oneLock = x -> {
      synchronized (LOCK) {
        LockSupport.parkNanos(WAIT_NANOS);
        shared = work(shared + x);
        return shared;
      }
    };
    perOp(sharedNothing, 2);
    perOp(oneLock, 2);
    StringBuilder disturbed = new StringBuilder();
    for (int round = 1; round <= ROUNDS; round++) {
      double[][] nothing = new double[2][TRIALS];
      double[][] locked = new double[2][TRIALS];
      for (int t = 0; t < TRIALS; t++) {
        nothing[0][t] = perOp(sharedNothing, 1);
        locked[0][t] = perOp(oneLock, 1);
        nothing[1][t] = perOp(sharedNothing, 2);
        locked[1][t] = perOp(oneLock, 2);
      }

      Degradation free = Scaling.degradation(nothing[0], nothing[1], 2);
      Degradation contended = Scaling.degradation(locked[0], locked[1], 2);
      Verdict freeVerdict = Scaling.checkDegradationAtMost(0.5, free, "shared-nothing");
      Verdict lockVerdict = Scaling.checkDegradationAtMost(0.5, contended, "one-lock");
      System.err.println(freeVerdict.message() + "\n" + lockVerdict.message());
      // the margin, for the test log: how far the gap between the two lies above the 0.5 asserted
      System.err.printf(java.util.Locale.ROOT,
          "MARGIN contention gap %.3f (> 0.5): one lock %.3f, shared nothing %.3f (round %d)%n",
          contended.estimate().value() - free.estimate().value(), contended.estimate().value(),
          free.estimate().value(), round);

      // Shared nothing is the control: its threads only wait, so two of them run as fast as one
      // unless the machine cannot wake both. Measured: -2.3 .. +4.5 % over 11 runs (quiet, beside
      // three busy loops, beside a build of two modules); beside a whole CI build on the same 2
      // cores it once read +76 %. A round like that says nothing about the lock: measured again.
      if (free.estimate().value() > DISTURBED) {
        disturbed.append(String.format(java.util.Locale.ROOT, "%n  round %d: shared nothing %s, one lock %s",
            round, free, contended));
        continue;
      }
      // Expected about +100 % against about 0 %; the intervals are printed, not asserted, because a
      // burst of other processes now and then widens them (once to -29 % .. +128 % for sharing nothing).
      assertTrue(contended.estimate().value() > free.estimate().value() + 0.5,
          "one lock " + contended + " against shared nothing " + free);
      return;
    }
    // Not a pass: JUnit reports the test as skipped, with the figures that made it so.
    Assumptions.abort("the machine was too busy to wake two waiting threads at once in all " + ROUNDS
        + " rounds (shared nothing degraded by more than " + Math.round(DISTURBED * 100) + " %):" + disturbed);
  }

  /**
   * Time per operation as each thread sees it, with all threads running the whole window: the sum
   * of the threads' busy time over the sum of their operations (a thread starved of the lock adds
   * time and few operations, rather than an infinite value).
   */
  private static double perOp(Op op, int threads) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads + 1);
    AtomicBoolean stop = new AtomicBoolean();
    long[] elapsed = new long[threads];
    long[] operations = new long[threads];
    Thread[] workers = new Thread[threads];
    Throwable[] failure = new Throwable[1];
    for (int k = 0; k < threads; k++) {
      int id = k;
      workers[k] = new Thread(() -> {
        try {
          start.await();
          long state = id + 1;
          long ops = 0;
          long begin = System.nanoTime();
          while (!stop.get()) {
            state = op.run(state + ops);
            ops++;
          }
          elapsed[id] = System.nanoTime() - begin;
          operations[id] = ops;
          SINK.addAndGet(state);
        } catch (Exception e) {
          failure[0] = e;
        }
      }, "perfgate-contention-" + k);
      workers[k].start();
    }
    start.await();
    Thread.sleep(WINDOW_MILLIS);
    stop.set(true);
    for (Thread w : workers) {
      w.join();
    }
    if (failure[0] != null) {
      throw new AssertionError("worker failed", failure[0]);
    }
    long busy = 0;
    long ops = 0;
    for (int k = 0; k < threads; k++) {
      busy += elapsed[k];
      ops += operations[k];
    }
    return (double) busy / Math.max(1, ops);
  }
}
