package dev.perfgate.baseline;

import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.BenchmarkKey;
import java.nio.file.Path;

/**
 * The default {@link BaselineStore}: a directory of JSON files. Each benchmark variant has a
 * baseline file, {@code <name>.json}, holding its baselines side by side, one per environment
 * fingerprint, and a history file, {@code history/<name>.json}, holding a bounded history of runs of
 * the baseline branch; each other branch keeps its own history in {@code branches/<branch>/<name>.json}.
 * A run that only appends to the history never rewrites the baseline file, so a project can commit
 * the baseline files and see them change only when baselines are updated. Get one from
 * {@link BaselineStores#directory(Path)}.
 *
 * <p>The files are laid out for a diff: each run's fields, each environment and each trial on a
 * line of its own, the sample columns named once per run. Files of format version 1 (Perfgate 0.1,
 * baseline and history in one file) are read, and split into the two files on the next write.
 *
 * <p>Writes are atomic (a temporary file in the same directory, then an atomic rename) and
 * serialised by a file lock on {@code .lock} in the directory, so that a crash or two JVMs writing
 * at once never leave a half-written file or lose a history entry. Within one JVM the lock is keyed
 * by the lock file's identity, so stores reached through a symbolic link or a relative path share
 * it; a write waits a bounded time for another writer, then fails naming the lock file and its
 * holder. Reads take no lock. A file that cannot be read is never overwritten or deleted; the
 * {@link java.io.IOException} names it, the line where the JSON breaks, and the fix. Files get the
 * permissions the umask gives, like any other file the user writes.
 */
public interface DirectoryBaselineStore extends BaselineStore, ShardReports {

  /**
   * The directory holding the files.
   *
   * @return the root, as given
   */
  Path root();

  /**
   * How many runs each variant's history keeps; older ones are dropped on append.
   *
   * @return the bound, at least 1
   */
  int historyLimit();

  /**
   * The longest a write waits for another writer before it fails naming the lock file and its holder.
   *
   * @return the wait, positive
   */
  java.time.Duration lockTimeout();

  /**
   * The file that holds a variant's baselines, whether or not it exists yet. The name is made safe for Linux,
   * macOS and Windows: characters outside {@code [a-z0-9._-]} are replaced, a name whose part before
   * the first dot is a Windows device name ({@code aux}, {@code nul.txt}, {@code COM1.log}) gets a
   * leading {@code _}, and 64 bits of a SHA-256 hash of the name's exact UTF-16 code units are
   * appended whenever the name had to change, so that {@code ../../x} stays inside the root and
   * {@code Render} and {@code render}, or two names differing in an unpaired surrogate, never share
   * a file. Files of Perfgate 0.1, whose hash was shorter, are still read and take the new name on
   * the next write.
   *
   * @param key the variant
   * @return the path inside {@link #root()}
   */
  Path file(BenchmarkKey key);

  /**
   * The file that holds a variant's history, whether or not it exists yet: the name of
   * {@link #file(BenchmarkKey)} in the directory {@code history} of {@link #root()}.
   *
   * @param key the variant
   * @return the path inside {@code root()/history}
   */
  Path historyFile(BenchmarkKey key);

  /**
   * The file that holds a branch's own history of a variant ({@link #appendToBranch}), whether or not
   * it exists yet: the name of {@link #file(BenchmarkKey)} in {@code branches/<branch>} of
   * {@link #root()}, the branch's name made safe the same way (a {@code /} becomes {@code _} and a
   * hash is appended).
   *
   * @param key the variant
   * @param branch the branch
   * @return the path inside {@code root()/branches}
   */
  Path branchHistoryFile(BenchmarkKey key, String branch);

  /**
   * Names the baseline file of a variant: {@link #file(BenchmarkKey)}.
   *
   * @param key the variant
   * @return the path of its baseline file, as a string
   */
  @Override
  default String describe(BenchmarkKey key) {
    return file(key).toString();
  }
}
