package dev.perfgate.baseline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.baseline.BaselineStores;
import dev.perfgate.baseline.Fixtures;
import dev.perfgate.baseline.JdbcBaselineStore;
import dev.perfgate.baseline.postgres.PostgresExtension;
import dev.perfgate.baseline.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The history of one variant stays fast however many runs the store holds because PostgreSQL reads
 * it by the index (variant, id). A timing depends on how busy the machine is (the figure, p95 of
 * loading one history from 10,000 runs, comes from {@code JdbcStoreTorture}); the plan does not.
 */
@ExtendWith(PostgresExtension.class)
final class JdbcStorePlanTest {

  @Test
  void historyOfOneVariant_inA10000RunStore_isReadByTheIndex(PostgresServer server) throws Exception {
    DataSource ds = server.newSchema();
    JdbcBaselineStore store = BaselineStores.jdbc(ds);
    store.schemaVersion();
    // 100 variants x 100 runs, the rows as the store writes them (its key and its document), filled
    // by SQL in a second rather than by 10,000 appends.
    try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO perfgate_run"
        + " (variant, fingerprint, benchmark, document) SELECT ?, ?, ?, ? FROM generate_series(1, 100)")) {
      for (int v = 0; v < 100; v++) {
        var r = Fixtures.result(BenchmarkKey.of("variant-" + v), Metric.WALL_TIME, v + 1);
        s.setString(1, JdbcStore.variant(r.key()));
        s.setString(2, r.environment().fingerprint());
        s.setString(3, r.key().name());
        s.setString(4, RunDocument.write(r, "2026-12-02T12:00:00Z"));
        s.addBatch();
      }
      s.executeBatch();
    }
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("ANALYZE perfgate_run");
    }
    // The oldest variant: a plan that walks the table from its newest row would read all the others first.
    BenchmarkKey key = BenchmarkKey.of("variant-0");
    assertEquals(100, store.history(key).size());

    StringBuilder plan = new StringBuilder();
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + JdbcStore.HISTORY_QUERY)) {
      s.setString(1, JdbcStore.variant(key));
      s.setString(2, "");
      s.setInt(3, store.historyLimit());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    String text = plan.toString();
    assertTrue(text.contains("Index") && text.contains("perfgate_run_variant_id"), "reads by the index:\n" + text);
    assertFalse(text.contains("Seq Scan") || text.contains("Rows Removed by Filter"),
        "reads no row of another variant:\n" + text);
    assertTrue(text.startsWith("Sort") && text.contains("rows=100 loops=1"), "gives 100 rows:\n" + text);
  }
}
