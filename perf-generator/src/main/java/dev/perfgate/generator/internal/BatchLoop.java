package dev.perfgate.generator.internal;

import dev.perfgate.api.Benchmark;

/**
 * The measured loop. Every benchmark runs its own hidden copy of this class (see {@link Loops}), so
 * the JIT's profile of {@code invoke()} sees one benchmark's class only and inlines it: a shared loop
 * would turn megamorphic after the second benchmark and add virtual-call cost to every operation.
 * Keep this class free of lambdas and nested classes: a hidden copy cannot have them.
 */
final class BatchLoop {
  private BatchLoop() {}

  static long run(Benchmark.Instance instance, long invocations, Sink sink, Ticker ticker) throws Exception {
    if (instance instanceof Benchmark.PrimitiveInstance) {
      return runPrimitive((Benchmark.PrimitiveInstance) instance, invocations, sink, ticker);
    }
    // The sink's state lives in locals during the batch (see Sink) and goes back after it.
    int schedule = sink.schedule;
    int mask = sink.mask;
    long folded = 0;
    long start = ticker.read();
    for (long i = 0; i < invocations; i++) {
      Object value = instance.invoke();
      if (Sink.isBoxedPrimitive(value)) {
        folded ^= Sink.bits(value);
      } else if (value != null) {
        schedule += Sink.STEP;
        if ((schedule & mask) == 0) {
          sink.escaped = value;
          mask = (mask << 1) | 1;
        }
      }
      // Without this the JIT may compute work on unchanging fields once for the whole batch.
      sink.fence();
    }
    long elapsed = ticker.read() - start;
    sink.schedule = schedule;
    sink.mask = mask;
    sink.accumulator ^= folded;
    return elapsed;
  }

  /** The loop of an operation that returns a primitive: its result is folded as it is, never boxed. */
  private static long runPrimitive(Benchmark.PrimitiveInstance instance, long invocations, Sink sink, Ticker ticker)
      throws Exception {
    long folded = 0;
    long start = ticker.read();
    for (long i = 0; i < invocations; i++) {
      folded ^= instance.invokeAsLong();
      sink.fence();
    }
    long elapsed = ticker.read() - start;
    sink.accumulator ^= folded;
    return elapsed;
  }
}
