package dev.perfgate.collectors.heap;

import dev.perfgate.collectors.heap.internal.JvmSettings;
import dev.perfgate.collectors.heap.internal.LeakAnalysis;
import dev.perfgate.collectors.heap.internal.OtherThreads;
import dev.perfgate.collectors.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a piece of work in repeated cycles and tells whether it leaks: whether the heap it retains
 * grows from cycle to cycle. Immutable and reusable; made by {@link #newBuilder()}.
 *
 * <pre>{@code
 * LeakReport report = LeakCheck.newBuilder().cycles(100).build().run(() -> generator.generateAll());
 * assertFalse(report.leaks(), report::toString);
 * }</pre>
 *
 * <p>Each measured cycle is followed by {@link RetainedHeap#measure()}, so a cycle costs one full
 * collection on top of the work. The growth per cycle is Sen's slope of those readings with its
 * 95 % confidence interval; a leak is reported only when the whole interval lies above
 * {@link Builder#allowedGrowthPerCycle(long) the allowed growth}, so noise does not raise alarms and
 * a workload that cannot be told apart from noise is {@link LeakReport.Finding#INCONCLUSIVE}.
 * Run it on a quiet JVM: what other threads allocate and keep during the cycles looks like growth
 * (the report warns when they allocated more than 1 MB).
 */
public final class LeakCheck {
  private final int cycles;
  private final int warmupCycles;
  private final long allowedGrowthPerCycle;
  private final long returnTolerance;

  private LeakCheck(Builder b) {
    this.cycles = b.cycles;
    this.warmupCycles = b.warmupCycles;
    this.allowedGrowthPerCycle = b.allowedGrowthPerCycle;
    this.returnTolerance = b.returnTolerance;
  }

  /**
   * Starts a leak check with the defaults: 100 measured cycles after 5 warm-up cycles, 16 bytes of
   * growth per cycle allowed, 64 KB allowed between start and end.
   *
   * @return a builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * One cycle of the work under test: it should leave behind only what it means to keep.
   */
  @FunctionalInterface
  public interface Cycle {
    /**
     * Runs one cycle.
     *
     * @throws Exception if the work fails; the check stops and rethrows it
     */
    void run() throws Exception;
  }

  /**
   * Runs the warm-up cycles, reads the retained heap, then runs the measured cycles, reading the
   * retained heap after each.
   *
   * @param cycle the work
   * @return the report
   * @throws Exception what the cycle threw
   */
  public LeakReport run(Cycle cycle) throws Exception {
    Checks.notNull(cycle, "cycle");
    long began = System.nanoTime();
    for (int i = 0; i < warmupCycles; i++) {
      cycle.run();
    }
    List<String> warnings = new ArrayList<>(JvmSettings.warnings());
    boolean unusable = JvmSettings.explicitGcUnusable().isPresent();
    // Everything the check itself keeps is made before the starting reading, so it is not growth.
    long[] readings = new long[cycles];
    OtherThreads others = OtherThreads.start();
    long start = RetainedHeap.measure();
    for (int i = 0; i < cycles; i++) {
      cycle.run();
      readings[i] = RetainedHeap.measure();
    }
    LeakAnalysis.otherThreadsWarning(others).ifPresent(warnings::add);
    return LeakAnalysis.analyse(start, readings, allowedGrowthPerCycle, returnTolerance, warnings, unusable,
        Duration.ofNanos(System.nanoTime() - began));
  }

  @Override
  public String toString() {
    return "LeakCheck[cycles=" + cycles + ", warmupCycles=" + warmupCycles + ", allowedGrowthPerCycle="
        + allowedGrowthPerCycle + " B, returnTolerance=" + returnTolerance + " B]";
  }

  /** Configures a {@link LeakCheck}. Each option may be set once. */
  public static final class Builder {
    private int cycles = 100;
    private int warmupCycles = 5;
    private long allowedGrowthPerCycle = 16;
    private long returnTolerance = 64 * 1024;
    private final java.util.Set<String> set = new java.util.HashSet<>();

    private Builder() {}

    private void once(String option) {
      Checks.state(set.add(option), "%s was already set; set each option once", option);
    }

    /**
     * The number of measured cycles.
     *
     * @param cycles at least 5
     * @return this builder
     * @throws IllegalArgumentException if cycles is below 5
     * @throws IllegalStateException if already set
     */
    public Builder cycles(int cycles) {
      once("cycles");
      Checks.argument(cycles >= 5, "cycles (%s) must be >= 5 so that the growth has a confidence interval",
          cycles);
      this.cycles = cycles;
      return this;
    }

    /**
     * The number of cycles run before the starting reading, so that one-time work (class loading,
     * lazy initialisation, caches that fill once) does not read as growth.
     *
     * @param warmupCycles at least 0
     * @return this builder
     * @throws IllegalArgumentException if negative
     * @throws IllegalStateException if already set
     */
    public Builder warmupCycles(int warmupCycles) {
      once("warmupCycles");
      Checks.argument(warmupCycles >= 0, "warm-up cycles (%s) must be >= 0", warmupCycles);
      this.warmupCycles = warmupCycles;
      return this;
    }

    /**
     * The growth per cycle that does not count as a leak.
     *
     * @param bytes at least 0
     * @return this builder
     * @throws IllegalArgumentException if negative
     * @throws IllegalStateException if already set
     */
    public Builder allowedGrowthPerCycle(long bytes) {
      once("allowedGrowthPerCycle");
      Checks.argument(bytes >= 0, "allowed growth per cycle (%s bytes) must be >= 0", bytes);
      this.allowedGrowthPerCycle = bytes;
      return this;
    }

    /**
     * How far above its starting level the retained heap may end and still count as returned to it.
     *
     * @param bytes at least 0
     * @return this builder
     * @throws IllegalArgumentException if negative
     * @throws IllegalStateException if already set
     */
    public Builder returnTolerance(long bytes) {
      once("returnTolerance");
      Checks.argument(bytes >= 0, "return tolerance (%s bytes) must be >= 0", bytes);
      this.returnTolerance = bytes;
      return this;
    }

    /**
     * Builds the check; may be called again.
     *
     * @return an immutable check
     */
    public LeakCheck build() {
      return new LeakCheck(this);
    }
  }
}
