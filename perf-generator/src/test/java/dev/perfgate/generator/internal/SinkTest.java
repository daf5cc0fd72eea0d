package dev.perfgate.generator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

final class SinkTest {

  @Test
  void consume_boxedPrimitives_foldIntoTheAccumulator() {
    Sink sink = new Sink();
    sink.consume(5);
    sink.consume(3L);
    assertEquals(5 ^ 3, sink.accumulator);
    sink.consume(true);
    assertEquals(5 ^ 3 ^ 1, sink.accumulator);
  }

  @Test
  void consume_objects_areStoredOnAnEverRarerSchedule() {
    Sink sink = new Sink();
    Object first = new Object();
    sink.consume(first);
    assertSame(first, sink.escaped, "the first object is stored, so the store is seen taken early");
    int stores = 0;
    for (int i = 0; i < 1_000_000; i++) {
      Object o = new Object();
      sink.consume(o);
      if (sink.escaped == o) {
        stores++;
      }
    }
    assertTrue(stores >= 10 && stores <= 25, "a million objects were stored " + stores + " times; expected"
        + " about log2 of a million");
  }

  @Test
  void batchLoop_keepsTheScheduleAndAccumulatorAcrossBatches() throws Exception {
    Sink sink = new Sink();
    Loops loop = Loops.fresh();
    Benchmark.Instance seven = () -> 7;
    loop.run(seven, 3, sink, Ticker.system());
    assertEquals(7, sink.accumulator);
    int maskBefore = sink.mask;
    Benchmark.Instance objects = Object::new;
    loop.run(objects, 1000, sink, Ticker.system());
    assertTrue(sink.mask > maskBefore, "storing objects grows the mask");
    assertTrue(sink.escaped != null);
  }

  @Test
  void batchLoop_smallObjectsReturned_stayAllocatedWhenCompiled() throws Exception {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Loops loop = Loops.fresh();
    Sink sink = new Sink();
    // A small array that C2 could scalar-replace if it could prove the sink never stores it.
    Benchmark.Instance pair = () -> new long[2];
    for (int i = 0; i < 100; i++) {
      loop.run(pair, 100_000, sink, Ticker.system());
    }
    long invocations = 100_000;
    long before = threads.getCurrentThreadAllocatedBytes();
    loop.run(pair, invocations, sink, Ticker.system());
    double perOp = (double) (threads.getCurrentThreadAllocatedBytes() - before) / invocations;
    assertTrue(perOp >= 24, "new long[2] measured " + perOp + " bytes per operation; at least 24 (header and"
        + " two longs) expected, or escape analysis removed the allocation");
  }

  @Test
  void batchLoop_doubleOperation_foldsItsBitsAndAllocatesNothing() throws Exception {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double[] values = {0.5, 1.5, 2.5};
    Benchmark.Instance sum = Benchmark.builder("sum").setUp(ctx -> values)
        .doubleOperation(v -> v[0] + v[1] + v[2]).build().open(null);
    Sink sink = new Sink();
    Loops loop = Loops.fresh();
    loop.run(sum, 1, sink, Ticker.system());
    assertEquals(Double.doubleToRawLongBits(4.5), sink.accumulator);
    for (int i = 0; i < 100; i++) {
      loop.run(sum, 100_000, sink, Ticker.system());
    }
    long invocations = 1_000_000;
    long before = threads.getCurrentThreadAllocatedBytes();
    loop.run(sum, invocations, sink, Ticker.system());
    double perOp = (double) (threads.getCurrentThreadAllocatedBytes() - before) / invocations;
    assertTrue(perOp < 1, "an operation returning a double measured " + perOp + " bytes per operation; a boxed"
        + " result would be 16");
  }
}
