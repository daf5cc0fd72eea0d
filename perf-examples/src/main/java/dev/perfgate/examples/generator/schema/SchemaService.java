package dev.perfgate.examples.generator.schema;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Reads the schema of a database through JDBC {@link DatabaseMetaData} ({@code getTables}, {@code getColumns},
 * {@code getPrimaryKeys}, {@code getImportedKeys}, {@code getIndexInfo}) into immutable {@link TableModel}s,
 * and caches them.
 *
 * <p>Two Caffeine caches, both built with {@code recordStats()} so that probes can read their counters: one of
 * table models keyed by table name ({@link #cache()}), one of the table list keyed by schema name
 * ({@link #tableListCache()}). A miss costs a connection from the pool and five metadata queries (the table's
 * remarks, columns, primary key, imported keys and indexes), which H2 answers by querying its
 * {@code INFORMATION_SCHEMA}; a hit costs a hash lookup. After a schema change,
 * {@link #invalidate(String)} or {@link #invalidateAll()} drops the stale entries.
 *
 * <p>Thread-safe: concurrent loads of the same table wait for one read.
 *
 * <pre>{@code
 * SchemaService schema = registry.schema();
 * TableModel customer = schema.table("CUSTOMER");
 * double hitRate = schema.cache().stats().hitRate();
 * }</pre>
 */
public final class SchemaService implements AutoCloseable {
  private final DataSource dataSource;
  private final String schemaName;
  private final Cache<String, TableModel> tables;
  private final Cache<String, List<String>> tableLists;
  private final LongAdder metadataReads = new LongAdder();
  private volatile boolean closed;

  private SchemaService(DataSource dataSource, String schemaName, long maximumSize) {
    this.dataSource = dataSource;
    this.schemaName = schemaName;
    this.tables = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
    this.tableLists = Caffeine.newBuilder().maximumSize(16).recordStats().build();
  }

  /**
   * Creates a schema service over a data source (usually a connection pool).
   *
   * @param dataSource where connections come from; the service borrows one per read and returns it
   * @param schemaName the schema to read, as the database stores it ({@code PUBLIC} in H2)
   * @param maximumSize the most table models the cache holds, at least 1
   * @return a new service with empty caches
   * @throws IllegalArgumentException if the schema name is blank or the size is below 1
   */
  public static SchemaService create(DataSource dataSource, String schemaName, long maximumSize) {
    Objects.requireNonNull(dataSource, "dataSource");
    if (schemaName == null || schemaName.isBlank()) {
      throw new IllegalArgumentException("schema name (" + schemaName + ") must not be blank; H2 uses PUBLIC");
    }
    if (maximumSize < 1) {
      throw new IllegalArgumentException("schema cache maximum size (" + maximumSize + ") must be >= 1");
    }
    return new SchemaService(dataSource, schemaName, maximumSize);
  }

  /**
   * Lists the tables of the schema, from the cache when it holds them.
   *
   * @return the table names, sorted
   * @throws IllegalStateException if the service is closed or the database cannot be read
   */
  public List<String> tableNames() {
    requireOpen();
    return tableLists.get(schemaName, this::readTableNames);
  }

  /**
   * Returns the model of a table, from the cache when it holds it, else read from the database and cached.
   *
   * @param tableName the exact table name (H2 stores unquoted names in upper case)
   * @return the table model
   * @throws IllegalArgumentException if the schema has no such table
   * @throws IllegalStateException if the service is closed or the database cannot be read
   */
  public TableModel table(String tableName) {
    requireOpen();
    Objects.requireNonNull(tableName, "tableName");
    return tables.get(tableName, this::readTable);
  }

  /**
   * Reads a table straight from the database, neither consulting nor filling the cache: what a check of the
   * cache against the database does.
   *
   * @param tableName the exact table name
   * @return the table model as the database describes it now
   * @throws IllegalArgumentException if the schema has no such table
   * @throws IllegalStateException if the service is closed or the database cannot be read
   */
  public TableModel readUncached(String tableName) {
    requireOpen();
    Objects.requireNonNull(tableName, "tableName");
    return readTable(tableName);
  }

  /**
   * Drops the cached model of one table, so that the next {@link #table} reads it again (a miss).
   *
   * @param tableName the exact table name; a name that is not cached is ignored
   */
  public void invalidate(String tableName) {
    tables.invalidate(Objects.requireNonNull(tableName, "tableName"));
  }

  /** Drops every cached table model and the cached table list. */
  public void invalidateAll() {
    tables.invalidateAll();
    tableLists.invalidateAll();
  }

  /**
   * Returns the cache of table models, keyed by table name, for probes to observe (it records statistics).
   *
   * @return the live cache
   */
  public Cache<String, TableModel> cache() {
    return tables;
  }

  /**
   * Returns the cache of table lists, keyed by schema name, for probes to observe (it records statistics).
   *
   * @return the live cache
   */
  public Cache<String, List<String>> tableListCache() {
    return tableLists;
  }

  /**
   * Counts the reads that went to the database (cache misses and uncached reads) since the service started.
   *
   * @return the number of table and table-list reads from {@link DatabaseMetaData}
   */
  public long metadataReads() {
    return metadataReads.sum();
  }

  /**
   * Returns the schema this service reads.
   *
   * @return the schema name
   */
  public String schemaName() {
    return schemaName;
  }

  /** Empties the caches and refuses further reads; idempotent. The data source is the caller's to close. */
  @Override
  public void close() {
    closed = true;
    invalidateAll();
    tables.cleanUp();
    tableLists.cleanUp();
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("schema service of " + schemaName + " is closed; start a new registry");
    }
  }

  private List<String> readTableNames(String schema) {
    metadataReads.increment();
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.getMetaData().getTables(null, schema, "%", null)) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        String type = rs.getString("TABLE_TYPE");
        // H2 2.x says "BASE TABLE", most databases say "TABLE"; views and system tables are not models.
        if ("TABLE".equals(type) || "BASE TABLE".equals(type)) {
          names.add(rs.getString("TABLE_NAME"));
        }
      }
      names.sort(null);
      return List.copyOf(names);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the tables of schema " + schema + ": " + e.getMessage(), e);
    }
  }

  private TableModel readTable(String tableName) {
    metadataReads.increment();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      String remarks = "";
      boolean found = false;
      try (ResultSet rs = md.getTables(null, schemaName, escape(md, tableName), null)) {
        while (rs.next()) {
          if (tableName.equals(rs.getString("TABLE_NAME"))) {
            found = true;
            remarks = Objects.requireNonNullElse(rs.getString("REMARKS"), "");
          }
        }
      }
      if (!found) {
        throw new IllegalArgumentException("table " + tableName + " not found in schema " + schemaName
            + "; names are case-sensitive (H2 stores unquoted names in upper case)");
      }
      return new TableModel(tableName, remarks, columns(md, tableName), primaryKey(md, tableName),
          foreignKeys(md, tableName), indexes(md, tableName));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read table " + tableName + " of schema " + schemaName + ": "
          + e.getMessage(), e);
    }
  }

  private List<ColumnModel> columns(DatabaseMetaData md, String table) throws SQLException {
    List<ColumnModel> columns = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, schemaName, escape(md, table), null)) {
      while (rs.next()) {
        if (!table.equals(rs.getString("TABLE_NAME"))) {
          continue;
        }
        columns.add(new ColumnModel(rs.getString("COLUMN_NAME"), rs.getInt("ORDINAL_POSITION"),
            jdbcType(rs.getInt("DATA_TYPE")), rs.getString("TYPE_NAME"), Math.max(0, rs.getInt("COLUMN_SIZE")),
            Math.max(0, rs.getInt("DECIMAL_DIGITS")), rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
            Objects.requireNonNullElse(rs.getString("REMARKS"), "")));
      }
    }
    columns.sort(Comparator.comparingInt(ColumnModel::position));
    return columns;
  }

  private List<String> primaryKey(DatabaseMetaData md, String table) throws SQLException {
    TreeMap<Integer, String> bySequence = new TreeMap<>();
    try (ResultSet rs = md.getPrimaryKeys(null, schemaName, table)) {
      while (rs.next()) {
        bySequence.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    return new ArrayList<>(bySequence.values());
  }

  private List<ForeignKeyModel> foreignKeys(DatabaseMetaData md, String table) throws SQLException {
    // The parts of one key, collected row by row (one row per column of the key).
    final class Parts {
      final String referenced;
      final TreeMap<Integer, String[]> columns = new TreeMap<>();

      Parts(String referenced) {
        this.referenced = referenced;
      }
    }
    Map<String, Parts> keys = new TreeMap<>();
    try (ResultSet rs = md.getImportedKeys(null, schemaName, table)) {
      while (rs.next()) {
        String name = rs.getString("FK_NAME");
        String referenced = rs.getString("PKTABLE_NAME");
        Parts parts = keys.computeIfAbsent(name, n -> new Parts(referenced));
        parts.columns.put(rs.getInt("KEY_SEQ"),
            new String[] {rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
      }
    }
    List<ForeignKeyModel> result = new ArrayList<>();
    keys.forEach((name, parts) -> {
      List<String> from = new ArrayList<>();
      List<String> to = new ArrayList<>();
      parts.columns.values().forEach(pair -> {
        from.add(pair[0]);
        to.add(pair[1]);
      });
      result.add(new ForeignKeyModel(name, from, parts.referenced, to));
    });
    return result;
  }

  private List<IndexModel> indexes(DatabaseMetaData md, String table) throws SQLException {
    Map<String, Boolean> unique = new LinkedHashMap<>();
    Map<String, TreeMap<Integer, String>> columns = new TreeMap<>();
    // approximate = true: statistics are not wanted, only the index structure.
    try (ResultSet rs = md.getIndexInfo(null, schemaName, table, false, true)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        String column = rs.getString("COLUMN_NAME");
        if (name == null || column == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
          continue;
        }
        unique.put(name, !rs.getBoolean("NON_UNIQUE"));
        columns.computeIfAbsent(name, n -> new TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"), column);
      }
    }
    List<IndexModel> result = new ArrayList<>();
    columns.forEach((name, cols) -> result.add(new IndexModel(name, unique.get(name), new ArrayList<>(cols.values()))));
    return result;
  }

  private static String escape(DatabaseMetaData md, String name) throws SQLException {
    // getColumns takes a LIKE pattern: an underscore in a table name would match any character.
    String esc = md.getSearchStringEscape();
    if (esc == null || esc.isEmpty()) {
      return name;
    }
    return name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
  }

  private static JDBCType jdbcType(int code) {
    try {
      return JDBCType.valueOf(code);
    } catch (IllegalArgumentException e) {
      return JDBCType.OTHER;
    }
  }
}
