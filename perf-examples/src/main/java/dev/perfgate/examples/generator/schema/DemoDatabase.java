package dev.perfgate.examples.generator.schema;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.tools.Server;

/**
 * The database the reference scenario's generator reads: an H2 database holding the deterministic schema of N
 * tables (5-30 columns each, varied SQL types, nullability, primary keys, foreign keys between tables, comments
 * and a few indexes).
 *
 * <p>{@link #onServer(int)} is the scenario's database: a database server, as the team's generator read, that
 * is H2 in server mode, listening over TCP on the loopback address (127.0.0.1 only) on an ephemeral port, and a
 * {@link #jdbcUrl()} of the form {@code jdbc:h2:tcp://127.0.0.1:<port>/mem:<name>}. Every metadata query of the
 * generator is then a real round trip through the network stack to the server's threads. {@link #inMemory(int)}
 * and {@link #inFile(Path, int)} are embedded databases, for the unit tests that check what the generator
 * reads rather than how long it takes.
 *
 * <p>The database exists before the generator starts, as a team's database does: creating it is not part of
 * "service initialization". It keeps one embedded connection open for its own use ({@link #execute}, used to
 * change the schema) until it is closed, which stops its server (closing the server's sessions), shuts the
 * database down and frees the port.
 *
 * <pre>{@code
 * try (DemoDatabase db = DemoDatabase.onServer(50)) {
 *   GeneratorConfig config = GeneratorConfig.of(db.jdbcUrl(), outputDir);
 *   ...
 * }
 * }</pre>
 */
public final class DemoDatabase implements AutoCloseable {
  /** The user of the demo database. */
  public static final String USER = "sa";
  /** The password of the demo database (empty: it is test data in a private embedded database). */
  public static final String PASSWORD = "";

  /** The address the database server listens on: the loopback, never another interface. */
  public static final String LOOPBACK = "127.0.0.1";
  /**
   * H2's system property for the address its servers bind to. Without it an H2 server listens on every
   * interface (and only refuses other hosts after accepting them); it is read once, when H2 loads, so it is
   * set here, before this class touches H2.
   */
  static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";

  static {
    if (System.getProperty(BIND_ADDRESS_PROPERTY) == null) {
      System.setProperty(BIND_ADDRESS_PROPERTY, LOOPBACK);
    }
  }

  private static final AtomicInteger NEXT_ID = new AtomicInteger();

  private final String jdbcUrl;
  private final String ownUrl;
  private final int tables;
  private final Connection connection;
  private Server server;
  private boolean closed;

  private DemoDatabase(String ownUrl, int tables) throws SQLException {
    this.ownUrl = ownUrl;
    this.jdbcUrl = ownUrl;
    this.tables = tables;
    this.connection = DriverManager.getConnection(ownUrl, USER, PASSWORD);
  }

  private DemoDatabase(DemoDatabase embedded, Server server, String jdbcUrl) {
    this.ownUrl = embedded.ownUrl;
    this.jdbcUrl = jdbcUrl;
    this.tables = embedded.tables;
    this.connection = embedded.connection;
    this.server = server;
  }

  /**
   * Creates a new in-memory database with the schema of {@code tables} tables and serves it with its own H2
   * TCP server on {@code 127.0.0.1}, on an ephemeral port: the generator then reads it over a real JDBC
   * connection to a database server. The server accepts no other host and creates no database on request
   * (no {@code -tcpAllowOthers}, no {@code -ifNotExists}); its threads are daemons, and {@link #close()} stops
   * it.
   *
   * @param tables the number of tables, at least 1
   * @return the open database; close it to stop the server and drop the database
   * @throws IllegalArgumentException if {@code tables} is below 1
   * @throws IllegalStateException if the database cannot be created or the server cannot listen on the loopback
   *     only (for instance because H2 was loaded with another {@code h2.bindAddress})
   */
  public static DemoDatabase onServer(int tables) {
    String name = "perfgate-gen-" + NEXT_ID.incrementAndGet() + "-" + tables;
    DemoDatabase embedded = create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", tables);
    Server server = null;
    try {
      requireLoopbackBinding();
      server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon").start();
      String url = "jdbc:h2:tcp://" + LOOPBACK + ":" + server.getPort() + "/mem:" + name;
      return new DemoDatabase(embedded, server, url);
    } catch (SQLException | RuntimeException e) {
      if (server != null) {
        server.stop();
      }
      embedded.close();
      throw new IllegalStateException("cannot serve database " + name + " over TCP on " + LOOPBACK + ": "
          + e.getMessage(), e);
    }
  }

  private static void requireLoopbackBinding() {
    String bind = org.h2.engine.SysProperties.BIND_ADDRESS;
    boolean loopback;
    try {
      loopback = bind != null && !bind.isBlank() && InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      loopback = false;
    }
    if (!loopback) {
      throw new IllegalStateException("H2 would bind its server to '" + bind + "', not to the loopback: H2 was"
          + " loaded before " + DemoDatabase.class.getSimpleName() + " could set -D" + BIND_ADDRESS_PROPERTY + "="
          + LOOPBACK + "; pass that option to the JVM");
    }
  }

  /**
   * Creates a new embedded in-memory database (its own name, so several can live in one JVM) with the schema of
   * {@code tables} tables: no server, no round trips; for tests of what the generator reads.
   *
   * @param tables the number of tables, at least 1
   * @return the open database; close it to drop it
   * @throws IllegalArgumentException if {@code tables} is below 1
   * @throws IllegalStateException if the database cannot be created
   */
  public static DemoDatabase inMemory(int tables) {
    String name = "perfgate-gen-" + NEXT_ID.incrementAndGet() + "-" + tables;
    return create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", tables);
  }

  /**
   * Creates a new embedded file database in a directory (which must not already hold one of that size) with the schema
   * of {@code tables} tables. Metadata queries then read pages from disk, as with a real server's catalogue.
   *
   * @param directory the directory for the database files; created if missing
   * @param tables the number of tables, at least 1
   * @return the open database; close it to shut it down (the files stay)
   * @throws IllegalArgumentException if {@code tables} is below 1
   * @throws IllegalStateException if the database cannot be created, for instance because it already exists
   */
  public static DemoDatabase inFile(Path directory, int tables) {
    Objects.requireNonNull(directory, "directory");
    Path base = directory.toAbsolutePath().resolve("perfgate-gen-" + tables);
    return create("jdbc:h2:file:" + base + ";DB_CLOSE_DELAY=-1", tables);
  }

  private static DemoDatabase create(String url, int tables) {
    List<String> statements = DemoSchema.statements(tables);
    DemoDatabase db;
    try {
      db = new DemoDatabase(url, tables);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open database " + url + ": " + e.getMessage(), e);
    }
    try (Statement st = db.connection.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
      return db;
    } catch (SQLException e) {
      db.close();
      throw new IllegalStateException("cannot create the " + tables + "-table schema in " + url + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Returns the JDBC URL that connects to this database: over TCP to its server for {@link #onServer(int)}
   * ({@code jdbc:h2:tcp://127.0.0.1:<port>/mem:<name>}), else the embedded URL.
   *
   * @return the URL, for {@code GeneratorConfig.of(url, out)}
   */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /**
   * Tells whether this database is read through a server, and that server still runs.
   *
   * @return true for a database of {@link #onServer(int)} until it is closed
   */
  public synchronized boolean serverRunning() {
    return server != null && server.isRunning(false);
  }

  /**
   * Returns the TCP port the database server listens on.
   *
   * @return the port, or -1 for an embedded database
   */
  public synchronized int serverPort() {
    return server == null ? -1 : server.getPort();
  }

  /**
   * Counts the sessions open on the database that came over the network (through its server), as H2 reports
   * them in {@code INFORMATION_SCHEMA.SESSIONS}: a test sees there that the generator's connections are TCP
   * connections from the loopback.
   *
   * @return the number of open network sessions (0 for an embedded database)
   * @throws IllegalStateException if the database is closed or the query fails
   */
  public synchronized int networkSessions() {
    if (closed) {
      throw new IllegalStateException("database " + jdbcUrl + " is closed");
    }
    try (Statement st = connection.createStatement();
        var rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CLIENT_ADDR IS NOT NULL")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count network sessions of " + jdbcUrl + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the number of tables the schema was created with.
   *
   * @return the number of tables
   */
  public int tables() {
    return tables;
  }

  /**
   * Lists the names of the tables the schema was created with, in creation order.
   *
   * @return the table names
   */
  public List<String> tableNames() {
    List<String> names = new ArrayList<>(tables);
    for (int i = 0; i < tables; i++) {
      names.add(DemoSchema.tableName(i));
    }
    return names;
  }

  /**
   * Runs one SQL statement on the database's own connection: the way to change the schema
   * ({@code ALTER TABLE ... ADD COLUMN ...}) in the schema-change scenario.
   *
   * @param sql the statement
   * @throws IllegalStateException if the database is closed or the statement fails
   */
  public synchronized void execute(String sql) {
    if (closed) {
      throw new IllegalStateException("database " + jdbcUrl + " is closed; create a new one to run: " + sql);
    }
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("statement failed on " + jdbcUrl + ": " + sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * Counts the sessions open on the database, this database's own included: lets a test see that a closed
   * generator released its connections.
   *
   * @return the number of open sessions
   * @throws IllegalStateException if the database is closed or the query fails
   */
  public synchronized int openSessions() {
    if (closed) {
      throw new IllegalStateException("database " + jdbcUrl + " is closed");
    }
    try (Statement st = connection.createStatement();
        var rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count sessions of " + jdbcUrl + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stops the server (closing its sessions and its port), shuts the database down (an in-memory one is
   * dropped) and closes its connection; idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (server != null) {
      server.stop();
    }
    try (Statement st = connection.createStatement()) {
      st.execute("SHUTDOWN");
    } catch (SQLException e) {
      // Shutting down closes this connection too; nothing else can be done about a failure here.
      System.getLogger(DemoDatabase.class.getName())
          .log(System.Logger.Level.DEBUG, "shutdown of " + jdbcUrl + " failed: " + e.getMessage());
    } finally {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // already closed by SHUTDOWN
      }
    }
  }

  @Override
  public String toString() {
    return "DemoDatabase[" + tables + " tables, " + jdbcUrl + "]";
  }
}
