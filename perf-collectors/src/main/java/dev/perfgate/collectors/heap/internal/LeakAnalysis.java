package dev.perfgate.collectors.heap.internal;

import dev.perfgate.api.internal.stats.TheilSen;
import dev.perfgate.collectors.heap.LeakReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns retained-heap readings at cycle boundaries into a {@link LeakReport}. Internal. */
public final class LeakAnalysis {
  /** Other threads allocating more than this during the cycles may have put data in the readings. */
  public static final long OTHER_THREADS_WARNING_BYTES = 1024 * 1024;

  /** The two-sided confidence of the growth's interval, the 95 % that {@link LeakReport} states. */
  private static final double CONFIDENCE = 0.95;

  private LeakAnalysis() {}

  /**
   * Analyses readings.
   *
   * @param start retained heap before the first cycle
   * @param readings retained heap after each cycle, at least 3
   * @param allowedGrowthPerCycle the tolerated growth per cycle
   * @param returnTolerance the tolerated end-minus-start growth
   * @param warnings warnings gathered while measuring
   * @param unusable whether the JVM could not measure at all (the finding is then inconclusive)
   * @param elapsed how long it took
   * @return the report
   */
  public static LeakReport analyse(long start, long[] readings, long allowedGrowthPerCycle,
      long returnTolerance, List<String> warnings, boolean unusable, Duration elapsed) {
    double[] x = new double[readings.length];
    double[] y = new double[readings.length];
    List<Long> retained = new ArrayList<>(readings.length);
    for (int i = 0; i < readings.length; i++) {
      x[i] = i + 1;
      y[i] = readings[i];
      retained.add(readings[i]);
    }
    TheilSen fit = TheilSen.fit(x, y, CONFIDENCE);
    LeakReport.Finding finding;
    if (unusable) {
      finding = LeakReport.Finding.INCONCLUSIVE;
    } else if (fit.low() > allowedGrowthPerCycle) {
      finding = LeakReport.Finding.LEAK;
    } else if (fit.high() <= allowedGrowthPerCycle) {
      finding = LeakReport.Finding.NO_LEAK;
    } else {
      finding = LeakReport.Finding.INCONCLUSIVE;
    }
    long end = readings[readings.length - 1];
    return new LeakReport(readings.length, start, retained, fit.slope(), fit.low(), fit.high(), end - start,
        allowedGrowthPerCycle, returnTolerance, finding, warnings, elapsed);
  }

  /**
   * A warning when other threads allocated enough during the cycles to blur the readings.
   *
   * @param others the tracker started before the cycles
   * @return the warning, empty when there is nothing to say
   */
  public static java.util.Optional<String> otherThreadsWarning(OtherThreads others) {
    long bytes = others.allocatedSinceStart().orElse(0);
    if (bytes <= OTHER_THREADS_WARNING_BYTES) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(String.format(java.util.Locale.ROOT,
        "other threads allocated %.1f MB during the cycles; what they keep shows up as growth. "
            + "Measure in a quiet JVM (no parallel tests, no background work)", bytes / (1024.0 * 1024.0)));
  }
}
