package dev.perfgate.generator.internal;

import dev.perfgate.api.Benchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the same batch on several threads that start together, each with its own sink, all on the
 * benchmark's one instance (shared state, so contention shows).
 */
final class ParallelBatch implements AutoCloseable {
  private final int threads;
  private final ExecutorService pool;
  private final Sink[] sinks;

  ParallelBatch(int threads, String name) {
    this.threads = threads;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "perfgate-" + name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.sinks = new Sink[threads];
    for (int i = 0; i < threads; i++) {
      sinks[i] = new Sink();
    }
  }

  /**
   * Runs one batch per thread.
   *
   * @return each thread's elapsed nanoseconds, then the wall time from the common start to the last finish
   */
  long[] run(Loops loop, Benchmark.Instance instance, long invocations, Ticker ticker) throws Exception {
    return run(loop, instance, invocations, ticker, null);
  }

  /**
   * Runs one batch per thread; with {@code durations} (one array per thread, at least
   * {@code invocations} long), each thread also times every operation on its own.
   *
   * @return each thread's elapsed nanoseconds, then the wall time from the common start to the last finish
   */
  long[] run(Loops loop, Benchmark.Instance instance, long invocations, Ticker ticker, long[][] durations)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Long>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Sink sink = sinks[i];
      long[] mine = durations == null ? null : durations[i];
      futures.add(pool.submit(() -> {
        ready.countDown();
        go.await();
        return mine == null ? loop.run(instance, invocations, sink, ticker)
            : TimedLoop.run(instance, (int) invocations, sink, ticker, mine);
      }));
    }
    ready.await();
    long start = ticker.read();
    go.countDown();
    long[] out = new long[threads + 1];
    try {
      for (int i = 0; i < threads; i++) {
        out[i] = futures.get(i).get();
      }
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof Exception) {
        throw (Exception) e.getCause();
      }
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw e;
    }
    out[threads] = ticker.read() - start;
    return out;
  }

  int threads() {
    return threads;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
