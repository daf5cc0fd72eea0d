package dev.perfgate.baseline.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server of its own for the tests and the torture command: {@code initdb} into a
 * temporary directory, then {@code pg_ctl start} on an ephemeral port of 127.0.0.1 with the unix
 * socket in the same directory, so that it touches nothing of the machine's own PostgreSQL. As root
 * (CI builds run as root, and {@code initdb} and {@code postgres} refuse to), the directory is
 * handed to the {@code postgres} user (else {@code nobody}) and the binaries run through
 * {@code runuser}.
 *
 * <p>The binaries are Debian's ({@code /usr/lib/postgresql/<version>/bin}, the newest), or those in
 * the directory named by the environment variable {@code PERFGATE_PG_BIN}. {@code .ci/run} installs
 * Debian's {@code postgresql} package when they are missing.
 */
public final class PostgresServer implements AutoCloseable {

  /** The superuser initdb creates; trust authentication, on 127.0.0.1 only. */
  public static final String USER = "perfgate";

  private final Path bin;
  private final Path dir;
  private final List<String> asUser;
  private final int port;
  private final AtomicInteger schemas = new AtomicInteger();
  private final Thread hook;
  private volatile boolean stopped;

  private PostgresServer(Path bin, Path dir, List<String> asUser, int port) {
    this.bin = bin;
    this.dir = dir;
    this.asUser = asUser;
    this.port = port;
    this.hook = new Thread(this::stopQuietly, "stop test PostgreSQL on port " + port);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * The directory of {@code initdb}, {@code pg_ctl} and {@code postgres}, if this machine has them.
   *
   * @return the directory, empty if there is none
   */
  public static Optional<Path> binaries() {
    String configured = System.getenv("PERFGATE_PG_BIN");
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      return hasServer(p) ? Optional.of(p) : Optional.empty();
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(debian)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(debian)) {
      return versions.map(v -> v.resolve("bin")).filter(PostgresServer::hasServer)
          .max(Comparator.comparingInt(PostgresServer::majorVersion));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean hasServer(Path bin) {
    return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))
        && Files.isExecutable(bin.resolve("postgres"));
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** What to say when there are no binaries. */
  static String missingMessage() {
    return "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in /usr/lib/postgresql/*/bin"
        + " nor in $PERFGATE_PG_BIN; install Debian's postgresql package (apt-get install postgresql, as"
        + " .ci/run does) or point PERFGATE_PG_BIN at a bin directory";
  }

  /**
   * Starts a new server in a new temporary directory.
   *
   * @param durable false for the tests (fsync off: they kill clients, not the server, and must be
   *     quick), true for figures that should hold for a real server
   * @return the running server
   * @throws IOException if the binaries are missing or the server does not start (the message holds its log)
   * @throws InterruptedException if interrupted while waiting for it
   */
  public static PostgresServer start(boolean durable) throws IOException, InterruptedException {
    Path bin = binaries().orElseThrow(() -> new IOException(missingMessage()));
    Path dir = Files.createTempDirectory("perfgate-pg-");
    List<String> asUser = List.of();
    if ("root".equals(System.getProperty("user.name"))) {
      String user = userExists("postgres") ? "postgres" : "nobody";
      UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
      Files.setOwner(dir, owner);
      asUser = List.of("runuser", "-u", user, "--");
    }
    Path data = dir.resolve("data");
    exec(dir, asUser, "initdb", List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
        "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=200"
          + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
      try {
        exec(dir, asUser, "pg_ctl start", List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
            "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "-o", options, "start"));
        return new PostgresServer(bin, dir, asUser, port);
      } catch (IOException e) {
        // Another process may have taken the port between freePort() and the server's bind.
        last = e;
      }
    }
    deleteTree(dir);
    throw last;
  }

  private static boolean userExists(String user) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void exec(Path dir, List<String> asUser, String what, List<String> command)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(asUser);
    full.addAll(command);
    Path log = Files.createTempFile("perfgate-pg-" + what.replace(' ', '-'), ".log");
    try {
      Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(what + " did not finish in 120 s: " + full);
      }
      if (p.exitValue() != 0) {
        String server = Files.exists(dir.resolve("server.log")) ? "\nserver.log:\n"
            + Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8) : "";
        throw new IOException(what + " failed with exit code " + p.exitValue() + ": " + full + "\n"
            + Files.readString(log, StandardCharsets.UTF_8) + server);
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** The port the server listens on, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The JDBC URL of the default database. */
  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /**
   * A data source whose connections use a schema of their own, created now: an empty store. It
   * keeps up to two connections open for reuse, as the pool of a real application would, so that a
   * test does not start a PostgreSQL backend per store operation; a connection handed back inside
   * a transaction is closed, not reused, and the store's own checks still see a clean one.
   *
   * @return the data source
   * @throws SQLException if the schema cannot be created
   */
  public DataSource newSchema() throws SQLException {
    return new SmallPool(dataSource(newSchemaName()));
  }

  /**
   * Creates an empty schema.
   *
   * @return its name
   * @throws SQLException if it cannot be created
   */
  public String newSchemaName() throws SQLException {
    String schema = "test_" + schemas.incrementAndGet();
    try (Connection c = dataSource(null).getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    return schema;
  }

  /**
   * A data source on the default database.
   *
   * @param schema the schema its connections use, or null for {@code public}
   * @return the data source
   */
  public DataSource dataSource(String schema) {
    return dataSource(port, schema);
  }

  /**
   * A data source on the default database of a server started by another JVM.
   *
   * @param port the server's port on 127.0.0.1
   * @param schema the schema its connections use, or null for {@code public}
   * @return the data source
   */
  public static DataSource dataSource(int port, String schema) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName("postgres");
    ds.setUser(USER);
    if (schema != null) {
      ds.setCurrentSchema(schema);
    }
    return ds;
  }

  /** Stops the server (fast shutdown) and deletes its directory; called again, does nothing. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      exec(dir, asUser, "pg_ctl stop", List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
          "-m", "fast", "-w", "stop"));
    } finally {
      deleteTree(dir);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: this is the hook running
      }
    }
  }

  private void stopQuietly() {
    try {
      close();
    } catch (IOException | InterruptedException | RuntimeException e) {
      System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Keeps up to two idle connections; everything else goes to the data source it wraps. */
  private static final class SmallPool implements DataSource {
    private final DataSource target;
    private final java.util.concurrent.LinkedBlockingDeque<Connection> idle = new java.util.concurrent.LinkedBlockingDeque<>(2);

    SmallPool(DataSource target) {
      this.target = target;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection c = idle.pollFirst();
      Connection real = c != null ? c : target.getConnection();
      return (Connection) java.lang.reflect.Proxy.newProxyInstance(PostgresServer.class.getClassLoader(),
          new Class<?>[] {Connection.class}, new java.lang.reflect.InvocationHandler() {
            private boolean closed;

            @Override
            public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
              if (method.getName().equals("close")) {
                if (!closed) {
                  closed = true;
                  // A connection left outside auto-commit may hold a transaction: never hand it on.
                  if (real.isClosed() || !real.getAutoCommit() || !idle.offerFirst(real)) {
                    real.close();
                  }
                }
                return null;
              }
              if (method.getName().equals("isClosed")) {
                return closed || real.isClosed();
              }
              if (closed) {
                throw new SQLException("connection is closed");
              }
              try {
                return method.invoke(real, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            }
          });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      throw new SQLException("the test pool has one user");
    }

    @Override
    public java.io.PrintWriter getLogWriter() throws SQLException {
      return target.getLogWriter();
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) throws SQLException {
      target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return target.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
      return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
      return target.isWrapperFor(iface);
    }
  }

  @Override
  public String toString() {
    return "test PostgreSQL on 127.0.0.1:" + port + " in " + dir;
  }
}
