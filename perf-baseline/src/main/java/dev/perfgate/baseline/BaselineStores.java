package dev.perfgate.baseline;

import dev.perfgate.baseline.internal.JdbcStore;
import dev.perfgate.baseline.internal.JsonDirectoryStore;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * Factories for {@link dev.perfgate.api.BaselineStore}s.
 *
 * <pre>{@code
 * DirectoryBaselineStore store = BaselineStores.directory(Path.of(".perfgate"));
 * Optional<Result> baseline = store.baseline(BenchmarkKey.of("render"));
 * }</pre>
 */
public final class BaselineStores {
  private BaselineStores() {}

  /** The directory a project keeps its baselines in unless told otherwise, relative to the project. */
  public static final String DEFAULT_DIRECTORY = ".perfgate";

  /** How many runs each variant's history keeps unless told otherwise. */
  public static final int DEFAULT_HISTORY_LIMIT = 100;

  /**
   * The directory store at {@value #DEFAULT_DIRECTORY} in the working directory, keeping
   * {@value #DEFAULT_HISTORY_LIMIT} runs of history per variant.
   *
   * @return the store; nothing is created until the first write
   */
  public static DirectoryBaselineStore projectDefault() {
    return directory(Path.of(DEFAULT_DIRECTORY));
  }

  /**
   * A directory store keeping {@value #DEFAULT_HISTORY_LIMIT} runs of history per variant.
   *
   * @param root the directory; created on the first write
   * @return the store
   * @throws NullPointerException if root is null
   */
  public static DirectoryBaselineStore directory(Path root) {
    return directory(root, DEFAULT_HISTORY_LIMIT);
  }

  /**
   * A directory store with a chosen history bound. Each run is saved with its
   * {@link dev.perfgate.api.Result#provenance() provenance} (commit, branch, CI run), which a suite
   * finds out before it stores a run; a result made by hand may take it from
   * {@link dev.perfgate.api.Provenance#fromCi}.
   *
   * @param root the directory; created on the first write
   * @param historyLimit the number of runs kept per variant, at least 1
   * @return the store
   * @throws IllegalArgumentException if historyLimit is below 1
   * @throws NullPointerException if root is null
   */
  public static DirectoryBaselineStore directory(Path root, int historyLimit) {
    return new JsonDirectoryStore(root, historyLimit);
  }

  /**
   * A directory store with a chosen history bound and a chosen wait for other writers. A write
   * waits at most {@code lockTimeout} for another writer (a thread, or another process on the same
   * directory) to finish, then fails with an {@link java.io.IOException} that names the lock file
   * and the process holding it. Writes take milliseconds, so the default of one minute only runs
   * out when the holder hangs.
   *
   * @param root the directory; created on the first write
   * @param historyLimit the number of runs kept per variant, at least 1
   * @param lockTimeout the longest wait for the lock, positive
   * @return the store
   * @throws IllegalArgumentException if historyLimit is below 1 or lockTimeout is not positive
   * @throws NullPointerException if root or lockTimeout is null
   */
  public static DirectoryBaselineStore directory(Path root, int historyLimit, java.time.Duration lockTimeout) {
    return new JsonDirectoryStore(root, historyLimit, lockTimeout);
  }

  /**
   * A store in a PostgreSQL database shared by many CI machines, keeping
   * {@value #DEFAULT_HISTORY_LIMIT} runs of history per variant. Perfgate uses {@code java.sql} only:
   * put a driver ({@code org.postgresql:postgresql}) on the class path and hand over any
   * {@link DataSource} (the driver's {@code PGSimpleDataSource}, or a pool). The tables are created
   * in the connections' current schema on first use; see {@link JdbcBaselineStore}.
   *
   * <pre>{@code
   * PGSimpleDataSource ds = new PGSimpleDataSource();
   * ds.setURL(System.getenv("PERFGATE_DB_URL"));       // jdbc:postgresql://db:5432/perf
   * JdbcBaselineStore store = BaselineStores.jdbc(ds);
   * }</pre>
   *
   * @param dataSource where connections come from; nothing is connected until the first use
   * @return the store
   * @throws NullPointerException if dataSource is null
   */
  public static JdbcBaselineStore jdbc(DataSource dataSource) {
    return jdbc(dataSource, DEFAULT_HISTORY_LIMIT);
  }

  /**
   * A PostgreSQL store with a chosen history bound; see {@link #jdbc(DataSource)}. Each run is saved
   * with its provenance, as by {@link #directory(Path, int)}.
   *
   * @param dataSource where connections come from; nothing is connected until the first use
   * @param historyLimit the number of runs kept per variant, at least 1
   * @return the store
   * @throws IllegalArgumentException if historyLimit is below 1
   * @throws NullPointerException if dataSource is null
   */
  public static JdbcBaselineStore jdbc(DataSource dataSource, int historyLimit) {
    return new JdbcStore(dataSource, historyLimit);
  }

  /**
   * A PostgreSQL store reached by a JDBC URL, for a CI that names its database in settings rather
   * than in code. Connections are opened through {@link java.sql.DriverManager}, so whichever driver on
   * the class path accepts the URL serves it and Perfgate depends on none; the check that one does
   * is made now, without connecting.
   *
   * <pre>{@code
   * JdbcBaselineStore store = BaselineStores.jdbc("jdbc:postgresql://db:5432/perf",
   *     Optional.of("perfgate"), Optional.ofNullable(System.getenv("PERFGATE_DB_PASSWORD")));
   * }</pre>
   *
   * @param url the JDBC URL, such as {@code jdbc:postgresql://db:5432/perf}
   * @param user the user, if the URL does not name one
   * @param password the password, if any
   * @return the store, keeping {@value #DEFAULT_HISTORY_LIMIT} runs per variant
   * @throws IllegalArgumentException if no JDBC driver on the class path accepts the URL; the
   *     message names the driver to add
   * @throws NullPointerException if an argument is null
   */
  public static JdbcBaselineStore jdbc(String url, java.util.Optional<String> user,
      java.util.Optional<String> password) {
    return jdbc(new dev.perfgate.baseline.internal.DriverManagerSource(url, user, password));
  }
}
