package dev.perfgate.examples.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class OpTest {

  @Test
  void everyOp_hasAJmhMethodOfTheSameName_andAPerfgateBenchmarkOfTheSameName() throws Exception {
    for (Op op : Op.values()) {
      Method m = JmhBenchmarks.class.getMethod(op.id());
      assertNotNull(m.getAnnotation(org.openjdk.jmh.annotations.Benchmark.class), op.id());
      assertEquals(op.id(), op.perfgate().name());
    }
  }

  @Test
  void jmhInclude_matchesOnlyItsOwnMethod() {
    Pattern mix = Pattern.compile(Op.MIX.jmhInclude());
    assertEquals(true, mix.matcher(JmhBenchmarks.class.getName() + ".mix").find());
    assertEquals(false, mix.matcher(JmhBenchmarks.class.getName() + ".mixed").find());
    assertEquals(false, Pattern.compile(Op.SUM2M.jmhInclude()).matcher(JmhBenchmarks.class.getName() + ".mix").find());
  }

  @Test
  void select_none_isAll_inOrder() {
    assertEquals(List.of(Op.values()), Op.select(List.of()));
    assertEquals(List.of(Op.MIX, Op.SUM2M), Op.select(List.of("sum2m", "mix")));
  }

  @Test
  void select_unknownId_throwsNamingTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Op.select(List.of("nope")));
    assertEquals(true, e.getMessage().contains("empty, mix, alloc, hash1k, sort100, sum2m"), e.getMessage());
  }
}
