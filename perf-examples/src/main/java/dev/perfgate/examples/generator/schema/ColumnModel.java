package dev.perfgate.examples.generator.schema;

import java.sql.JDBCType;
import java.util.Objects;

/**
 * One column of a table as the database describes it through {@link java.sql.DatabaseMetaData#getColumns}.
 *
 * @param name the column name as stored by the database (H2 stores unquoted names in upper case)
 * @param position the 1-based ordinal position of the column in its table
 * @param jdbcType the JDBC type of the column ({@link JDBCType#OTHER} for a vendor type)
 * @param typeName the database's own type name, such as {@code CHARACTER VARYING}
 * @param size the column size (length for character types, precision for numeric types), 0 if none
 * @param scale the number of fractional digits, 0 if none
 * @param nullable whether the column accepts {@code NULL}
 * @param remarks the column comment, empty if there is none
 */
public record ColumnModel(String name, int position, JDBCType jdbcType, String typeName, int size, int scale,
    boolean nullable, String remarks) {

  /**
   * Checks the column description.
   *
   * @throws IllegalArgumentException if the name or type name is blank, the position is below 1, or the
   *     size or scale is negative
   */
  public ColumnModel {
    Objects.requireNonNull(jdbcType, "jdbcType");
    Objects.requireNonNull(remarks, "remarks");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("column name (" + name + ") must not be blank");
    }
    if (typeName == null || typeName.isBlank()) {
      throw new IllegalArgumentException("type name of column " + name + " (" + typeName + ") must not be blank");
    }
    if (position < 1) {
      throw new IllegalArgumentException("position of column " + name + " (" + position + ") must be >= 1");
    }
    if (size < 0 || scale < 0) {
      throw new IllegalArgumentException(
          "size (" + size + ") and scale (" + scale + ") of column " + name + " must be >= 0");
    }
  }
}
