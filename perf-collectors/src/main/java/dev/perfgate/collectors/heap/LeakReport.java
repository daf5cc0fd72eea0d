package dev.perfgate.collectors.heap;

import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import dev.perfgate.api.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link LeakCheck} found: retained heap after every cycle, its growth per cycle with a 95 %
 * confidence interval, and a finding.
 *
 * @param cycles the measured cycles
 * @param startBytes retained heap before the first measured cycle
 * @param retainedBytes retained heap after each measured cycle, in order
 * @param growthPerCycle Sen's slope of retained heap over cycles, in bytes per cycle
 * @param growthLow the lower limit of its 95 % confidence interval
 * @param growthHigh the upper limit of its 95 % confidence interval
 * @param unexplainedGrowth retained heap after the last cycle minus {@code startBytes}
 * @param allowedGrowthPerCycle the growth per cycle the check tolerates
 * @param returnTolerance how far above {@code startBytes} the heap may end and still count as
 *     returned to its starting level
 * @param finding the conclusion
 * @param warnings things that make the figures less trustworthy, in words that name the fix
 * @param elapsed how long the check took, warm-up cycles included
 */
public record LeakReport(
    int cycles,
    long startBytes,
    List<Long> retainedBytes,
    double growthPerCycle,
    double growthLow,
    double growthHigh,
    long unexplainedGrowth,
    long allowedGrowthPerCycle,
    long returnTolerance,
    Finding finding,
    List<String> warnings,
    Duration elapsed) {

  /** The conclusion of a leak check. */
  public enum Finding {
    /** The whole confidence interval of the growth per cycle lies above the allowed growth. */
    LEAK,
    /** The whole confidence interval lies at or below the allowed growth. */
    NO_LEAK,
    /** The interval straddles the allowed growth, or the JVM could not measure; run more cycles. */
    INCONCLUSIVE
  }

  /**
   * Creates a report.
   *
   * @throws IllegalArgumentException if the counts disagree or a figure is NaN
   * @throws NullPointerException if a list, the finding or the duration is null
   */
  public LeakReport {
    retainedBytes = List.copyOf(Checks.notNull(retainedBytes, "retainedBytes"));
    warnings = List.copyOf(Checks.notNull(warnings, "warnings"));
    Checks.notNull(finding, "finding");
    Checks.notNull(elapsed, "elapsed");
    Checks.argument(cycles == retainedBytes.size(), "cycles (%s) must equal the number of readings (%s)",
        cycles, retainedBytes.size());
    Checks.argument(!Double.isNaN(growthPerCycle) && !Double.isNaN(growthLow) && !Double.isNaN(growthHigh),
        "growth figures must not be NaN");
  }

  /**
   * Whether a leak was found.
   *
   * @return true if the finding is {@link Finding#LEAK}
   */
  public boolean leaks() {
    return finding == Finding.LEAK;
  }

  /**
   * Whether the retained heap ended within {@link #returnTolerance()} of where it started.
   *
   * @return true if it returned to its starting level
   */
  public boolean returnsToStart() {
    return unexplainedGrowth <= returnTolerance;
  }

  /**
   * This report as verdicts about a subject: the growth per cycle against the allowed growth, the
   * unexplained growth and the return to the starting level against the return tolerance (each with
   * a {@link LeakFinding}), then one WARN verdict per warning (with a {@link LeakFinding.Warning}).
   *
   * @param subject the benchmark, variant or component checked
   * @return the verdicts, in that order
   * @throws NullPointerException if the subject is null
   */
  public List<Verdict> verdicts(Subject subject) {
    Checks.notNull(subject, "subject");
    String name = subject.toString();
    List<Verdict> out = new ArrayList<>();
    for (LeakFinding.Aspect aspect : LeakFinding.Aspect.values()) {
      LeakFinding f = new LeakFinding(name, aspect, this);
      out.add(Verdict.of(subject, f.check(), f.status(), f));
    }
    for (String w : warnings) {
      out.add(Verdict.of(subject, "leak check warning", Status.WARN, new LeakFinding.Warning(name, w)));
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%s: growth %.1f B/cycle (95%% CI %.1f .. %.1f, allowed %d) over %d cycles; "
            + "retained %d B at start, %+d B at end (%s); %d ms",
        finding, growthPerCycle, growthLow, growthHigh, allowedGrowthPerCycle, cycles, startBytes,
        unexplainedGrowth, returnsToStart() ? "returned to start" : "did not return to start",
        elapsed.toMillis()));
    for (String w : warnings) {
      sb.append("; warning: ").append(w);
    }
    return sb.toString();
  }
}
