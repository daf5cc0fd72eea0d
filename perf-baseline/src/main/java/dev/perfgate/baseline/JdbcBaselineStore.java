package dev.perfgate.baseline;

import dev.perfgate.api.BaselineStore;
import java.io.IOException;

/**
 * A {@link BaselineStore} in a PostgreSQL database, shared by every CI machine that reaches it. Get
 * one from {@link BaselineStores#jdbc(javax.sql.DataSource)}; it speaks {@code java.sql} alone, so
 * the application brings the driver ({@code org.postgresql:postgresql}) and Perfgate needs nothing
 * more.
 *
 * <p>The store keeps its tables in the schema the connections use (PostgreSQL's
 * {@code search_path}; the driver's {@code currentSchema} setting picks another):
 * {@code perfgate_schema} (the schema's version), {@code perfgate_baseline} (one row per variant and
 * environment fingerprint) and {@code perfgate_run} (the history, one row per run, indexed by
 * variant). It creates them, or migrates them from an older Perfgate, on first use, under a
 * transaction-scoped advisory lock, so that many processes starting at once create them once. Each
 * run is a row holding the run as JSON in the format of the directory store's files.
 *
 * <p>Every write is one transaction: a process killed in the middle leaves nothing of its write, and
 * appends from many machines at once all land. {@link #compareAndSetBaseline} compares and writes in
 * one transaction with the row locked. The history of a variant is bounded: an append drops the
 * oldest runs beyond {@link #historyLimit()} in the same transaction.
 */
public interface JdbcBaselineStore extends BaselineStore, ShardReports {

  /**
   * How many runs each variant's history keeps; older ones are deleted on append.
   *
   * @return the bound, at least 1
   */
  int historyLimit();

  /**
   * Creates or migrates the store's tables now rather than on first use, and says which version
   * they are at: for a CI's set-up step that should fail early when the database cannot be reached.
   *
   * @return the schema version the tables are at, the newest this Perfgate knows
   * @throws IOException if the database cannot be reached, the user may not create the tables, or
   *     the tables were made by a newer Perfgate
   */
  int schemaVersion() throws IOException;
}
