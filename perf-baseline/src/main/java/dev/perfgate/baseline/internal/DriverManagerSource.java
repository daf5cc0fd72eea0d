package dev.perfgate.baseline.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source over {@link DriverManager}: whichever JDBC driver on the class path accepts the URL
 * opens the connections, so Perfgate names no driver class and needs none to compile. Opens a new
 * connection each time; a store connects once per operation, which a CI run does a few hundred times.
 */
public final class DriverManagerSource implements DataSource {
  private final String url;
  private final Optional<String> user;
  private final Optional<String> password;

  /**
   * Creates the source and checks that a driver on the class path accepts the URL, without
   * connecting.
   *
   * @param url the JDBC URL
   * @param user the user, if the URL does not name one
   * @param password the password, if any
   * @throws IllegalArgumentException if no driver on the class path accepts the URL
   */
  public DriverManagerSource(String url, Optional<String> user, Optional<String> password) {
    this.url = Objects.requireNonNull(url, "url must not be null");
    this.user = Objects.requireNonNull(user, "user must not be null");
    this.password = Objects.requireNonNull(password, "password must not be null");
    try {
      DriverManager.getDriver(url);
    } catch (SQLException e) {
      String scheme = url.startsWith("jdbc:") && url.indexOf(':', 5) > 5 ? url.substring(5, url.indexOf(':', 5)) : url;
      throw new IllegalArgumentException("no JDBC driver on the class path accepts " + redacted(url)
          + (scheme.equals("postgresql") ? "; add org.postgresql:postgresql to the class path that runs the suite"
              : "; add the driver for '" + scheme + "' to the class path that runs the suite"), e);
    }
  }

  /** The URL without a password given in it, for messages. */
  static String redacted(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public Connection getConnection() throws SQLException {
    Properties info = new Properties();
    user.ifPresent(u -> info.setProperty("user", u));
    password.ifPresent(p -> info.setProperty("password", p));
    return DriverManager.getConnection(url, info);
  }

  @Override
  public Connection getConnection(String username, String pass) throws SQLException {
    return DriverManager.getConnection(url, username, pass);
  }

  @Override
  public PrintWriter getLogWriter() {
    return DriverManager.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    DriverManager.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) {
    DriverManager.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return DriverManager.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("DriverManager has no parent logger");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper of " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  @Override
  public String toString() {
    return "DriverManager " + redacted(url) + user.map(u -> " as " + u).orElse("");
  }
}
