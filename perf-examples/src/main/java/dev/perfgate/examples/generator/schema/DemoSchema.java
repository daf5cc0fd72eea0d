package dev.perfgate.examples.generator.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The DDL of the reference scenario's schema: N tables of realistic shape, the same for the same N.
 *
 * <p>Each table's shape is drawn from a random generator seeded with the table's index alone, and foreign keys
 * only point to earlier tables (or to the table itself), so table {@code k} looks the same in a 10-table and in
 * a 100-table schema: the sizes of the scenario grow by adding tables, never by reshaping them. The random
 * choices make test data, not measurements.
 */
final class DemoSchema {
  private static final long SEED = 0x5EED_2026_0007L;
  static final int MIN_COLUMNS = 5;
  static final int MAX_COLUMNS = 30;

  // Nouns that are no SQL keyword in H2, so that names need no quoting.
  private static final String[] NOUNS = {"CUSTOMER", "ACCOUNT", "INVOICE", "INVOICE_LINE", "PRODUCT", "CATEGORY",
      "SUPPLIER", "WAREHOUSE", "SHIPMENT", "PAYMENT", "ADDRESS", "EMPLOYEE", "DEPARTMENT", "PROJECT", "TASK",
      "TICKET", "NOTE_ENTRY", "PURCHASE", "CART", "CART_ITEM", "COUPON", "REVIEW", "TAG_LABEL", "ATTACHMENT",
      "INVENTORY", "PRICE_LIST", "CURRENCY_RATE", "TAX_CODE", "CONTRACT", "SUBSCRIPTION", "PLAN_TIER", "LICENSE",
      "DEVICE", "SESSION_LOG", "AUDIT_EVENT", "NOTIFICATION", "MESSAGE", "CHANNEL", "MEMBERSHIP", "ROLE_GRANT",
      "PERMISSION", "TEAM", "LOCATION", "REGION", "COUNTRY", "CARRIER", "ROUTE", "VEHICLE", "DRIVER", "BOOKING",
      "ROOM", "VENUE", "SPEAKER"};

  /** A non-key column candidate: its name and its SQL type. */
  private record Attribute(String name, String type) {}

  private static final Attribute[] ATTRIBUTES = {
      new Attribute("NAME", "VARCHAR(100)"), new Attribute("TITLE", "VARCHAR(200)"),
      new Attribute("EMAIL", "VARCHAR(255)"), new Attribute("PHONE", "VARCHAR(32)"),
      new Attribute("CODE", "VARCHAR(16)"), new Attribute("STATUS", "VARCHAR(20)"),
      new Attribute("REFERENCE_NO", "VARCHAR(40)"), new Attribute("CITY", "VARCHAR(80)"),
      new Attribute("STREET", "VARCHAR(120)"), new Attribute("POSTAL_CODE", "VARCHAR(12)"),
      new Attribute("COUNTRY_CODE", "CHAR(2)"), new Attribute("SLUG", "VARCHAR(80)"),
      new Attribute("URL", "VARCHAR(500)"), new Attribute("EXTERNAL_ID", "VARCHAR(64)"),
      new Attribute("QUANTITY", "INTEGER"), new Attribute("SORT_ORDER", "INTEGER"),
      new Attribute("PRIORITY", "SMALLINT"), new Attribute("RETRY_COUNT", "INTEGER"),
      new Attribute("RATING", "TINYINT"), new Attribute("VIEW_COUNT", "BIGINT"),
      new Attribute("SIZE_BYTES", "BIGINT"), new Attribute("SEQUENCE_NO", "BIGINT"),
      new Attribute("AMOUNT", "DECIMAL(12, 2)"), new Attribute("UNIT_PRICE", "DECIMAL(10, 2)"),
      new Attribute("TAX_PERCENT", "DECIMAL(5, 2)"), new Attribute("WEIGHT_KG", "DECIMAL(8, 3)"),
      new Attribute("DISCOUNT", "DECIMAL(6, 2)"), new Attribute("BALANCE", "DECIMAL(14, 2)"),
      new Attribute("LATITUDE", "DECIMAL(9, 6)"), new Attribute("LONGITUDE", "DECIMAL(9, 6)"),
      new Attribute("SCORE", "DOUBLE PRECISION"), new Attribute("RATIO", "REAL"),
      new Attribute("ACTIVE", "BOOLEAN"), new Attribute("VERIFIED", "BOOLEAN"),
      new Attribute("ARCHIVED", "BOOLEAN"), new Attribute("LOCKED", "BOOLEAN"),
      new Attribute("BIRTH_DATE", "DATE"), new Attribute("DUE_DATE", "DATE"),
      new Attribute("VALID_FROM", "DATE"), new Attribute("VALID_TO", "DATE"),
      new Attribute("OPENS_AT", "TIME"), new Attribute("CREATED_AT", "TIMESTAMP"),
      new Attribute("UPDATED_AT", "TIMESTAMP"), new Attribute("DELETED_AT", "TIMESTAMP"),
      new Attribute("LAST_SEEN_AT", "TIMESTAMP WITH TIME ZONE"), new Attribute("DESCRIPTION", "CLOB"),
      new Attribute("NOTES", "CLOB"), new Attribute("BODY_TEXT", "CLOB"),
      new Attribute("THUMBNAIL", "BLOB"), new Attribute("CHECKSUM", "VARBINARY(32)"),
      new Attribute("PUBLIC_ID", "UUID")};

  private DemoSchema() {}

  /**
   * Names the table of an index: a noun, with a numeric suffix once the nouns are used up.
   *
   * @param index the 0-based table index
   * @return the table name, unique per index
   */
  static String tableName(int index) {
    String noun = NOUNS[index % NOUNS.length];
    int round = index / NOUNS.length;
    return round == 0 ? noun : noun + "_" + (round + 1);
  }

  /**
   * Tells whether table {@code index} has a two-column primary key {@code (ID, REVISION)}.
   *
   * @param index the 0-based table index
   * @return true for one table in nine
   */
  static boolean hasCompositeKey(int index) {
    return index % 9 == 8;
  }

  private static String idType(int index) {
    return index % 4 == 3 ? "INTEGER" : "BIGINT";
  }

  /**
   * Builds the statements that create the schema: one {@code CREATE TABLE} (with its keys), its comments and
   * its extra indexes per table, in dependency order.
   *
   * @param tables the number of tables, at least 1
   * @return the SQL statements, in the order they must run
   * @throws IllegalArgumentException if {@code tables} is below 1
   */
  static List<String> statements(int tables) {
    if (tables < 1) {
      throw new IllegalArgumentException("number of tables (" + tables + ") must be >= 1");
    }
    List<String> sql = new ArrayList<>();
    for (int i = 0; i < tables; i++) {
      table(i, sql);
    }
    return sql;
  }

  private static void table(int index, List<String> sql) {
    SplittableRandom random = new SplittableRandom(SEED + 0x9E37_79B9L * index);
    String name = tableName(index);
    List<String> defs = new ArrayList<>();
    List<String> constraints = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    List<String> indexes = new ArrayList<>();

    defs.add("ID " + idType(index) + " NOT NULL");
    int keyColumns = 1;
    if (hasCompositeKey(index)) {
      defs.add("REVISION INTEGER NOT NULL");
      keyColumns = 2;
      constraints.add("CONSTRAINT PK_" + name + " PRIMARY KEY (ID, REVISION)");
    } else {
      constraints.add("CONSTRAINT PK_" + name + " PRIMARY KEY (ID)");
    }

    int fkColumns = 0;
    int references = index == 0 ? 0 : random.nextInt(Math.min(index, 3) + 1);
    List<Integer> referenced = new ArrayList<>();
    while (referenced.size() < references) {
      int target = random.nextInt(index);
      if (!referenced.contains(target)) {
        referenced.add(target);
      }
    }
    referenced.sort(null);
    for (int target : referenced) {
      String ref = tableName(target);
      boolean nullable = random.nextInt(3) == 0;
      String nullity = nullable ? "" : " NOT NULL";
      if (hasCompositeKey(target)) {
        defs.add(ref + "_ID " + idType(target) + nullity);
        defs.add(ref + "_REVISION INTEGER" + nullity);
        constraints.add("CONSTRAINT FK_" + name + "_" + ref + " FOREIGN KEY (" + ref + "_ID, " + ref
            + "_REVISION) REFERENCES " + ref + " (ID, REVISION)");
        fkColumns += 2;
      } else {
        defs.add(ref + "_ID " + idType(target) + nullity);
        constraints.add("CONSTRAINT FK_" + name + "_" + ref + " FOREIGN KEY (" + ref + "_ID) REFERENCES " + ref
            + " (ID)");
        fkColumns += 1;
      }
    }
    // Trees (categories, departments, regions...) point at themselves.
    if (index % 6 == 3 && !hasCompositeKey(index)) {
      defs.add("PARENT_ID " + idType(index));
      constraints.add("CONSTRAINT FK_" + name + "_PARENT FOREIGN KEY (PARENT_ID) REFERENCES " + name + " (ID)");
      fkColumns += 1;
    }

    int total = MIN_COLUMNS + random.nextInt(MAX_COLUMNS - MIN_COLUMNS + 1);
    int attributes = Math.max(2, total - keyColumns - fkColumns);
    Attribute[] pool = ATTRIBUTES.clone();
    for (int k = pool.length - 1; k > 0; k--) {
      int j = random.nextInt(k + 1);
      Attribute t = pool[k];
      pool[k] = pool[j];
      pool[j] = t;
    }
    String uniqueCandidate = null;
    String timeCandidate = null;
    List<String> chosen = new ArrayList<>();
    for (int a = 0; a < attributes; a++) {
      Attribute attribute = pool[a];
      boolean nullable = random.nextInt(5) < 2;
      defs.add(attribute.name() + " " + attribute.type() + (nullable ? "" : " NOT NULL"));
      if (!attribute.type().endsWith("LOB")) {
        chosen.add(attribute.name());
      }
      if (random.nextInt(4) == 0) {
        comments.add("COMMENT ON COLUMN " + name + "." + attribute.name() + " IS '"
            + capitalized(words(attribute.name())) + " of the " + words(name) + "'");
      }
      if (uniqueCandidate == null && !nullable && attribute.type().startsWith("VARCHAR")) {
        uniqueCandidate = attribute.name();
      }
      if (timeCandidate == null && (attribute.type().startsWith("TIMESTAMP") || attribute.type().equals("DATE"))) {
        timeCandidate = attribute.name();
      }
    }
    comments.add(0, "COMMENT ON TABLE " + name + " IS 'Stores each " + words(name) + ".'");
    if (uniqueCandidate != null && index % 2 == 0) {
      indexes.add("CREATE UNIQUE INDEX UX_" + name + "_" + uniqueCandidate + " ON " + name + " ("
          + uniqueCandidate + ")");
    }
    if (timeCandidate != null) {
      indexes.add("CREATE INDEX IX_" + name + "_" + timeCandidate + " ON " + name + " (" + timeCandidate + ")");
    }
    if (index % 5 == 0 && chosen.size() >= 2) {
      indexes.add("CREATE INDEX IX_" + name + "_SEARCH ON " + name + " (" + chosen.get(0) + ", " + chosen.get(1)
          + ")");
    }

    defs.addAll(constraints);
    sql.add("CREATE TABLE " + name + " (\n  " + String.join(",\n  ", defs) + "\n)");
    sql.addAll(comments);
    sql.addAll(indexes);
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String words(String identifier) {
    return identifier.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
