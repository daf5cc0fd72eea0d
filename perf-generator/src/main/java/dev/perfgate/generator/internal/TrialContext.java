package dev.perfgate.generator.internal;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Counter;
import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.RunContext;
import dev.perfgate.api.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The runner's {@link RunContext}: one per trial, holding the benchmark's counters. A trial warms up
 * before it measures, so {@link #warmup()} is true from set-up until {@link #measuring()} and false
 * after it.
 */
final class TrialContext implements RunContext {
  private final BenchmarkKey key;
  private final int trial;
  private final Map<Metric, LongAdder> counters;
  private final List<String> warnings;
  // Volatile: the operation may read it on the measuring threads of a multi-threaded sample.
  private volatile boolean warmup = true;

  TrialContext(BenchmarkKey key, int trial, Map<Metric, LongAdder> counters, List<String> warnings) {
    this.key = key;
    this.trial = trial;
    this.counters = counters;
    this.warnings = warnings;
  }

  static Map<Metric, LongAdder> newCounters() {
    return new ConcurrentHashMap<>();
  }

  @Override
  public BenchmarkKey key() {
    return key;
  }

  @Override
  public int trial() {
    return trial;
  }

  @Override
  public boolean warmup() {
    return warmup;
  }

  /** Called when warm-up and calibration end and the first measured sample is next. */
  void measuring() {
    warmup = false;
  }

  @Override
  public Counter counter(String metricName) {
    LongAdder adder = counters.computeIfAbsent(Metric.of(metricName, Unit.COUNT, Direction.NEUTRAL),
        m -> new LongAdder());
    return adder::add;
  }

  @Override
  public void warn(String message) {
    synchronized (warnings) {
      if (!warnings.contains(message)) {
        warnings.add(message);
      }
    }
  }

  /** The counters' current totals, in a stable order. */
  static Snapshot snapshot(Map<Metric, LongAdder> counters) {
    List<Metric> metrics = new ArrayList<>(counters.keySet());
    long[] values = new long[metrics.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = counters.get(metrics.get(i)).sum();
    }
    return new Snapshot(metrics, values);
  }

  record Snapshot(List<Metric> metrics, long[] values) {
    long delta(Metric metric, long now) {
      int i = metrics.indexOf(metric);
      return i < 0 ? now : now - values[i];
    }
  }
}
