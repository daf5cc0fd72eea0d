package dev.perfgate.examples.generator.schema;

import java.util.List;

/**
 * An index of a table, as {@link java.sql.DatabaseMetaData#getIndexInfo} describes it.
 *
 * @param name the index name
 * @param unique whether the index enforces unique values
 * @param columns the indexed columns, in index order
 */
public record IndexModel(String name, boolean unique, List<String> columns) {

  /**
   * Checks and copies the index description.
   *
   * @throws IllegalArgumentException if the name is blank or the index has no column
   */
  public IndexModel {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("index name (" + name + ") must not be blank");
    }
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("index " + name + " has no column; an index needs one or more");
    }
  }
}
