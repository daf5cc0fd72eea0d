package dev.perfgate.baseline.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The degradation verdict's typed detail, and the INCONCLUSIVE it becomes on too few CPUs. */
final class DegradationCheckTest {

  private static final Degradation FORTY_PERCENT = new Degradation(1, 4, new Estimate(0.40, 0.35, 0.45, 0.95));

  @Test
  void onSharedCpus_failBeyondTheLimit_isInconclusiveAndSaysWhy() {
    DegradationCheck fail = new DegradationCheck("render[threads=4]", FORTY_PERCENT, 0.10, OptionalInt.empty());
    assertEquals(Status.FAIL, fail.status());

    DegradationCheck shared = fail.onSharedCpus(4);

    assertEquals(Status.FAIL, shared.judged(), "the interval alone still says FAIL");
    assertEquals(Status.INCONCLUSIVE, shared.status());
    assertEquals("render[threads=4]  degradation at 4 threads +40.0 % (95 % CI +35.0 % .. +45.0 %) <= 10.0 %  "
        + "INCONCLUSIVE  (this machine has 4 CPUs, so 4 busy threads share them with the JIT, the garbage collector"
        + " and the probes; gate on this on at least 5 CPUs)", shared.message());
  }

  @Test
  void onSharedCpus_pass_staysAsItIs() {
    DegradationCheck pass = new DegradationCheck("x", FORTY_PERCENT, 0.50, OptionalInt.empty());
    assertSame(pass, pass.onSharedCpus(2));
    assertEquals(Status.PASS, pass.status());
  }

  @Test
  void verdict_ofAVariant_carriesItsKeyMetricAndDetail() {
    BenchmarkKey key = BenchmarkKey.of("render").withThreads(4);
    DegradationCheck c = new DegradationCheck(key.toString(), FORTY_PERCENT, 0.10, OptionalInt.empty());

    Verdict v = Scaling.verdict(c, key, Metric.WALL_TIME);

    assertEquals(Subject.of(key), v.subject());
    assertEquals(Optional.of(Metric.WALL_TIME), v.metric());
    assertEquals(0.40, assertInstanceOf(DegradationCheck.class, v.detail()).degradation().estimate().value());
    assertEquals("degradation at 4 threads <= 10.0 %", v.check());
    assertTrue(v.failed());
  }
}
