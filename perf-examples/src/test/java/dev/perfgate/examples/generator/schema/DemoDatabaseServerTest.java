package dev.perfgate.examples.generator.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.perfgate.examples.generator.GeneratorConfig;
import dev.perfgate.examples.generator.ServiceRegistry;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario's database is a server: the generator's connections go over TCP on the loopback. */
final class DemoDatabaseServerTest {
  @TempDir
  Path out;

  @Test
  void onServer_generatorReadsOverTcpFromTheLoopback() throws SQLException {
    try (DemoDatabase db = DemoDatabase.onServer(5)) {
      int port = db.serverPort();
      assertTrue(port > 0, "an ephemeral port was bound: " + port);
      assertTrue(db.jdbcUrl().startsWith("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:"), db.jdbcUrl());
      assertTrue(db.serverRunning());
      assertEquals(0, db.networkSessions(), "no network session before the generator connects");

      try (ServiceRegistry registry = ServiceRegistry.start(GeneratorConfig.of(db.jdbcUrl(), out))) {
        assertEquals(5, registry.generator().generate().modelsGenerated());
        assertTrue(db.networkSessions() >= 1, "the generator's pooled connection is a network session");
      }
      assertEquals(0, db.networkSessions(), "closing the registry closed its network sessions");

      // What the server says about a session that came through the URL: a TCP client on the loopback.
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), DemoDatabase.USER, DemoDatabase.PASSWORD);
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(
              "SELECT SERVER, CLIENT_ADDR FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()")) {
        assertTrue(rs.next());
        assertTrue(rs.getString("SERVER").endsWith(":" + port), rs.getString("SERVER"));
        assertTrue(rs.getString("CLIENT_ADDR").startsWith("127.0.0.1:"), rs.getString("CLIENT_ADDR"));
      }
    }
  }

  @Test
  void onServer_listensOnTheLoopbackOnly() throws SocketException {
    Optional<InetAddress> other = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .findFirst();
    assumeTrue(other.isPresent(), "this machine has no address but the loopback to try");
    try (DemoDatabase db = DemoDatabase.onServer(1)) {
      assertTrue(canConnect(InetAddress.getLoopbackAddress(), db.serverPort()), "the loopback accepts");
      assertFalse(canConnect(other.get(), db.serverPort()),
          other.get() + ":" + db.serverPort() + " must refuse: the server binds to 127.0.0.1 only");
    }
  }

  @Test
  void close_stopsTheServerAndFreesItsPortAndThreads() throws Exception {
    DemoDatabase db = DemoDatabase.onServer(3);
    int port = db.serverPort();
    try (ServiceRegistry registry = ServiceRegistry.start(GeneratorConfig.of(db.jdbcUrl(), out))) {
      registry.generator().generate();
      assertFalse(serverThreads(port).isEmpty(), "the server runs a listener and a thread per session");
      db.close();
    }
    assertFalse(db.serverRunning());
    assertFalse(canConnect(InetAddress.getLoopbackAddress(), port), "port " + port + " is closed");
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!serverThreads(port).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(List.of(), serverThreads(port), "no server thread outlives close()");
    assertThrows(SQLException.class,
        () -> DriverManager.getConnection(db.jdbcUrl(), DemoDatabase.USER, DemoDatabase.PASSWORD).close());
    db.close(); // idempotent
  }

  private static List<String> serverThreads(int port) {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(n -> n.startsWith("H2 TCP Server") && n.contains(":" + port + ")")).toList();
  }

  private static boolean canConnect(InetAddress address, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address, port), 2_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
