package dev.perfgate.collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of the {@link Probe} SPI: every probe's test extends it, and so can a
 * user's. It drives the probe over real work and checks what every probe owes the runner: an id,
 * declared metrics, only declared metrics recorded, finite values, a reason for whatever it could
 * not measure.
 */
public abstract class ProbeContract {

  /**
   * The probe under test, new for each call.
   *
   * @return the probe
   */
  protected abstract Probe newProbe();

  /**
   * One sample of real work the probe can observe.
   *
   * @return the operations done
   * @throws Exception if it fails
   */
  protected abstract long work() throws Exception;

  @Test
  void idAndMetrics_areDeclared() {
    Probe p = newProbe();
    assertNotNull(p.id());
    assertFalse(p.id().isBlank(), "id must not be blank");
    assertFalse(p.metrics().isEmpty(), "a probe declares the metrics it records");
    assertNotNull(p.unavailable());
    p.unavailable().ifPresent(reason -> assertFalse(reason.isBlank(), "an unavailable probe says why"));
  }

  @Test
  void recordsOnlyDeclaredMetrics_orSaysWhyNot() throws Exception {
    Probe p = newProbe();
    if (p.unavailable().isPresent()) {
      return;
    }
    ProbeDriver d = new ProbeDriver(p, BenchmarkKey.of("contract")).trial(3, this::work);
    Set<Metric> declared = new HashSet<>(p.metrics());
    Set<Metric> seen = new HashSet<>(d.trial.keySet());
    d.samples.forEach(s -> seen.addAll(s.keySet()));
    for (Metric m : seen) {
      assertTrue(declared.contains(m), p.id() + " recorded undeclared metric " + m);
    }
    for (Metric m : declared) {
      assertTrue(seen.contains(m) || d.notMeasured.containsKey(m),
          p.id() + " neither recorded " + m.name() + " nor said why it could not");
    }
    d.notMeasured.values().forEach(reason -> assertFalse(reason.isBlank(), "a not-measured metric has a reason"));
  }

  @Test
  void sessions_areIndependent() throws Exception {
    Probe p = newProbe();
    if (p.unavailable().isPresent()) {
      return;
    }
    ProbeDriver first = new ProbeDriver(p, BenchmarkKey.of("contract")).trial(2, this::work);
    ProbeDriver second = new ProbeDriver(p, BenchmarkKey.of("contract")).trial(2, this::work);
    assertTrue(first.samples.size() == 2 && second.samples.size() == 2);
  }
}
