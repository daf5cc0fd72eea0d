package dev.perfgate.examples.generator.schema;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database the reference scenario's generator reads: an embedded H2 database holding the deterministic
 * schema of N tables (5-30 columns each, varied SQL types, nullability, primary keys, foreign keys between
 * tables, comments and a few indexes).
 *
 * <p>The database exists before the generator starts, as a team's database does: creating it is not part of
 * "service initialization". It keeps one connection open for its own use ({@link #execute}, used to change the
 * schema) until it is closed, which shuts the database down.
 *
 * <pre>{@code
 * try (DemoDatabase db = DemoDatabase.inMemory(50)) {
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

  private static final AtomicInteger NEXT_ID = new AtomicInteger();

  private final String jdbcUrl;
  private final int tables;
  private final Connection connection;
  private boolean closed;

  private DemoDatabase(String jdbcUrl, int tables) throws SQLException {
    this.jdbcUrl = jdbcUrl;
    this.tables = tables;
    this.connection = DriverManager.getConnection(jdbcUrl, USER, PASSWORD);
  }

  /**
   * Creates a new in-memory database (its own name, so several can live in one JVM) with the schema of
   * {@code tables} tables.
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
   * Creates a new file database in a directory (which must not already hold one of that size) with the schema
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
   * Returns the JDBC URL that connects to this database.
   *
   * @return the URL, for {@code GeneratorConfig.of(url, out)}
   */
  public String jdbcUrl() {
    return jdbcUrl;
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

  /** Shuts the database down (an in-memory one is dropped) and closes its connection; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
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
