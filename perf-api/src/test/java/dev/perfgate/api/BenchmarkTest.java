package dev.perfgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class BenchmarkTest {

  private static RunContext context(OptionalInt size) {
    return new RunContext() {
      @Override
      public BenchmarkKey key() {
        return new BenchmarkKey("b", size, 1);
      }

      @Override
      public int trial() {
        return 0;
      }

      @Override
      public boolean warmup() {
        return false;
      }

      @Override
      public Counter counter(String metricName) {
        return amount -> {};
      }

      @Override
      public void warn(String message) {}
    };
  }

  @Test
  void of_returnsTheOperationsResult() throws Exception {
    Benchmark b = Benchmark.of("answer", () -> 42);
    try (Benchmark.Instance i = b.open(context(OptionalInt.empty()))) {
      assertEquals(42, i.invoke());
    }
    assertEquals(Mode.REPEATED, b.mode());
    assertEquals(1, b.operationsPerInvocation());
  }

  @Test
  void builder_passesStateFromSetUpToEveryStep() throws Exception {
    StringBuilder log = new StringBuilder();
    Benchmark b = Benchmark.builder("stateful")
        .setUp(ctx -> new int[] {ctx.size().orElseThrow()})
        .operation(s -> s[0] * 2)
        .beforeInvocation(s -> log.append("before ").append(s[0]).append(';'))
        .tearDown(s -> log.append("down ").append(s[0]))
        .singleShot().sizes(21).operationsPerInvocation(3)
        .build();
    try (Benchmark.Instance i = b.open(context(OptionalInt.of(21)))) {
      i.beforeInvocation();
      assertEquals(42, i.invoke());
    }
    assertEquals("before 21;down 21", log.toString());
    assertEquals(List.of(21), b.sizes());
    assertEquals(3, b.operationsPerInvocation());
  }

  @Test
  void primitiveOperations_returnTheirResultUnboxedToTheRunner() throws Exception {
    try (Benchmark.Instance i = Benchmark.ofDouble("half", () -> 0.5).open(context(OptionalInt.empty()))) {
      Benchmark.PrimitiveInstance p = assertInstanceOf(Benchmark.PrimitiveInstance.class, i);
      assertEquals(Double.doubleToRawLongBits(0.5), p.invokeAsLong());
      assertEquals(0.5, i.invoke());
    }
    try (Benchmark.Instance i = Benchmark.ofLong("answer", () -> 42).open(context(OptionalInt.empty()))) {
      assertEquals(42L, assertInstanceOf(Benchmark.PrimitiveInstance.class, i).invokeAsLong());
    }
    Benchmark sized = Benchmark.builder("sized").setUp(ctx -> ctx.size().orElseThrow())
        .longOperation(n -> n * 2L).sizes(21).build();
    try (Benchmark.Instance i = sized.open(context(OptionalInt.of(21)))) {
      assertEquals(42L, assertInstanceOf(Benchmark.PrimitiveInstance.class, i).invokeAsLong());
    }
    Benchmark scaled = Benchmark.builder("scaled").setUp(ctx -> 2.0).doubleOperation(x -> x * 1.5).build();
    try (Benchmark.Instance i = scaled.open(context(OptionalInt.empty()))) {
      assertEquals(Double.doubleToRawLongBits(3.0), assertInstanceOf(Benchmark.PrimitiveInstance.class, i)
          .invokeAsLong());
      assertTrue(i.getClass().isHidden(), i.getClass().getName());
    }
  }

  @Test
  void objectOperations_areNotPrimitiveInstances() throws Exception {
    try (Benchmark.Instance i = Benchmark.of("boxed", () -> 0.5).open(context(OptionalInt.empty()))) {
      assertFalse(i instanceof Benchmark.PrimitiveInstance);
    }
  }

  @Test
  void eachBuiltBenchmark_hasItsOwnInstanceClass() throws Exception {
    // Separate classes keep each benchmark's JIT profile to itself (see LambdaInstance).
    Benchmark.Instance a = Benchmark.of("a", () -> 1).open(context(OptionalInt.empty()));
    Benchmark.Instance b = Benchmark.of("b", () -> 2).open(context(OptionalInt.empty()));
    assertNotSame(a.getClass(), b.getClass());
    assertTrue(a.getClass().isHidden(), a.getClass().getName());
  }

  @Test
  void builder_withoutOperation_saysHowToFixIt() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Benchmark.builder("x").build());
    assertEquals("benchmark 'x' has no operation; call operation(...) or task(...)", e.getMessage());
  }

  @Test
  void builder_rejectsOptionsSetTwice() {
    assertThrows(IllegalStateException.class, () -> Benchmark.builder("x").operation(s -> 1).operation(s -> 2));
    assertThrows(IllegalStateException.class, () -> Benchmark.builder("x").singleShot().singleShot());
  }

  @Test
  void beforeInvocation_withoutSingleShot_isRejected() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Benchmark.builder("x").operation(s -> 1).beforeInvocation(s -> {}).build());
    assertTrue(e.getMessage().contains("call singleShot()"), e.getMessage());
  }

  @Test
  void badArguments_areRejectedWithTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Benchmark.builder("x").operationsPerInvocation(0));
    assertEquals("operationsPerInvocation (0) must be >= 1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Benchmark.builder("x").sizes(1, 1));
    assertThrows(IllegalArgumentException.class, () -> Benchmark.builder(" "));
  }

  @Test
  void key_printsReadably() {
    assertEquals("render", BenchmarkKey.of("render").toString());
    assertEquals("render[size=50]", BenchmarkKey.of("render", 50).toString());
    assertEquals("render[size=50,threads=2]", BenchmarkKey.of("render", 50).withThreads(2).toString());
    assertEquals("render[threads=2]", BenchmarkKey.of("render").withThreads(2).toString());
  }
}
