package dev.perfgate.examples.generator;

import dev.perfgate.examples.generator.schema.ColumnModel;
import java.util.Optional;

/** How a SQL column type is spelt in Java and in TypeScript. */
record TypeMapping(String javaType, String javaPrimitive, Optional<String> javaImport, String tsType) {

  private static TypeMapping simple(String type, String primitive, String ts) {
    return new TypeMapping(type, primitive, Optional.empty(), ts);
  }

  private static TypeMapping imported(String qualified, String ts) {
    String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
    return new TypeMapping(simple, simple, Optional.of(qualified), ts);
  }

  static TypeMapping of(ColumnModel column) {
    // H2 reports UUID as BINARY; its type name tells them apart.
    if (column.typeName().equalsIgnoreCase("UUID")) {
      return imported("java.util.UUID", "string");
    }
    switch (column.jdbcType()) {
      case BIGINT:
        return simple("Long", "long", "number");
      case INTEGER:
        return simple("Integer", "int", "number");
      case SMALLINT:
        return simple("Short", "short", "number");
      case TINYINT:
        return simple("Byte", "byte", "number");
      case DOUBLE:
      case FLOAT:
        return simple("Double", "double", "number");
      case REAL:
        return simple("Float", "float", "number");
      case BOOLEAN:
      case BIT:
        return simple("Boolean", "boolean", "boolean");
      case DECIMAL:
      case NUMERIC:
        // Decimal text keeps the precision a JavaScript number would lose.
        return imported("java.math.BigDecimal", "string");
      case DATE:
        return imported("java.time.LocalDate", "string");
      case TIME:
        return imported("java.time.LocalTime", "string");
      case TIMESTAMP:
        return imported("java.time.LocalDateTime", "string");
      case TIMESTAMP_WITH_TIMEZONE:
        return imported("java.time.OffsetDateTime", "string");
      case CHAR:
      case VARCHAR:
      case LONGVARCHAR:
      case NCHAR:
      case NVARCHAR:
      case LONGNVARCHAR:
      case CLOB:
      case NCLOB:
        return simple("String", "String", "string");
      case BINARY:
      case VARBINARY:
      case LONGVARBINARY:
      case BLOB:
        return simple("byte[]", "byte[]", "Uint8Array");
      default:
        return simple("Object", "Object", "unknown");
    }
  }
}
