package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.baseline.postgres.PostgresExtension;
import dev.perfgate.baseline.postgres.PostgresServer;
import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The compatibility kit and what only the PostgreSQL store promises, against a real server. */
@ExtendWith(PostgresExtension.class)
final class JdbcBaselineStoreTest extends BaselineStoreContract {

  private final PostgresServer server;
  private DataSource dataSource;

  JdbcBaselineStoreTest(PostgresServer server) {
    this.server = server;
  }

  @Override
  protected BaselineStore newStore() throws Exception {
    dataSource = server.newSchema();
    return BaselineStores.jdbc(dataSource);
  }

  /** Every row of the baselines and of the baseline branch's history, every column as text. */
  @Override
  protected Object baselineBranchState() throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String sql : List.of("SELECT t::text FROM perfgate_baseline t ORDER BY variant, fingerprint",
          "SELECT t::text FROM perfgate_run t WHERE branch_lane = '' ORDER BY id")) {
        try (ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            rows.add(rs.getString(1));
          }
        }
      }
    }
    return rows;
  }

  @Test
  void branchRuns_areRowsOfTheirOwnLane_keptApartPerBranch() throws Exception {
    JdbcBaselineStore store = BaselineStores.jdbc(dataSource);
    BenchmarkKey key = BenchmarkKey.of("render");
    Result a = Fixtures.result(key, Metric.WALL_TIME, 1).withProvenance(dev.perfgate.api.Provenance.of("c1", "feat/a", "7"));
    Result b = Fixtures.result(key, Metric.WALL_TIME, 2).withProvenance(dev.perfgate.api.Provenance.of("c2", "feat/b", "7"));
    store.appendToBranch("feat/a", a);
    store.appendToBranch("feat/b", b);
    assertEquals(List.of(a), store.branchHistory(key, "feat/a"));
    assertEquals(List.of(b), store.branchHistory(key, "feat/b"));
    assertTrue(store.history(key).isEmpty());
    assertEquals(List.of(2), ints(dataSource, "SELECT count(*)::int FROM perfgate_run WHERE ci_run_id = '7'"));
  }

  @Test
  void tablesOfSchemaVersion1_areMigrated_keepingTheirRunsAsTheBaselineBranchsHistory() throws Exception {
    // The tables as Perfgate 0.2 created them (schema version 1), holding one run.
    execute(dataSource, "CREATE TABLE perfgate_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL"
        + " DEFAULT now(), applied_by text NOT NULL)");
    execute(dataSource, "INSERT INTO perfgate_schema (version, applied_by) VALUES (1, 'Perfgate 0.2')");
    execute(dataSource, "CREATE TABLE perfgate_baseline (variant text NOT NULL, fingerprint text NOT NULL, benchmark"
        + " text NOT NULL, seq bigint NOT NULL, saved_at timestamptz NOT NULL DEFAULT now(), revision text, document"
        + " text NOT NULL, PRIMARY KEY (variant, fingerprint))");
    execute(dataSource, "CREATE SEQUENCE perfgate_baseline_seq");
    execute(dataSource, "CREATE TABLE perfgate_run (id bigserial PRIMARY KEY, variant text NOT NULL, fingerprint text"
        + " NOT NULL, benchmark text NOT NULL, saved_at timestamptz NOT NULL DEFAULT now(), revision text, document"
        + " text NOT NULL)");
    execute(dataSource, "CREATE INDEX perfgate_run_variant_id ON perfgate_run (variant, id)");
    BenchmarkKey key = BenchmarkKey.of("render");
    Result old = Fixtures.result(key, Metric.WALL_TIME, 1);
    try (Connection c = dataSource.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
        "INSERT INTO perfgate_run (variant, fingerprint, benchmark, document) VALUES (?, ?, ?, ?)")) {
      s.setString(1, variantOf(key));
      s.setString(2, old.environment().fingerprint());
      s.setString(3, "render");
      s.setString(4, dev.perfgate.baseline.internal.RunDocument.write(old, "2026-01-01T00:00:00Z"));
      s.executeUpdate();
    }
    JdbcBaselineStore store = BaselineStores.jdbc(dataSource);
    assertEquals(2, store.schemaVersion());
    assertEquals(List.of(old), store.history(key));
    Result branchRun = Fixtures.result(key, Metric.WALL_TIME, 2).withProvenance(dev.perfgate.api.Provenance.of("c", "x", "1"));
    store.appendToBranch("x", branchRun);
    assertEquals(List.of(old), store.history(key));
    assertEquals(List.of(branchRun), store.branchHistory(key, "x"));
  }

  /** The variant key the store derives, read through the store itself: a run appended and its row's key. */
  private String variantOf(BenchmarkKey key) throws Exception {
    DataSource scratch = server.newSchema();
    BaselineStores.jdbc(scratch).append(Fixtures.result(key, Metric.WALL_TIME, 0));
    try (Connection c = scratch.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT variant FROM perfgate_run")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void firstUse_createsTheTablesAtTheNewestVersion() throws Exception {
    JdbcBaselineStore store = BaselineStores.jdbc(dataSource);
    assertEquals(2, store.schemaVersion());
    assertEquals(List.of("perfgate_baseline", "perfgate_run", "perfgate_schema", "perfgate_shard"), tables(dataSource));
    assertEquals(List.of(1, 2), ints(dataSource, "SELECT version FROM perfgate_schema ORDER BY version"));
  }

  @Test
  void jdbcUrl_opensThroughDriverManager_andReadsWhatADataSourceStoreWrote() throws Exception {
    String schema = server.newSchemaName();
    BaselineStores.jdbc(server.dataSource(schema)).append(Fixtures.result(BenchmarkKey.of("render"), Metric.WALL_TIME, 1));
    JdbcBaselineStore byUrl = BaselineStores.jdbc(server.url() + "?currentSchema=" + schema,
        Optional.of(PostgresServer.USER), Optional.empty());
    assertEquals(1, byUrl.history(BenchmarkKey.of("render")).size());
  }

  @Test
  void jdbcUrl_withoutADriverForIt_namesTheDriverToAdd() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BaselineStores.jdbc("jdbc:oracle:thin:@db:1521/perf", Optional.empty(), Optional.empty()));
    assertEquals("no JDBC driver on the class path accepts jdbc:oracle:thin:@db:1521/perf; add the driver for"
        + " 'oracle' to the class path that runs the suite", e.getMessage());
  }

  @Test
  void firstUse_byEightStoresAtOnce_createsTheTablesOnceAndNoneFails() throws Exception {
    DataSource fresh = server.newSchema();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CyclicBarrier start = new CyclicBarrier(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          // A store each, as eight CI machines would have: none knows the tables exist.
          JdbcBaselineStore store = BaselineStores.jdbc(fresh);
          start.await(60, TimeUnit.SECONDS);
          store.append(Fixtures.result(BenchmarkKey.of("render"), Metric.WALL_TIME, thread));
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(1, 2), ints(fresh, "SELECT version FROM perfgate_schema ORDER BY version"));
    assertEquals(8, BaselineStores.jdbc(fresh).history(BenchmarkKey.of("render")).size());
  }

  @Test
  void tablesOfANewerPerfgate_areRefusedWithTheFix() throws Exception {
    JdbcBaselineStore store = BaselineStores.jdbc(dataSource);
    store.schemaVersion();
    execute(dataSource, "INSERT INTO perfgate_schema (version, applied_by) VALUES (3, 'a newer Perfgate')");
    IOException e = assertThrows(IOException.class, () -> BaselineStores.jdbc(dataSource).history(BenchmarkKey.of("x")));
    assertTrue(e.getMessage().contains("schema version 3") && e.getMessage().contains("upgrade Perfgate"), e.getMessage());
  }

  @Test
  void append_beyondTheHistoryLimit_keepsTheNewestRuns() throws Exception {
    JdbcBaselineStore store = BaselineStores.jdbc(dataSource, 3);
    BenchmarkKey key = BenchmarkKey.of("render");
    for (int i = 0; i < 7; i++) {
      store.append(Fixtures.result(key, Metric.WALL_TIME, i));
    }
    store.append(Fixtures.result(BenchmarkKey.of("other"), Metric.WALL_TIME, 99));
    List<Double> kept = new ArrayList<>();
    for (Result r : store.history(key)) {
      kept.add(r.trialValues(Metric.WALL_TIME)[0]);
    }
    assertEquals(List.of(4.0, 5.0, 6.0), kept);
    assertEquals(List.of(4), ints(dataSource, "SELECT count(*)::int FROM perfgate_run"), "3 of render, 1 of other");
  }

  @Test
  void aRowEditedIntoNonsense_isAnIOExceptionNamingTheBenchmarkAndTheFix() throws Exception {
    BenchmarkKey key = BenchmarkKey.of("render");
    store().append(Fixtures.result(key, Metric.WALL_TIME, 1));
    execute(dataSource, "UPDATE perfgate_run SET document = '{\"formatVersion\": 2, \"key\": '");
    IOException e = assertThrows(IOException.class, () -> store().history(key));
    assertTrue(e.getMessage().contains("perfgate_run") && e.getMessage().contains("\"render\"")
        && e.getMessage().contains("fix or delete the row"), e.getMessage());
  }

  @Test
  void aUserWhoMayOnlyReadAndWriteRows_usesTheTablesAnotherUserCreated_andIsToldWhatToGrantOtherwise()
      throws Exception {
    String schema = server.newSchemaName();
    String role = "ci_" + schema;
    DataSource owner = server.dataSource(schema);
    execute(owner, "CREATE ROLE " + role + " LOGIN");
    execute(owner, "GRANT USAGE ON SCHEMA " + schema + " TO " + role);
    org.postgresql.ds.PGSimpleDataSource asCi = new org.postgresql.ds.PGSimpleDataSource();
    asCi.setServerNames(new String[] {"127.0.0.1"});
    asCi.setPortNumbers(new int[] {server.port()});
    asCi.setDatabaseName("postgres");
    asCi.setUser(role);
    asCi.setCurrentSchema(schema);

    IOException denied = assertThrows(IOException.class, () -> BaselineStores.jdbc(asCi).history(BenchmarkKey.of("x")));
    assertTrue(denied.getMessage().contains("grant the user CREATE"), denied.getMessage());

    BaselineStores.jdbc(owner).schemaVersion();
    execute(owner, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
    execute(owner, "GRANT USAGE ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + role);
    JdbcBaselineStore store = BaselineStores.jdbc(asCi);
    BenchmarkKey key = BenchmarkKey.of("render");
    Result first = Fixtures.rich(key, 1);
    store.append(first);
    assertTrue(store.compareAndSetBaseline(Optional.empty(), first));
    store.saveBaseline(Fixtures.rich(key, 2));
    assertEquals(List.of(first), store.history(key));
    assertEquals(Optional.of(Fixtures.rich(key, 2)), store.baseline(key));
  }

  @Test
  void unreachableDatabase_isAnIOExceptionThatSaysSo() {
    org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
    nowhere.setServerNames(new String[] {"127.0.0.1"});
    nowhere.setPortNumbers(new int[] {1});
    IOException e = assertThrows(IOException.class, () -> BaselineStores.jdbc(nowhere).baseline(BenchmarkKey.of("x")));
    assertTrue(e.getMessage().contains("cannot connect to the baseline database"), e.getMessage());
  }

  @Test
  void compareAndSet_withAStaleExpectation_leavesTheNewerBaseline() throws Exception {
    BenchmarkKey key = BenchmarkKey.of("render");
    Result first = Fixtures.rich(key, 1);
    store().saveBaseline(first);
    Optional<Result> readByBoth = store().baseline(key, first.environment());
    assertTrue(store().compareAndSetBaseline(readByBoth, Fixtures.rich(key, 2)));
    assertEquals(false, store().compareAndSetBaseline(readByBoth, Fixtures.rich(key, 3)));
    assertEquals(Optional.of(Fixtures.rich(key, 2)), store().baseline(key));
  }

  static List<String> tables(DataSource ds) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = current_schema() ORDER BY table_name")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  static List<Integer> ints(DataSource ds, String sql) throws Exception {
    List<Integer> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }

  static void execute(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
