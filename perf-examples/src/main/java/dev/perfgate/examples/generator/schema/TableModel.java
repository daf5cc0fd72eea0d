package dev.perfgate.examples.generator.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One table of the schema, read through JDBC {@link java.sql.DatabaseMetaData}: the value the schema cache
 * holds per table.
 *
 * @param name the table name as stored by the database
 * @param remarks the table comment, empty if there is none
 * @param columns the columns in ordinal order
 * @param primaryKey the primary key columns in key order, empty if the table has no primary key
 * @param foreignKeys the foreign keys of this table, ordered by name
 * @param indexes the indexes of this table (including those the database made for keys), ordered by name
 */
public record TableModel(String name, String remarks, List<ColumnModel> columns, List<String> primaryKey,
    List<ForeignKeyModel> foreignKeys, List<IndexModel> indexes) {

  /**
   * Checks and copies the table description.
   *
   * @throws IllegalArgumentException if the name is blank, the table has no column, or a key or index names a
   *     column the table does not have
   */
  public TableModel {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("table name (" + name + ") must not be blank");
    }
    java.util.Objects.requireNonNull(remarks, "remarks");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    foreignKeys = List.copyOf(foreignKeys);
    indexes = List.copyOf(indexes);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + name + " has no column; a table needs one or more");
    }
    Set<String> known = new HashSet<>();
    columns.forEach(c -> known.add(c.name()));
    requireKnown(name, "primary key", primaryKey, known);
    foreignKeys.forEach(fk -> requireKnown(name, "foreign key " + fk.name(), fk.columns(), known));
    indexes.forEach(ix -> requireKnown(name, "index " + ix.name(), ix.columns(), known));
  }

  private static void requireKnown(String table, String what, List<String> names, Set<String> known) {
    for (String n : names) {
      if (!known.contains(n)) {
        throw new IllegalArgumentException(
            what + " of table " + table + " names column " + n + ", which the table does not have");
      }
    }
  }

  /**
   * Finds a column by name.
   *
   * @param columnName the exact column name
   * @return the column, or empty if the table has no column of that name
   */
  public Optional<ColumnModel> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /**
   * Tells whether a column is part of the primary key.
   *
   * @param columnName the exact column name
   * @return true if the column belongs to the primary key
   */
  public boolean isPrimaryKey(String columnName) {
    return primaryKey.contains(columnName);
  }

  /**
   * Finds the foreign key a column belongs to.
   *
   * @param columnName the exact column name
   * @return the first foreign key (by name) that includes the column, or empty if none does
   */
  public Optional<ForeignKeyModel> foreignKeyOf(String columnName) {
    return foreignKeys.stream().filter(fk -> fk.columns().contains(columnName)).findFirst();
  }
}
