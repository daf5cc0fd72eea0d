package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Keeps baselines and the history of runs (SPI). The default implementation is a directory of JSON
 * files in {@code perf-baseline}; a team may plug in its own (a database shared by CI machines).
 *
 * <p>A variant keeps one baseline per environment ({@link Environment#fingerprint()}), side by side:
 * a laptop and a CI machine, or two heap sizes, never replace each other's baseline. The history
 * holds every run of the variant, whatever its environment.
 *
 * <p>Implementations must be safe for concurrent use from several JVMs: a crash or two runs writing
 * at once must never leave a half-written entry or lose one. A store that cannot read an entry
 * throws an {@link IOException} whose message names the entry, the place and what to do; it never
 * deletes or overwrites what it could not read.
 */
public interface BaselineStore {

  /**
   * The most recently saved baseline of a benchmark variant, whatever its environment.
   *
   * @param key the variant
   * @return the baseline, empty if none was stored
   * @throws IOException if it exists but cannot be read
   */
  Optional<Result> baseline(BenchmarkKey key) throws IOException;

  /**
   * The baseline of a variant measured in an environment with the same
   * {@link Environment#fingerprint()}: the one a run in that environment is compared with. The
   * default filters {@link #baselines(BenchmarkKey)}.
   *
   * @param key the variant
   * @param environment the environment of the run to compare
   * @return the baseline, empty if none was stored for that environment
   * @throws IOException if it exists but cannot be read
   */
  default Optional<Result> baseline(BenchmarkKey key, Environment environment) throws IOException {
    Checks.notNull(environment, "environment");
    for (Result b : baselines(key)) {
      if (b.environment().fingerprint().equals(environment.fingerprint())) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /**
   * Every stored baseline of a variant, one per environment fingerprint. The default returns
   * {@link #baseline(BenchmarkKey)} alone, for a store that keeps a single baseline.
   *
   * @param key the variant
   * @return the baselines, possibly empty
   * @throws IOException if they exist but cannot be read
   */
  default List<Result> baselines(BenchmarkKey key) throws IOException {
    return baseline(key).map(List::of).orElse(List.of());
  }

  /**
   * Stores a result as the baseline of its variant in its environment, replacing atomically the
   * previous baseline of the same environment fingerprint; baselines of other environments are kept.
   *
   * @param result the new baseline
   * @throws IOException if it cannot be written; the previous baseline is then unchanged
   */
  void saveBaseline(Result result) throws IOException;

  /**
   * Compare-and-set: stores {@code result} as the baseline of its variant and environment only if
   * the baseline stored for them now equals {@code expected}, so that of two runs updating the same
   * baseline at once, the second learns that it would overwrite the first instead of doing so.
   * Read {@code expected} with {@link #baseline(BenchmarkKey, Environment)}.
   *
   * <p>The default compares and saves in two steps; a store shared by several processes overrides
   * it to do both atomically (the directory store does, under its file lock).
   *
   * @param expected the baseline the caller read, or empty if it read none
   * @param result the new baseline
   * @return true if it was stored, false if the stored baseline was not {@code expected}
   * @throws IOException if it cannot be read or written; the previous baseline is then unchanged
   */
  default boolean compareAndSetBaseline(Optional<Result> expected, Result result) throws IOException {
    Checks.notNull(expected, "expected");
    Checks.notNull(result, "result");
    if (!baseline(result.key(), result.environment()).equals(expected)) {
      return false;
    }
    saveBaseline(result);
    return true;
  }

  /**
   * Appends a result to the history of its variant; the store may drop the oldest entries beyond
   * its configured bound.
   *
   * @param result the result
   * @throws IOException if it cannot be written; the existing history is then unchanged
   */
  void append(Result result) throws IOException;

  /**
   * The stored history of a variant, oldest first.
   *
   * @param key the variant
   * @return the results, possibly empty
   * @throws IOException if the history exists but cannot be read
   */
  List<Result> history(BenchmarkKey key) throws IOException;

  /**
   * Appends a run of a branch other than the baseline branch to that branch's own history, kept
   * apart from {@link #history(BenchmarkKey)}: a branch's runs are compared with the baseline
   * branch's baseline and history and never change them. The store may drop the oldest entries
   * beyond its bound, as for {@link #append(Result)}.
   *
   * <p>The default keeps nothing, for a store written before branches: it stays correct (a branch
   * never mixes its runs into the baseline branch's history) and only has no branch history to show.
   *
   * @param branch the branch, as {@link Provenance#branch()} names it
   * @param result the run
   * @throws IOException if it cannot be written; the existing history is then unchanged
   */
  default void appendToBranch(String branch, Result result) throws IOException {
    Checks.notNull(branch, "branch");
    Checks.notNull(result, "result");
  }

  /**
   * A branch's own history of a variant, oldest first: what {@link #appendToBranch} kept.
   *
   * @param key the variant
   * @param branch the branch
   * @return the runs, possibly empty; the default keeps none
   * @throws IOException if the history exists but cannot be read
   */
  default List<Result> branchHistory(BenchmarkKey key, String branch) throws IOException {
    Checks.notNull(key, "key");
    Checks.notNull(branch, "branch");
    return List.of();
  }

  /**
   * Where this store keeps a variant's baselines, in words for a message, such as the path of a
   * file or a table and its row. Never reads or writes anything. The default names no place:
   * {@code "the stored baselines of render[size=1000]"}.
   *
   * <pre>{@code
   * String where = store.describe(BenchmarkKey.of("render"));   // ".perfgate/render.json"
   * }</pre>
   *
   * @param key the variant
   * @return the place, never empty
   */
  default String describe(BenchmarkKey key) {
    Checks.notNull(key, "key");
    return "the stored baselines of " + key;
  }
}
