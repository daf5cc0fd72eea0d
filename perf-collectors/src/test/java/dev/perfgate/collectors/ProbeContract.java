package dev.perfgate.collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Probe;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    ProbeDriver d = new ProbeDriver(p, BenchmarkKey.of("contract"), 0);
    assertAccountsForEveryMetric(p, d, d.trial(3, this::work));
  }

  @Test
  void sessions_areIndependent() throws Exception {
    Probe p = newProbe();
    if (p.unavailable().isPresent()) {
      return;
    }
    ProbeDriver first = new ProbeDriver(p, BenchmarkKey.of("contract"), 0);
    ProbeDriver second = new ProbeDriver(p, BenchmarkKey.of("contract.other"), 0);
    // Interleaved, as the runner interleaves trials of different variants: a second open session
    // must not take over or break the first.
    first.sample(this::work);
    second.sample(this::work);
    first.sample(this::work);
    ProbeDriver.Window secondTrial = second.close();
    ProbeDriver.Window firstTrial = first.close();
    assertAccountsForEveryMetric(p, first, firstTrial);
    assertAccountsForEveryMetric(p, second, secondTrial);
  }

  private static void assertAccountsForEveryMetric(Probe p, ProbeDriver d, ProbeDriver.Window trial) {
    Set<String> declared = new HashSet<>();
    p.metrics().forEach(m -> declared.add(m.name()));
    List<ProbeDriver.Window> windows = new ArrayList<>(d.samples);
    windows.add(trial);
    Set<String> seen = new HashSet<>();
    Map<String, String> notMeasured = new HashMap<>();
    for (ProbeDriver.Window w : windows) {
      seen.addAll(w.values.keySet());
      notMeasured.putAll(w.notMeasured);
    }
    for (String m : seen) {
      assertTrue(declared.contains(m), p.id() + " recorded undeclared metric " + m);
    }
    for (String m : declared) {
      assertTrue(seen.contains(m) || notMeasured.containsKey(m),
          p.id() + " neither recorded " + m + " nor said why it could not");
    }
    notMeasured.values().forEach(reason -> assertFalse(reason.isBlank(), "a not-measured metric has a reason"));
  }
}
