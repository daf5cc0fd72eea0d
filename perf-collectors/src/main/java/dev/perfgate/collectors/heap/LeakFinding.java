package dev.perfgate.collectors.heap;

import dev.perfgate.api.Status;
import dev.perfgate.api.Unit;
import dev.perfgate.api.Verdict;
import dev.perfgate.api.internal.Checks;
import java.util.Locale;
import java.util.Map;

/**
 * The detail of one verdict of a {@link LeakCheck}: one aspect of its {@link LeakReport}, about a
 * subject. {@link LeakReport#verdicts(dev.perfgate.api.Subject)} makes one for each aspect.
 *
 * @param subject the subject as the verdict names it
 * @param aspect what the verdict judges
 * @param report what the check measured
 */
public record LeakFinding(String subject, Aspect aspect, LeakReport report) implements Verdict.Detail {

  /** What a leak verdict judges. */
  public enum Aspect {
    /** The growth per cycle against the allowed growth: FAIL for a leak, INCONCLUSIVE if unsure. */
    GROWTH,
    /** The retained heap after the last cycle minus the start, against the return tolerance. */
    UNEXPLAINED_GROWTH,
    /** Whether the retained heap ended within the return tolerance of where it started. */
    RETURN_TO_START
  }

  /**
   * Creates a finding.
   *
   * @throws NullPointerException if an argument is null
   */
  public LeakFinding {
    Checks.notNull(subject, "subject");
    Checks.notNull(aspect, "aspect");
    Checks.notNull(report, "report");
  }

  /**
   * What was checked, such as {@code growth per iteration <= 10 MB}.
   *
   * @return the check's name
   */
  public String check() {
    switch (aspect) {
      case GROWTH:
        return "growth per iteration <= " + Unit.BYTES.format(report.allowedGrowthPerCycle());
      case UNEXPLAINED_GROWTH:
        return "unexplained growth <= " + Unit.BYTES.format(report.returnTolerance());
      default:
        return "memory returns to its starting level";
    }
  }

  /**
   * The outcome: for the growth, FAIL for a leak, PASS for none and INCONCLUSIVE when the interval
   * straddles the allowed growth; for the others, PASS within the return tolerance, else FAIL.
   *
   * @return the status
   */
  public Status status() {
    if (aspect == Aspect.GROWTH) {
      switch (report.finding()) {
        case LEAK:
          return Status.FAIL;
        case NO_LEAK:
          return Status.PASS;
        default:
          return Status.INCONCLUSIVE;
      }
    }
    return report.returnsToStart() ? Status.PASS : Status.FAIL;
  }

  @Override
  public String message() {
    switch (aspect) {
      case GROWTH:
        return String.format(Locale.ROOT,
            "%s  heap growth per iteration %s (95 %% CI %s .. %s) over %d iterations  <= %s  %s", subject,
            Unit.BYTES.format(report.growthPerCycle()), Unit.BYTES.format(report.growthLow()),
            Unit.BYTES.format(report.growthHigh()), report.cycles(),
            Unit.BYTES.format(report.allowedGrowthPerCycle()), status());
      case UNEXPLAINED_GROWTH:
        return String.format(Locale.ROOT, "%s  unexplained growth over the run %s  <= %s  %s", subject,
            Unit.BYTES.format(report.unexplainedGrowth()), Unit.BYTES.format(report.returnTolerance()), status());
      default:
        return String.format(Locale.ROOT,
            "%s  retained heap at the end %s above the start (%s)  returns to start  %s", subject,
            Unit.BYTES.format(report.unexplainedGrowth()), Unit.BYTES.format(report.startBytes()), status());
    }
  }

  /** The figures {@code measured} (in bytes, per cycle for the growth) and its {@code limit}. */
  @Override
  public Map<String, Double> figures() {
    return aspect == Aspect.GROWTH
        ? Map.of("measured", report.growthPerCycle(), "limit", (double) report.allowedGrowthPerCycle())
        : Map.of("measured", (double) report.unexplainedGrowth(), "limit", (double) report.returnTolerance());
  }

  /**
   * The detail of a warning of a leak check: something that makes its figures less trustworthy.
   *
   * @param subject the subject as the verdict names it
   * @param warning the warning, in words that name the fix
   */
  public record Warning(String subject, String warning) implements Verdict.Detail {

    /**
     * Creates a warning.
     *
     * @throws NullPointerException if an argument is null
     */
    public Warning {
      Checks.notNull(subject, "subject");
      Checks.notNull(warning, "warning");
    }

    @Override
    public String message() {
      return subject + "  " + warning;
    }
  }

  @Override
  public String toString() {
    return message();
  }
}
