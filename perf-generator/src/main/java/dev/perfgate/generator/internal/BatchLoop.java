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
    long start = ticker.read();
    for (long i = 0; i < invocations; i++) {
      sink.consume(instance.invoke());
      // Without this the JIT may compute work on unchanging fields once for the whole batch.
      sink.fence();
    }
    return ticker.read() - start;
  }
}
