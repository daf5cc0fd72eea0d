package dev.perfgate.generator.internal;

import dev.perfgate.api.Result;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import dev.perfgate.generator.RunError;
import dev.perfgate.generator.SuiteCheck;
import java.util.ArrayList;
import java.util.List;

/** Runs the checks over several results; a check that throws is an ERROR verdict and a warning. */
public final class SuiteJudge {

  private SuiteJudge() {}

  /**
   * Runs every check.
   *
   * @param checks the checks, in the order they were added
   * @param results every result of the run
   * @param warnings receives a warning for each check that threw
   * @return the verdicts of the checks
   */
  public static List<Verdict> verdicts(List<SuiteCheck> checks, List<Result> results, List<String> warnings) {
    List<Verdict> suiteVerdicts = new ArrayList<>();
    for (SuiteCheck check : checks) {
      try {
        suiteVerdicts.addAll(check.check(results));
      } catch (RuntimeException e) {
        warnings.add("suite check " + check + " threw " + e);
        suiteVerdicts.add(Verdict.of(Subject.suite(), String.valueOf(check), dev.perfgate.api.Status.ERROR,
            new RunError(RunError.Kind.SUITE_CHECK, "suite", String.valueOf(check), String.valueOf(e), 0)));
      }
    }
    return suiteVerdicts;
  }
}
