package dev.perfgate.generator.internal.fork;

import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Result;
import dev.perfgate.baseline.BaselineStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one place that turns a child's results into a file and back. It borrows the result format of
 * the baseline store (a directory store's history, one file per variant), which keeps every trial
 * and sample, the reasons a metric was not measured, the warnings, the error and the environment;
 * when the result format gets one home, only this class changes.
 */
final class ForkResults {
  private ForkResults() {}

  /** Adds one variant's result to the directory; called as each benchmark finishes, so that a crash keeps them. */
  static void write(Path dir, Result result) {
    try {
      store(dir).append(result);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the result of " + result.key() + " to " + dir + ": " + e, e);
    }
  }

  /** The result of a variant in the directory, empty if the child never wrote it. */
  static Optional<Result> read(Path dir, BenchmarkKey key) throws IOException {
    List<Result> history = store(dir).history(key);
    return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
  }

  private static BaselineStore store(Path dir) {
    return BaselineStores.directory(dir);
  }
}
