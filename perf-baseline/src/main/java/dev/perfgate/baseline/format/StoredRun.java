package dev.perfgate.baseline.format;

import dev.perfgate.api.Result;
import dev.perfgate.api.internal.Checks;
import java.util.Optional;

/**
 * A run as the result format stores it: the result and what a store notes beside it.
 *
 * @param result the run's result
 * @param savedAt when a store saved it (ISO-8601), if one did
 * @param revision the commit it measured, if known
 * @param branch the branch it measured, if known
 * @param ciRunId the CI run that measured it, if known
 */
public record StoredRun(Result result, Optional<String> savedAt, Optional<String> revision, Optional<String> branch,
    Optional<String> ciRunId) {

  /**
   * Creates a stored run.
   *
   * @throws NullPointerException if an argument is null
   */
  public StoredRun {
    Checks.notNull(result, "result");
    Checks.notNull(savedAt, "savedAt");
    Checks.notNull(revision, "revision");
    Checks.notNull(branch, "branch");
    Checks.notNull(ciRunId, "ciRunId");
  }

  /**
   * A run with its provenance ({@link Result#provenance()}) noted beside it, and no time.
   *
   * @param result the result
   * @return the run
   */
  public static StoredRun of(Result result) {
    return saved(result, Optional.empty());
  }

  /**
   * A run saved by a store: its provenance noted beside it, and when it was saved.
   *
   * @param result the result
   * @param savedAt when (ISO-8601), if known
   * @return the run
   */
  public static StoredRun saved(Result result, Optional<String> savedAt) {
    Checks.notNull(result, "result");
    return new StoredRun(result, savedAt, result.provenance().commit(), result.provenance().branch(),
        result.provenance().ciRunId());
  }
}
