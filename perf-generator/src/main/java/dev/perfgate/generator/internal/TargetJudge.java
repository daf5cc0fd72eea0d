package dev.perfgate.generator.internal;

import dev.perfgate.api.Result;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Target;
import dev.perfgate.api.Verdict;
import dev.perfgate.generator.RunError;
import java.util.ArrayList;
import java.util.List;

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
      verdicts.add(error(result, new RunError(RunError.Kind.BENCHMARK, subject, RUNS_TO_THE_END, result.error().get(),
          applicable.size())));
      return verdicts;
    }
    for (VariantRunner.ProbeFailure f : measured.probeFailures()) {
      verdicts.add(error(result, new RunError(RunError.Kind.PROBE, subject, "probe '" + f.probe() + "'",
          String.valueOf(f.message()), 0)));
    }
    for (Target t : applicable) {
      try {
        verdicts.add(t.evaluate(result));
      } catch (IllegalArgumentException e) {
        verdicts.add(error(result, new RunError(RunError.Kind.TARGET, subject, t.toString(),
            String.valueOf(e.getMessage()), 0)));
      }
    }
    return verdicts;
  }

  private static Verdict error(Result result, RunError e) {
    return Verdict.of(Subject.of(result.key()), e.check(), dev.perfgate.api.Status.ERROR, e);
  }
}
