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
 * @param branch reserved for the branch it measured; nothing fills it yet, but a store keeps it
 * @param ciRunId reserved for the CI run that measured it; nothing fills it yet, but a store keeps it
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
   * A run with nothing noted beside it.
   *
   * @param result the result
   * @return the run
   */
  public static StoredRun of(Result result) {
    return new StoredRun(result, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
