package dev.perfgate.examples.generator.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo schema read back through DatabaseMetaData: shapes, keys, types, and the cache around it. */
final class SchemaServiceTest {
  private static final int TABLES = 50;
  private static DemoDatabase db;
  private static JdbcConnectionPool pool;
  private static Map<String, TableModel> schema;

  @BeforeAll
  static void readSchema() {
    db = DemoDatabase.inMemory(TABLES);
    pool = JdbcConnectionPool.create(db.jdbcUrl(), DemoDatabase.USER, DemoDatabase.PASSWORD);
    SchemaService service = SchemaService.create(pool, "PUBLIC", 1_000);
    schema = new TreeMap<>();
    service.tableNames().forEach(t -> schema.put(t, service.table(t)));
  }

  @AfterAll
  static void closeDatabase() {
    pool.dispose();
    db.close();
  }

  private static SchemaService newService() {
    return SchemaService.create(pool, "PUBLIC", 1_000);
  }

  @Test
  void tableNames_listEveryCreatedTable() {
    List<String> expected = new ArrayList<>(db.tableNames());
    expected.sort(null);
    assertEquals(expected, List.copyOf(schema.keySet()));
  }

  @Test
  void tables_haveFiveToThirtyColumnsAndAPrimaryKey() {
    schema.values().forEach(t -> {
      int n = t.columns().size();
      assertTrue(n >= 5 && n <= 30, t.name() + " has " + n + " columns");
      assertFalse(t.primaryKey().isEmpty(), t.name() + " has no primary key");
      assertEquals("ID", t.primaryKey().get(0));
      for (int i = 0; i < n; i++) {
        assertEquals(i + 1, t.columns().get(i).position());
      }
    });
  }

  @Test
  void tables_readBack_haveTheColumnsTheDdlDeclares() {
    List<String> ddl = DemoSchema.statements(TABLES);
    for (int i = 0; i < TABLES; i++) {
      String name = DemoSchema.tableName(i);
      String create = ddl.stream().filter(s -> s.startsWith("CREATE TABLE " + name + " (")).findFirst()
          .orElseThrow();
      List<String> declared = create.lines().skip(1).map(String::strip)
          .filter(l -> !l.startsWith("CONSTRAINT") && !l.equals(")"))
          .map(l -> l.substring(0, l.indexOf(' '))).collect(Collectors.toList());
      List<String> read = schema.get(name).columns().stream().map(ColumnModel::name).collect(Collectors.toList());
      assertEquals(declared, read, name);
    }
  }

  @Test
  void compositeKeyTables_haveIdAndRevision() {
    TableModel t = schema.get(DemoSchema.tableName(8));
    assertEquals(List.of("ID", "REVISION"), t.primaryKey());
  }

  @Test
  void foreignKeys_pointAtTheReferencedPrimaryKeyWithTheSameTypes() {
    int keys = 0;
    int twoColumnKeys = 0;
    for (TableModel t : schema.values()) {
      for (ForeignKeyModel fk : t.foreignKeys()) {
        keys++;
        TableModel target = schema.get(fk.referencedTable());
        assertEquals(target.primaryKey(), fk.referencedColumns(), fk.name());
        for (int i = 0; i < fk.columns().size(); i++) {
          JDBCType from = t.column(fk.columns().get(i)).orElseThrow().jdbcType();
          JDBCType to = target.column(fk.referencedColumns().get(i)).orElseThrow().jdbcType();
          assertEquals(to, from, fk.name() + " column " + i);
        }
        if (fk.columns().size() == 2) {
          twoColumnKeys++;
        }
      }
    }
    assertTrue(keys >= TABLES / 2, "only " + keys + " foreign keys in " + TABLES + " tables");
    assertTrue(twoColumnKeys > 0, "no foreign key to a composite primary key");
    assertTrue(schema.values().stream().anyMatch(t -> t.foreignKeys().stream()
        .anyMatch(fk -> fk.referencedTable().equals(t.name()))), "no self-referencing table");
  }

  @Test
  void columns_coverTheCommonSqlTypesAndBothNullabilities() {
    Set<JDBCType> types = EnumSet.noneOf(JDBCType.class);
    Set<Boolean> nullability = new java.util.HashSet<>();
    schema.values().forEach(t -> t.columns().forEach(c -> {
      types.add(c.jdbcType());
      nullability.add(c.nullable());
    }));
    assertTrue(types.containsAll(EnumSet.of(JDBCType.INTEGER, JDBCType.BIGINT, JDBCType.VARCHAR,
        JDBCType.DECIMAL, JDBCType.BOOLEAN, JDBCType.DATE, JDBCType.TIMESTAMP, JDBCType.CLOB)), types.toString());
    assertEquals(Set.of(true, false), nullability);
  }

  @Test
  void decimalColumns_keepPrecisionAndScale() {
    ColumnModel amount = schema.values().stream().flatMap(t -> t.columns().stream())
        .filter(c -> c.name().equals("AMOUNT")).findFirst().orElseThrow();
    assertEquals(JDBCType.DECIMAL, amount.jdbcType());
    assertEquals(12, amount.size());
    assertEquals(2, amount.scale());
  }

  @Test
  void indexes_includeUniqueAndMultiColumnOnes() {
    List<IndexModel> all = schema.values().stream().flatMap(t -> t.indexes().stream()).collect(Collectors.toList());
    assertTrue(all.stream().anyMatch(ix -> ix.name().startsWith("UX_") && ix.unique()), "no unique index");
    assertTrue(all.stream().anyMatch(ix -> ix.name().startsWith("IX_") && ix.columns().size() == 2),
        "no two-column index");
    assertTrue(all.stream().anyMatch(ix -> ix.name().startsWith("IX_") && !ix.unique()), "no plain index");
  }

  @Test
  void remarks_areReadForTablesAndSomeColumns() {
    assertEquals("Stores each invoice line.", schema.get("INVOICE_LINE").remarks());
    assertTrue(schema.values().stream().flatMap(t -> t.columns().stream()).anyMatch(c -> !c.remarks().isEmpty()));
  }

  @Test
  void table_secondAccess_hitsTheCache() {
    SchemaService service = newService();
    TableModel first = service.table("CUSTOMER");
    TableModel second = service.table("CUSTOMER");
    assertTrue(first == second, "the cached instance is returned");
    CacheStats stats = service.cache().stats();
    assertEquals(1, stats.missCount());
    assertEquals(1, stats.hitCount());
    assertEquals(1, service.metadataReads());
  }

  @Test
  void invalidate_nextAccessMissesAndReadsTheDatabaseAgain() {
    SchemaService service = newService();
    service.table("ACCOUNT");
    service.invalidate("ACCOUNT");
    service.table("ACCOUNT");
    assertEquals(2, service.cache().stats().missCount());
    assertEquals(0, service.cache().stats().hitCount());
  }

  @Test
  void invalidateAll_dropsTablesAndTheTableList() {
    SchemaService service = newService();
    service.tableNames();
    service.table("ACCOUNT");
    service.invalidateAll();
    assertEquals(0, service.cache().estimatedSize());
    assertEquals(0, service.tableListCache().estimatedSize());
  }

  @Test
  void tableNames_secondCall_hitsTheTableListCache() {
    SchemaService service = newService();
    service.tableNames();
    service.tableNames();
    assertEquals(1, service.tableListCache().stats().hitCount());
  }

  @Test
  void readUncached_neitherReadsNorFillsTheCache() {
    SchemaService service = newService();
    assertEquals(schema.get("PRODUCT"), service.readUncached("PRODUCT"));
    assertEquals(0, service.cache().stats().requestCount());
    assertEquals(0, service.cache().estimatedSize());
  }

  @Test
  void table_unknownName_isRejectedAndNotCached() {
    SchemaService service = newService();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> service.table("customer"));
    assertTrue(e.getMessage().contains("table customer not found in schema PUBLIC"), e.getMessage());
    assertEquals(0, service.cache().estimatedSize());
  }

  @Test
  void close_refusesFurtherReads() {
    SchemaService service = newService();
    service.close();
    assertThrows(IllegalStateException.class, () -> service.table("CUSTOMER"));
    assertThrows(IllegalStateException.class, service::tableNames);
  }

  @Test
  void schemaChange_withoutInvalidation_servesTheStaleModel() {
    try (DemoDatabase own = DemoDatabase.inMemory(3)) {
      JdbcConnectionPool ownPool = JdbcConnectionPool.create(own.jdbcUrl(), DemoDatabase.USER, DemoDatabase.PASSWORD);
      try {
        SchemaService service = SchemaService.create(ownPool, "PUBLIC", 100);
        TableModel before = service.table("ACCOUNT");
        own.execute("ALTER TABLE ACCOUNT ADD COLUMN LOYALTY_POINTS INTEGER");

        assertEquals(before, service.table("ACCOUNT"), "the cache does not know of the change");
        service.invalidate("ACCOUNT");
        TableModel after = service.table("ACCOUNT");
        assertNotEquals(before, after);
        assertEquals(before.columns().size() + 1, after.columns().size());
        assertEquals(JDBCType.INTEGER, after.column("LOYALTY_POINTS").orElseThrow().jdbcType());
      } finally {
        ownPool.dispose();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void create_blankSchemaName_isRejected(String name) {
    assertThrows(IllegalArgumentException.class, () -> SchemaService.create(pool, name, 10));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1})
  void create_cacheSizeBelowOne_isRejected(long size) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SchemaService.create(pool, "PUBLIC", size));
    assertEquals("schema cache maximum size (" + size + ") must be >= 1", e.getMessage());
  }
}
