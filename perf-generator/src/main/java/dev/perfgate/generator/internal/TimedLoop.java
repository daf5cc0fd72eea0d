package dev.perfgate.generator.internal;

import dev.perfgate.api.Benchmark;

/**
 * A batch that times every operation on its own, for latency percentiles under concurrency. Used
 * only where an operation lasts a microsecond or more, so the two clock reads per operation (about
 * 50 ns) stay within a few percent of what they time.
 */
final class TimedLoop {
  private TimedLoop() {}

  static long run(Benchmark.Instance instance, int invocations, Sink sink, Ticker ticker, long[] durations)
      throws Exception {
    long start = ticker.read();
    long before = start;
    for (int i = 0; i < invocations; i++) {
      if (instance instanceof Benchmark.PrimitiveInstance) {
        sink.accumulator ^= ((Benchmark.PrimitiveInstance) instance).invokeAsLong();
      } else {
        sink.consume(instance.invoke());
      }
      long after = ticker.read();
      durations[i] = after - before;
      before = after;
    }
    return before - start;
  }
}
