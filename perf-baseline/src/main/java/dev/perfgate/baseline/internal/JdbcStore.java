package dev.perfgate.baseline.internal;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Result;
import dev.perfgate.baseline.JdbcBaselineStore;
import dev.perfgate.baseline.ShardReports.ShardReport;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The PostgreSQL store, on the JDBC API alone. A variant is a row key made of a SHA-256 of its
 * name's exact UTF-16 code units (so that any name, a NUL or an unpaired surrogate included, makes a
 * key PostgreSQL's text accepts, and two names never share one by luck), its size and its thread
 * count; each row also holds the name as Java would spell it, for a person reading the tables, and
 * the run as a {@link RunDocument}, whose key is checked on read.
 */
public final class JdbcStore implements JdbcBaselineStore {

  private static final System.Logger LOG = System.getLogger(JdbcStore.class.getName());

  /** The schema version this code creates and the newest it uses. */
  public static final int SCHEMA_VERSION = 2;

  /** The tables, in the connection's current schema. */
  public static final String SCHEMA_TABLE = "perfgate_schema";
  public static final String BASELINE_TABLE = "perfgate_baseline";
  public static final String RUN_TABLE = "perfgate_run";
  public static final String SHARD_TABLE = "perfgate_shard";

  /**
   * The key of the advisory lock that serialises schema changes: "perfgate" in ASCII. Advisory locks
   * are per database, so stores in two schemas of one database also wait for each other, briefly.
   */
  static final long SCHEMA_LOCK = 0x7065726667617465L;

  /**
   * The statements of each migration, index 0 taking an empty schema to version 1. A migration runs
   * in the transaction that records its version, so a process killed in the middle leaves the
   * schema as it was (PostgreSQL's DDL is transactional).
   */
  private static final List<List<String>> MIGRATIONS = List.of(List.of(
      "CREATE TABLE " + BASELINE_TABLE + " ("
          + "variant text NOT NULL, "
          + "fingerprint text NOT NULL, "
          + "benchmark text NOT NULL, "
          + "seq bigint NOT NULL, "
          + "saved_at timestamptz NOT NULL DEFAULT now(), "
          + "revision text, "
          + "document text NOT NULL, "
          + "PRIMARY KEY (variant, fingerprint))",
      // Orders baselines by when they were saved without trusting the clocks of many CI machines.
      "CREATE SEQUENCE " + BASELINE_TABLE + "_seq",
      "CREATE TABLE " + RUN_TABLE + " ("
          + "id bigserial PRIMARY KEY, "
          + "variant text NOT NULL, "
          + "fingerprint text NOT NULL, "
          + "benchmark text NOT NULL, "
          + "saved_at timestamptz NOT NULL DEFAULT now(), "
          + "revision text, "
          + "document text NOT NULL)",
      // A variant's history is read, and pruned, by this index alone, however many runs the table holds.
      "CREATE INDEX " + RUN_TABLE + "_variant_id ON " + RUN_TABLE + " (variant, id)"),
      // Version 2: branches and CI runs. branch_lane is '' for the baseline branch's history and the
      // branch's name for a branch's own history; existing rows are the baseline branch's.
      List.of("ALTER TABLE " + RUN_TABLE + " ADD COLUMN branch_lane text NOT NULL DEFAULT ''",
          "ALTER TABLE " + RUN_TABLE + " ADD COLUMN branch text",
          "ALTER TABLE " + RUN_TABLE + " ADD COLUMN ci_run_id text",
          "DROP INDEX " + RUN_TABLE + "_variant_id",
          "CREATE INDEX " + RUN_TABLE + "_variant_id ON " + RUN_TABLE + " (variant, branch_lane, id)",
          "CREATE INDEX " + RUN_TABLE + "_ci_run ON " + RUN_TABLE + " (ci_run_id, revision) WHERE ci_run_id IS NOT NULL",
          "CREATE TABLE " + SHARD_TABLE + " ("
              + "revision text NOT NULL, "
              + "ci_run_id text NOT NULL, "
              + "shard text NOT NULL, "
              + "saved_at timestamptz NOT NULL DEFAULT now(), "
              + "passed boolean NOT NULL, "
              + "report text NOT NULL, "
              + "PRIMARY KEY (revision, ci_run_id, shard))"));

  /**
   * A variant's history: its newest runs by the index (variant, branch_lane, id), then oldest
   * first; a store with a larger bound may have appended more. Parameters: the variant, the lane
   * ('' for the baseline branch, else the branch), the history limit.
   */
  static final String HISTORY_QUERY = "SELECT document FROM (SELECT id, document FROM " + RUN_TABLE
      + " WHERE variant = ? AND branch_lane = ? ORDER BY id DESC LIMIT ?) newest ORDER BY id";

  /** The baseline branch's lane of the history. */
  private static final String BASELINE_LANE = "";

  /** Transactions that lost a race PostgreSQL detected (serialization failure, deadlock) are tried again. */
  private static final int ATTEMPTS = 5;

  private final DataSource dataSource;
  private final int historyLimit;
  private volatile boolean schemaReady;

  /**
   * Creates a store; nothing is read or created until the first use.
   *
   * @param dataSource where connections come from
   * @param historyLimit the runs kept per variant, at least 1
   */
  public JdbcStore(DataSource dataSource, int historyLimit) {
    this.dataSource = Objects.requireNonNull(dataSource, "data source must not be null");
    if (historyLimit < 1) {
      throw new IllegalArgumentException("history limit (" + historyLimit + ") must be >= 1 run");
    }
    this.historyLimit = historyLimit;
  }

  @Override
  public int historyLimit() {
    return historyLimit;
  }

  @Override
  public int schemaVersion() throws IOException {
    schemaReady = false;
    return run("create or migrate the tables", false, c -> SCHEMA_VERSION);
  }

  @Override
  public Optional<Result> baseline(BenchmarkKey key) throws IOException {
    Objects.requireNonNull(key, "key must not be null");
    return run("read the baseline of " + JsonDirectoryStore.quoted(key), false, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT document FROM " + BASELINE_TABLE
          + " WHERE variant = ? ORDER BY seq DESC LIMIT 1")) {
        s.setString(1, variant(key));
        return first(s, key, BASELINE_TABLE);
      }
    });
  }

  @Override
  public Optional<Result> baseline(BenchmarkKey key, Environment environment) throws IOException {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(environment, "environment must not be null");
    return run("read the baseline of " + JsonDirectoryStore.quoted(key), false,
        c -> current(c, key, environment.fingerprint(), false));
  }

  @Override
  public List<Result> baselines(BenchmarkKey key) throws IOException {
    Objects.requireNonNull(key, "key must not be null");
    return run("read the baselines of " + JsonDirectoryStore.quoted(key), false, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT document FROM " + BASELINE_TABLE
          + " WHERE variant = ? ORDER BY fingerprint")) {
        s.setString(1, variant(key));
        return all(s, key, BASELINE_TABLE);
      }
    });
  }

  @Override
  public List<Result> history(BenchmarkKey key) throws IOException {
    Objects.requireNonNull(key, "key must not be null");
    return history(key, BASELINE_LANE, "the history of " + JsonDirectoryStore.quoted(key));
  }

  @Override
  public List<Result> branchHistory(BenchmarkKey key, String branch) throws IOException {
    Objects.requireNonNull(key, "key must not be null");
    return history(key, lane(branch), "the history of " + JsonDirectoryStore.quoted(key) + " on branch " + branch);
  }

  /** A branch's lane: never '', which is the baseline branch's, and text PostgreSQL accepts. */
  private static String lane(String branch) {
    Objects.requireNonNull(branch, "branch must not be null");
    if (branch.isEmpty()) {
      throw new IllegalArgumentException("branch must not be empty");
    }
    return text(branch);
  }

  private List<Result> history(BenchmarkKey key, String lane, String what) throws IOException {
    return run("read " + what, false, c -> {
      try (PreparedStatement s = c.prepareStatement(HISTORY_QUERY)) {
        s.setString(1, variant(key));
        s.setString(2, lane);
        s.setInt(3, historyLimit);
        return all(s, key, RUN_TABLE);
      }
    });
  }

  @Override
  public void saveBaseline(Result result) throws IOException {
    Objects.requireNonNull(result, "result must not be null");
    Row row = row(result);
    run("save the baseline of " + row.benchmark, true, c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO " + BASELINE_TABLE
          + " (variant, fingerprint, benchmark, seq, revision, document) VALUES (?, ?, ?, nextval('" + BASELINE_TABLE
          + "_seq'), ?, ?) ON CONFLICT (variant, fingerprint) DO UPDATE SET benchmark = excluded.benchmark,"
          + " seq = excluded.seq, saved_at = now(), revision = excluded.revision, document = excluded.document")) {
        row.bind(s);
        s.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public boolean compareAndSetBaseline(Optional<Result> expected, Result result) throws IOException {
    StoreArguments.compareAndSet(expected, result);
    Row row = row(result);
    return run("compare and set the baseline of " + row.benchmark, true, c -> {
      if (expected.isEmpty()) {
        // Of many first baselines racing, the primary key lets exactly one row in.
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + BASELINE_TABLE
            + " (variant, fingerprint, benchmark, seq, revision, document) VALUES (?, ?, ?, nextval('"
            + BASELINE_TABLE + "_seq'), ?, ?) ON CONFLICT (variant, fingerprint) DO NOTHING")) {
          row.bind(s);
          return s.executeUpdate() == 1;
        }
      }
      // The row stays locked from the comparison to the update, so nobody replaces it in between.
      Optional<Result> current = current(c, result.key(), result.environment().fingerprint(), true);
      if (!current.equals(expected)) {
        return false;
      }
      try (PreparedStatement s = c.prepareStatement("UPDATE " + BASELINE_TABLE + " SET benchmark = ?,"
          + " seq = nextval('" + BASELINE_TABLE + "_seq'), saved_at = now(), revision = ?, document = ?"
          + " WHERE variant = ? AND fingerprint = ?")) {
        s.setString(1, row.benchmark);
        s.setString(2, row.revision);
        s.setString(3, row.document);
        s.setString(4, row.variant);
        s.setString(5, row.fingerprint);
        return s.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void append(Result result) throws IOException {
    Objects.requireNonNull(result, "result must not be null");
    append(result, BASELINE_LANE, "append a run of ");
  }

  @Override
  public void appendToBranch(String branch, Result result) throws IOException {
    Objects.requireNonNull(result, "result must not be null");
    append(result, lane(branch), "append a run of branch " + branch + " of ");
  }

  private void append(Result result, String lane, String what) throws IOException {
    Row row = row(result);
    run(what + row.benchmark, true, c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO " + RUN_TABLE
          + " (variant, fingerprint, benchmark, revision, document, branch_lane, branch, ci_run_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, row.variant);
        s.setString(2, row.fingerprint);
        s.setString(3, row.benchmark);
        s.setString(4, row.revision);
        s.setString(5, row.document);
        s.setString(6, lane);
        s.setString(7, result.provenance().branch().map(JdbcStore::text).orElse(null));
        s.setString(8, result.provenance().ciRunId().map(JdbcStore::text).orElse(null));
        s.executeUpdate();
      }
      // Runs older than the newest historyLimit of the lane go in the same transaction; with fewer
      // runs the subquery is empty and nothing is deleted.
      try (PreparedStatement s = c.prepareStatement("DELETE FROM " + RUN_TABLE + " WHERE variant = ? AND branch_lane = ?"
          + " AND id < (SELECT id FROM " + RUN_TABLE + " WHERE variant = ? AND branch_lane = ?"
          + " ORDER BY id DESC OFFSET ? LIMIT 1)")) {
        s.setString(1, row.variant);
        s.setString(2, lane);
        s.setString(3, row.variant);
        s.setString(4, lane);
        s.setInt(5, historyLimit - 1);
        s.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void saveShardReport(ShardReport report) throws IOException {
    Objects.requireNonNull(report, "report must not be null");
    run("save the report of shard " + report.shard() + " of CI run " + report.ciRunId(), true, c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO " + SHARD_TABLE
          + " (revision, ci_run_id, shard, passed, report) VALUES (?, ?, ?, ?, ?) ON CONFLICT (revision, ci_run_id,"
          + " shard) DO UPDATE SET passed = excluded.passed, report = excluded.report, saved_at = now()")) {
        s.setString(1, text(report.commit()));
        s.setString(2, text(report.ciRunId()));
        s.setString(3, text(report.shard()));
        s.setBoolean(4, report.passed());
        s.setString(5, text(report.report()));
        s.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public List<ShardReport> shardReports(String commit, String ciRunId) throws IOException {
    Objects.requireNonNull(commit, "commit must not be null");
    Objects.requireNonNull(ciRunId, "ciRunId must not be null");
    return run("read the shard reports of CI run " + ciRunId, false, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT shard, passed, report FROM " + SHARD_TABLE
          + " WHERE revision = ? AND ci_run_id = ? ORDER BY shard")) {
        s.setString(1, text(commit));
        s.setString(2, text(ciRunId));
        List<ShardReport> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(new ShardReport(commit, ciRunId, rs.getString(1), rs.getBoolean(2), rs.getString(3)));
          }
        }
        return out;
      }
    });
  }

  /** The baseline of a variant in one environment, optionally locking its row until the transaction ends. */
  private Optional<Result> current(Connection c, BenchmarkKey key, String fingerprint, boolean lock)
      throws SQLException, IOException {
    try (PreparedStatement s = c.prepareStatement("SELECT document FROM " + BASELINE_TABLE
        + " WHERE variant = ? AND fingerprint = ?" + (lock ? " FOR UPDATE" : ""))) {
      s.setString(1, variant(key));
      s.setString(2, fingerprint);
      return first(s, key, BASELINE_TABLE);
    }
  }

  private Optional<Result> first(PreparedStatement s, BenchmarkKey key, String table) throws SQLException, IOException {
    List<Result> all = all(s, key, table);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  private List<Result> all(PreparedStatement s, BenchmarkKey key, String table) throws SQLException, IOException {
    List<Result> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(decode(rs.getString(1), key, table));
      }
    }
    return out;
  }

  private Result decode(String document, BenchmarkKey key, String table) throws IOException {
    Result r;
    try {
      r = RunDocument.read(document).result();
    } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
      throw new IOException("a row of " + table + " for benchmark " + JsonDirectoryStore.quoted(key)
          + " (variant '" + variant(key) + "') cannot be read: " + e.getMessage() + "; fix or delete the row", e);
    }
    if (!r.key().equals(key)) {
      throw new IOException("a row of " + table + " under variant '" + variant(key) + "' holds benchmark "
          + JsonDirectoryStore.quoted(r.key()) + ", not " + JsonDirectoryStore.quoted(key)
          + ": it was edited by hand or copied; the row was left as it is, fix or delete it");
    }
    return r;
  }

  /**
   * The row key of a variant: SHA-256 over the name's UTF-16 code units (hex), then its size and
   * thread count, so that the name's characters never reach the key.
   */
  static String variant(BenchmarkKey key) {
    String name = key.name();
    byte[] units = new byte[name.length() * 2];
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      units[2 * i] = (byte) (ch >>> 8);
      units[2 * i + 1] = (byte) ch;
    }
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(units);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
    return HexFormat.of().formatHex(digest) + "/" + (key.size().isPresent() ? key.size().getAsInt() : "-") + "/"
        + key.threads();
  }

  /** A run ready to be written: its key, the readable name, the revision and the document. */
  private static final class Row {
    final String variant;
    final String fingerprint;
    final String benchmark;
    final String revision;
    final String document;

    Row(String variant, String fingerprint, String benchmark, String revision, String document) {
      this.variant = variant;
      this.fingerprint = fingerprint;
      this.benchmark = benchmark;
      this.revision = revision;
      this.document = document;
    }

    /** Binds the five columns of an insert in their order: variant, fingerprint, benchmark, revision, document. */
    void bind(PreparedStatement s) throws SQLException {
      s.setString(1, variant);
      s.setString(2, fingerprint);
      s.setString(3, benchmark);
      s.setString(4, revision);
      s.setString(5, document);
    }
  }

  private Row row(Result result) {
    String revision = result.provenance().commit().orElse(null);
    // quoted() escapes what PostgreSQL text refuses (NUL, unpaired surrogates).
    return new Row(variant(result.key()), result.environment().fingerprint(), JsonDirectoryStore.quoted(result.key()),
        revision == null ? null : text(revision),
        RunDocument.write(result, Instant.now().toString()));
  }

  /** The string with what PostgreSQL text refuses (NUL, unpaired surrogates) replaced by U+FFFD; the document keeps it exact. */
  private static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      boolean unpaired = Character.isHighSurrogate(ch) ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
          : Character.isLowSurrogate(ch) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
      sb.append(ch == 0 || unpaired ? '\uFFFD' : ch);
    }
    return sb.toString();
  }

  /** Work on one connection. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException, IOException;
  }

  /**
   * Runs work on a connection of its own, after the schema is ready; a write runs as one
   * transaction, committed only when all of it succeeded, and tried again when PostgreSQL reports
   * that it lost a race (serialization failure or deadlock), which it then rolled back whole.
   */
  private <T> T run(String what, boolean write, Work<T> work) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = connect(what)) {
        if (!schemaReady) {
          ensureSchema(c);
        }
        if (!write) {
          return work.run(c);
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          T out = work.run(c);
          c.commit();
          return out;
        } catch (SQLException | IOException | RuntimeException e) {
          rollback(c);
          throw e;
        } finally {
          restore(c, autoCommit);
        }
      } catch (SQLException e) {
        if (attempt < ATTEMPTS && retryable(e)) {
          LOG.log(System.Logger.Level.DEBUG, "retrying, PostgreSQL rolled back " + what + ": " + e.getMessage());
          continue;
        }
        throw failed(what, e);
      }
    }
  }

  private Connection connect(String what) throws IOException {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new IOException("cannot " + what + ": cannot connect to the baseline database: " + e.getMessage()
          + " (SQL state " + e.getSQLState() + "); check the data source's URL, user and password and that the"
          + " server is running", e);
    }
  }

  /**
   * Creates or migrates the tables in one transaction under an advisory lock: of many processes
   * starting at once, the first creates them and the others find them made (CREATE ... IF NOT
   * EXISTS alone can still fail when two create a table at the same moment).
   */
  private int ensureSchema(Connection c) throws SQLException, IOException {
    // Tables already at this version need no lock and no DDL, so a user who may only read and write
    // rows (no CREATE on the schema) uses tables that another user created.
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT to_regclass('" + SCHEMA_TABLE + "') IS NOT NULL")) {
      rs.next();
      if (rs.getBoolean(1)) {
        int version = storedVersion(s);
        refuseNewer(version);
        if (version == SCHEMA_VERSION) {
          schemaReady = true;
          return SCHEMA_VERSION;
        }
      }
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      int version;
      try (Statement s = c.createStatement()) {
        s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
        s.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA_TABLE + " (version integer PRIMARY KEY,"
            + " applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL)");
        version = storedVersion(s);
        refuseNewer(version);
        for (int v = version + 1; v <= SCHEMA_VERSION; v++) {
          for (String statement : MIGRATIONS.get(v - 1)) {
            s.execute(statement);
          }
          try (PreparedStatement record = c.prepareStatement("INSERT INTO " + SCHEMA_TABLE
              + " (version, applied_by) VALUES (?, ?)")) {
            record.setInt(1, v);
            record.setString(2, "Perfgate, process " + ProcessHandle.current().pid());
            record.executeUpdate();
          }
          LOG.log(System.Logger.Level.DEBUG, "baseline tables migrated to schema version {0}", v);
        }
      }
      c.commit();
      schemaReady = true;
      return SCHEMA_VERSION;
    } catch (SQLException | IOException | RuntimeException e) {
      rollback(c);
      throw e;
    } finally {
      restore(c, autoCommit);
    }
  }

  private static int storedVersion(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM " + SCHEMA_TABLE)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void refuseNewer(int version) throws IOException {
    if (version > SCHEMA_VERSION) {
      throw new IOException("the baseline tables are at schema version " + version + " (table " + SCHEMA_TABLE
          + "), newer than this Perfgate knows (" + SCHEMA_VERSION + "); upgrade Perfgate on this machine");
    }
  }

  private static boolean retryable(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state);
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.DEBUG, "rollback failed; closing the connection ends the transaction: " + e);
    }
  }

  private static void restore(Connection c, boolean autoCommit) {
    try {
      c.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot restore auto-commit on a connection being closed: " + e);
    }
  }

  private static IOException failed(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")";
    String fix = e.getSQLState() != null && e.getSQLState().startsWith("42501")
        ? "; grant the user CREATE on the schema, or create the tables once as a user who may"
        : e.getSQLState() != null && e.getSQLState().startsWith("08")
            ? "; the connection to the baseline database broke, check that the server is reachable" : "";
    return new IOException("cannot " + what + " in the baseline database: " + e.getMessage() + state + fix, e);
  }

  @Override
  public String toString() {
    return "PostgreSQL store (tables " + BASELINE_TABLE + ", " + RUN_TABLE + "; " + historyLimit + " runs per variant)";
  }
}
