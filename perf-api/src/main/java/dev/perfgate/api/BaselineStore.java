package dev.perfgate.api;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Keeps baselines and the history of runs (SPI). The default implementation is a directory of JSON
 * files in {@code perf-baseline}; a team may plug in its own (a database shared by CI machines).
 *
 * <p>Implementations must be safe for concurrent use from several JVMs: a crash or two runs writing
 * at once must never leave a half-written entry or lose one. A store that cannot read an entry
 * throws an {@link IOException} whose message names the entry, the place and what to do; it never
 * deletes or overwrites what it could not read.
 */
public interface BaselineStore {

  /**
   * The stored baseline of a benchmark variant.
   *
   * @param key the variant
   * @return the baseline, empty if none was stored
   * @throws IOException if it exists but cannot be read
   */
  Optional<Result> baseline(BenchmarkKey key) throws IOException;

  /**
   * Stores a result as the baseline of its variant, replacing the previous one atomically.
   *
   * @param result the new baseline
   * @throws IOException if it cannot be written; the previous baseline is then unchanged
   */
  void saveBaseline(Result result) throws IOException;

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
}
