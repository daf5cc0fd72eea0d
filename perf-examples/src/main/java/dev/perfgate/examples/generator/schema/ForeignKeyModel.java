package dev.perfgate.examples.generator.schema;

import java.util.List;

/**
 * A foreign key of a table, as {@link java.sql.DatabaseMetaData#getImportedKeys} describes it.
 *
 * @param name the constraint name
 * @param columns the referencing columns of this table, in key order
 * @param referencedTable the table the key points to
 * @param referencedColumns the referenced columns, in key order (as many as {@code columns})
 */
public record ForeignKeyModel(String name, List<String> columns, String referencedTable,
    List<String> referencedColumns) {

  /**
   * Checks and copies the key description.
   *
   * @throws IllegalArgumentException if a name is blank, the key has no column, or the two column lists differ
   *     in length
   */
  public ForeignKeyModel {
    if (name == null || name.isBlank() || referencedTable == null || referencedTable.isBlank()) {
      throw new IllegalArgumentException(
          "foreign key name (" + name + ") and referenced table (" + referencedTable + ") must not be blank");
    }
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
    if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
      throw new IllegalArgumentException("foreign key " + name + " has columns " + columns
          + " and referenced columns " + referencedColumns + "; it needs one or more, as many on each side");
    }
  }
}
