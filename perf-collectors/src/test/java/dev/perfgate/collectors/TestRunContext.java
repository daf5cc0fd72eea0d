package dev.perfgate.collectors;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Counter;
import dev.perfgate.api.RunContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one stand-in for the runner's {@link RunContext} in probe and benchmark tests. Like the runner's,
 * it starts in warm-up and says so until {@link #measuring()} is called; {@link ProbeDriver} calls it
 * after opening a session, just before the first sample, as the runner does. It keeps the warnings
 * and the counts it is given.
 */
public final class TestRunContext implements RunContext {
  private final BenchmarkKey key;
  private final int trial;
  private volatile boolean warmup = true;
  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  /** Warnings given to this context, in order. */
  public final List<String> warnings = new CopyOnWriteArrayList<>();

  /**
   * A context for one trial of a variant.
   *
   * @param key the variant
   * @param trial the trial's number, from 0
   */
  public TestRunContext(BenchmarkKey key, int trial) {
    this.key = key;
    this.trial = trial;
  }

  /**
   * A context for trial 0 of a benchmark without sizes.
   *
   * @param benchmark the benchmark's name
   * @return the context
   */
  public static TestRunContext of(String benchmark) {
    return new TestRunContext(BenchmarkKey.of(benchmark), 0);
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

  /** Ends warm-up: from now on {@link #warmup()} is false. */
  public void measuring() {
    warmup = false;
  }

  @Override
  public Counter counter(String metricName) {
    LongAdder adder = counters.computeIfAbsent(metricName, n -> new LongAdder());
    return adder::add;
  }

  /**
   * What a counter was given in all.
   *
   * @param metricName the counter's name
   * @return its total, 0 if it was never looked up
   */
  public long counted(String metricName) {
    LongAdder adder = counters.get(metricName);
    return adder == null ? 0 : adder.sum();
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }
}
