package dev.perfgate.generator.internal;

import dev.perfgate.api.Result;
import dev.perfgate.api.Target;
import dev.perfgate.api.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Judges each variant by its own targets, and says which variants or probes failed to measure. */
public final class TargetJudge {

  /** The check of an ERROR verdict for a variant that did not run to the end. */
  public static final String RUNS_TO_THE_END = "runs to the end";

  private TargetJudge() {}

  /**
   * The verdicts of a variant. A variant that failed (threw, timed out) gets one ERROR verdict with
   * or without targets, whose figures cannot be judged; a probe that threw gets one ERROR verdict
   * each, beside the targets; a target that cannot be evaluated (a limit in the wrong unit) is an
   * ERROR rather than a crash of the whole run.
   *
   * @param measured the variant and its result
   * @return the verdicts, possibly empty
   */
  public static List<Verdict> verdicts(TrialScheduler.Measured measured) {
    Result result = measured.result();
    List<Target> applicable = measured.variant().spec().targetsOf(measured.variant().key());
    String subject = result.key().toString();
    List<Verdict> verdicts = new ArrayList<>();
    if (result.error().isPresent()) {
      String skipped = applicable.isEmpty() ? "" : "; its " + applicable.size() + " target(s) were not judged";
      verdicts.add(new Verdict(subject, RUNS_TO_THE_END, dev.perfgate.api.Status.ERROR,
          subject + "  " + RUNS_TO_THE_END + "  ERROR: " + result.error().get() + skipped, Map.of()));
      return verdicts;
    }
    for (VariantRunner.ProbeFailure f : measured.probeFailures()) {
      verdicts.add(new Verdict(subject, "probe '" + f.probe() + "'", dev.perfgate.api.Status.ERROR,
          subject + "  probe '" + f.probe() + "'  ERROR: " + f.message() + "; its metrics were not measured (a probe"
              + " that cannot measure on this JVM says so with unavailable() or Recorder.notMeasured instead of throwing)",
          Map.of()));
    }
    for (Target t : applicable) {
      try {
        verdicts.add(t.evaluate(result));
      } catch (IllegalArgumentException e) {
        verdicts.add(new Verdict(subject, t.toString(), dev.perfgate.api.Status.ERROR,
            subject + "  " + t + "  ERROR: " + e.getMessage(), Map.of()));
      }
    }
    return verdicts;
  }
}
