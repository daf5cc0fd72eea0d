package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.baseline.postgres.PostgresExtension;
import dev.perfgate.baseline.postgres.PostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick version of the PostgreSQL torture ({@link JdbcStoreTorture} runs the full one and
 * times history loads): real child JVMs appending at once and killed mid-append, against the real
 * server.
 */
@ExtendWith(PostgresExtension.class)
final class JdbcStoreProcessTest {

  @TempDir
  Path logs;

  @Test
  void twoJvmsAppendingAtOnce_loseNothing(PostgresServer server) throws Exception {
    JdbcTorture.Appends a = JdbcTorture.concurrentAppends(server, 2, 20, logs);
    assertEquals(new JdbcTorture.Appends(2, 20, 40, 0, 0, 0, a.millis()), a);
  }

  @Test
  void writersKilledMidAppend_leaveNoPartialRunAndLoseNoAcknowledgedOne(PostgresServer server) throws Exception {
    JdbcTorture.Kills k = JdbcTorture.kills(server, 3, logs, 14);
    assertEquals(3, k.kills());
    assertEquals(0, k.partial(), "partial runs: " + k);
    assertEquals(0, k.lostAcknowledged(), "acknowledged runs lost: " + k);
    assertTrue(k.stored() >= k.acknowledged() && k.stored() <= k.acknowledged() + k.killedInFlight(),
        "stored runs are the acknowledged ones, plus at most the one each kill interrupted after its commit: " + k);
  }
}
