/**
 * Perfgate's judgement against the past: comparisons, history checks, trends and scaling fits, the
 * result format, and the directory and PostgreSQL baseline stores.
 *
 * <p>No JDBC driver is required: the PostgreSQL store takes the application's {@code DataSource}.
 */
module dev.perfgate.baseline {
  requires transitive dev.perfgate.api;
  requires transitive java.sql;
  requires com.fasterxml.jackson.databind;
  requires static org.jspecify;

  exports dev.perfgate.baseline;
  exports dev.perfgate.baseline.format;
  exports dev.perfgate.baseline.scaling;

  // Jackson reads and writes the result format's records reflectively.
  opens dev.perfgate.baseline.format to com.fasterxml.jackson.databind;
  opens dev.perfgate.baseline.internal to com.fasterxml.jackson.databind;
}
