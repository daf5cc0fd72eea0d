package dev.perfgate.examples.generator;

import dev.perfgate.examples.generator.schema.ColumnModel;
import dev.perfgate.examples.generator.schema.ForeignKeyModel;
import dev.perfgate.examples.generator.schema.TableModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns table models into the maps templates render: names in Java and TypeScript spelling, types mapped from
 * SQL, imports, keys and references. Referenced tables are looked up through the schema service, as a real
 * generator does to describe its navigation properties.
 */
final class Views {
  private final String javaPackage;

  Views(String javaPackage) {
    this.javaPackage = javaPackage;
  }

  Map<String, Object> table(TableModel table, Function<String, TableModel> lookup) {
    Map<String, Object> view = new HashMap<>();
    String className = pascal(table.name());
    view.put("name", table.name());
    view.put("className", className);
    view.put("fileName", kebab(table.name()));
    view.put("remarks", table.remarks());
    view.put("javaPackage", javaPackage);
    view.put("columnCount", table.columns().size());

    TreeSet<String> imports = new TreeSet<>();
    imports.add("java.util.Objects");
    Map<String, Map<String, Object>> byName = new HashMap<>();
    List<Map<String, Object>> columns = new ArrayList<>(table.columns().size());
    for (ColumnModel c : table.columns()) {
      TypeMapping type = TypeMapping.of(c);
      type.javaImport().ifPresent(imports::add);
      Map<String, Object> col = new HashMap<>();
      col.put("name", c.name());
      col.put("field", camel(c.name()));
      col.put("property", pascal(c.name()));
      col.put("javaType", c.nullable() ? type.javaType() : type.javaPrimitive());
      col.put("tsType", type.tsType());
      col.put("sqlType", sqlType(c));
      col.put("nullable", c.nullable());
      col.put("key", table.isPrimaryKey(c.name()));
      col.put("remarks", c.remarks());
      col.put("reference", table.foreignKeyOf(c.name()).map(fk -> pascal(fk.referencedTable())).orElse(""));
      columns.add(col);
      byName.put(c.name(), col);
    }
    view.put("imports", List.copyOf(imports));
    view.put("columns", columns);
    List<Map<String, Object>> key = new ArrayList<>();
    table.primaryKey().forEach(k -> key.add(byName.get(k)));
    view.put("primaryKey", key);

    List<Map<String, Object>> foreignKeys = new ArrayList<>();
    for (ForeignKeyModel fk : table.foreignKeys()) {
      TableModel target = fk.referencedTable().equals(table.name()) ? table : lookup.apply(fk.referencedTable());
      Map<String, Object> ref = new HashMap<>();
      ref.put("name", fk.name());
      ref.put("targetTable", target.name());
      ref.put("targetClass", pascal(target.name()));
      ref.put("targetFile", kebab(target.name()));
      ref.put("targetRemarks", target.remarks());
      ref.put("self", target == table);
      ref.put("columns", String.join(", ", fk.columns()));
      String first = fk.columns().get(0);
      ref.put("navigation", camel(first.endsWith("_ID") ? first.substring(0, first.length() - 3) : first + "_REF"));
      foreignKeys.add(ref);
    }
    view.put("foreignKeys", foreignKeys);

    List<Map<String, Object>> indexes = new ArrayList<>();
    table.indexes().forEach(ix -> indexes.add(Map.of("name", ix.name(), "unique", ix.unique(), "columns",
        String.join(", ", ix.columns()))));
    view.put("indexes", indexes);
    return view;
  }

  Map<String, Object> indexEntry(TableModel table) {
    return Map.of("name", table.name(), "className", pascal(table.name()), "fileName", kebab(table.name()),
        "columnCount", table.columns().size());
  }

  String javaPath(TableModel table) {
    return "java/" + javaPackage.replace('.', '/') + "/" + pascal(table.name()) + ".java";
  }

  String typesPath(TableModel table) {
    return "ts/" + kebab(table.name()) + ".d.ts";
  }

  private static String sqlType(ColumnModel c) {
    switch (c.jdbcType()) {
      case DECIMAL:
      case NUMERIC:
        return c.typeName() + "(" + c.size() + ", " + c.scale() + ")";
      case VARCHAR:
      case CHAR:
      case VARBINARY:
        return c.typeName() + "(" + c.size() + ")";
      default:
        return c.typeName();
    }
  }

  static String pascal(String sqlName) {
    StringBuilder b = new StringBuilder(sqlName.length());
    for (String part : sqlName.toLowerCase(Locale.ROOT).split("_")) {
      if (!part.isEmpty()) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
      }
    }
    return b.toString();
  }

  static String camel(String sqlName) {
    String p = pascal(sqlName);
    return p.isEmpty() ? p : Character.toLowerCase(p.charAt(0)) + p.substring(1);
  }

  static String kebab(String sqlName) {
    return sqlName.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
