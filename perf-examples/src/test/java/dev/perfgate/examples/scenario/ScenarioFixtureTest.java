package dev.perfgate.examples.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.examples.generator.ServiceRegistry;
import dev.perfgate.examples.generator.schema.DemoDatabase;
import java.util.Properties;
import org.junit.jupiter.api.Test;

final class ScenarioFixtureTest {

  @Test
  void database_isServedOverTcpOnTheLoopback_andClosingTheFixtureStopsIt() {
    ScenarioFixture fx = new ScenarioFixture(new Properties());
    DemoDatabase db;
    try {
      db = fx.database(10);
      assertSame(db, fx.database(10), "one server per project size");
      assertTrue(db.serverRunning());
      assertTrue(fx.config(10).jdbcUrl().startsWith("jdbc:h2:tcp://127.0.0.1:" + db.serverPort() + "/"),
          fx.config(10).jdbcUrl());
      ServiceRegistry r = fx.start(10);
      r.generator().generate();
      assertTrue(db.networkSessions() >= 1, "the generator reads through the server");
    } finally {
      fx.close();
    }
    assertFalse(db.serverRunning(), "close() stopped the server");
    assertThrows(IllegalStateException.class, () -> fx.database(10), "a closed fixture starts no server");
  }

  @Test
  void close_stopsEveryServer() {
    ScenarioFixture fx = new ScenarioFixture(new Properties());
    DemoDatabase small = fx.database(10);
    DemoDatabase medium = fx.database(25);
    fx.start(10).close(); // closed here and again by the fixture: idempotent
    fx.close();
    assertFalse(small.serverRunning());
    assertFalse(medium.serverRunning());
  }
}
