package dev.perfgate.examples.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.perfgate.examples.generator.schema.DemoDatabase;
import dev.perfgate.examples.generator.schema.TableModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full generations against a real 12-table H2 schema, into a temporary directory. */
final class GeneratorTest {
  private static final int TABLES = 12;
  private static DemoDatabase db;

  @TempDir
  Path out;

  @BeforeAll
  static void createDatabase() {
    db = DemoDatabase.inMemory(TABLES);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  private ServiceRegistry start(GeneratorConfig config) {
    return ServiceRegistry.start(config);
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void generate_emptyDirectory_writesModelTypesAndIndexFiles() throws IOException {
    try (ServiceRegistry registry = start(GeneratorConfig.of(db.jdbcUrl(), out))) {
      GenerationSummary summary = registry.generator().generate();

      assertEquals(new GenerationSummary(TABLES, TABLES, 2 * TABLES + 1, 0, 0, summary.bytesWritten()), summary);
      List<Path> files = files(out);
      assertEquals(2 * TABLES + 1, files.size());
      assertEquals(summary.bytesWritten(), files.stream().mapToLong(p -> p.toFile().length()).sum());
      assertTrue(Files.exists(out.resolve("java/com/example/model/InvoiceLine.java")));
      assertTrue(Files.exists(out.resolve("ts/invoice-line.d.ts")));
      String index = Files.readString(out.resolve("ts/index.ts"));
      assertTrue(index.startsWith("// Generated index of " + TABLES + " tables."), index);
      assertEquals(TABLES, index.lines().filter(l -> l.startsWith("export type {")).count());
    }
  }

  @Test
  void generate_secondRunIntoSameDirectory_skipsEveryUnchangedFile() {
    try (ServiceRegistry registry = start(GeneratorConfig.of(db.jdbcUrl(), out))) {
      registry.generator().generate();
      GenerationSummary second = registry.generator().generate();
      assertEquals(new GenerationSummary(TABLES, TABLES, 0, 0, 2 * TABLES + 1, 0), second);
    }
    // A new registry (cold caches) over the same directory also finds nothing to write.
    try (ServiceRegistry registry = start(GeneratorConfig.of(db.jdbcUrl(), out))) {
      assertEquals(0, registry.generator().generate().filesWritten());
    }
  }

  @Test
  void generate_warmRun_hitsBothCachesOnly() {
    try (ServiceRegistry registry = start(GeneratorConfig.of(db.jdbcUrl(), out))) {
      registry.generator().generate();
      CacheStats schemaBefore = registry.schema().cache().stats();
      CacheStats templatesBefore = registry.templates().cache().stats();
      long readsBefore = registry.schema().metadataReads();

      registry.generator().generate();

      CacheStats schema = registry.schema().cache().stats().minus(schemaBefore);
      CacheStats templates = registry.templates().cache().stats().minus(templatesBefore);
      assertEquals(0, schema.missCount());
      assertTrue(schema.hitCount() >= TABLES, "schema hits " + schema.hitCount());
      assertEquals(0, templates.missCount());
      assertEquals(2 * TABLES + 1, templates.hitCount());
      assertEquals(readsBefore, registry.schema().metadataReads(), "a warm run reads no metadata");
      assertEquals(3, registry.templates().compilations(), "each template compiled once");
    }
  }

  @Test
  void generate_coldRun_missesEachTableOnceAndEachTemplateOnce() {
    try (ServiceRegistry registry = start(GeneratorConfig.of(db.jdbcUrl(), out))) {
      registry.generator().generate();
      assertEquals(TABLES, registry.schema().cache().stats().missCount());
      assertEquals(1, registry.schema().tableListCache().stats().missCount());
      assertEquals(3, registry.templates().cache().stats().missCount());
    }
  }

  @Test
  void generate_templateCacheOff_compilesOnEveryRenderAndWritesTheSameFiles() {
    try (ServiceRegistry registry = start(GeneratorConfig.of(db.jdbcUrl(), out))) {
      registry.generator().generate();
    }
    try (ServiceRegistry registry = start(GeneratorConfig.of(db.jdbcUrl(), out).withTemplateCache(false))) {
      GenerationSummary summary = registry.generator().generate();
      assertEquals(2 * TABLES + 1, summary.filesSkipped(), "same output with and without the cache");
      assertEquals(2 * TABLES + 1, registry.templates().compilations());
      assertEquals(0, registry.templates().cache().stats().requestCount());
    }
  }

  @Test
  void generate_extraSchemaPass_readsEveryTableAgainOnWarmRuns() {
    try (ServiceRegistry registry = start(GeneratorConfig.of(db.jdbcUrl(), out).withExtraSchemaPass(true))) {
      registry.generator().generate();
      long before = registry.schema().metadataReads();
      GenerationSummary summary = registry.generator().generate();
      assertEquals(TABLES, registry.schema().metadataReads() - before);
      assertEquals(2 * TABLES + 1, summary.filesSkipped());
    }
  }

  @Test
  void generate_concurrentRuns_leaveTheSameFilesAsOneRun() throws Exception {
    Path sequential = out.resolve("sequential");
    Path concurrent = out.resolve("concurrent");
    try (ServiceRegistry registry = start(GeneratorConfig.of(db.jdbcUrl(), sequential))) {
      registry.generator().generate();
    }
    try (ServiceRegistry registry = start(GeneratorConfig.of(db.jdbcUrl(), concurrent))) {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
      try {
        List<java.util.concurrent.Future<GenerationSummary>> runs = pool.invokeAll(java.util.Collections.nCopies(3,
            () -> registry.generator().generate()));
        for (java.util.concurrent.Future<GenerationSummary> run : runs) {
          assertEquals(2 * TABLES + 1, run.get().files());
        }
      } finally {
        pool.shutdown();
      }
      assertEquals(TABLES, registry.schema().cache().estimatedSize());
    }
    List<Path> expected = files(sequential);
    List<Path> actual = files(concurrent);
    assertEquals(expected.size(), actual.size());
    for (Path file : expected) {
      Path twin = concurrent.resolve(sequential.relativize(file));
      assertEquals(Files.readString(file), Files.readString(twin), twin.toString());
    }
  }

  @Test
  void generateTable_oneTable_writesItsTwoFiles() {
    try (ServiceRegistry registry = start(GeneratorConfig.of(db.jdbcUrl(), out))) {
      GenerationSummary summary = registry.generator().generateTable("PRODUCT");
      assertEquals(2, summary.filesCreated());
      assertEquals(1, summary.modelsGenerated());
      assertTrue(Files.exists(out.resolve("java/com/example/model/Product.java")));
    }
  }

  @Test
  void schemaChange_invalidatedTable_missesAndItsFilesGetTheNewColumn() throws IOException {
    try (DemoDatabase own = DemoDatabase.inMemory(4);
        ServiceRegistry registry = start(GeneratorConfig.of(own.jdbcUrl(), out))) {
      registry.generator().generate();
      Path model = out.resolve("java/com/example/model/Customer.java");
      assertFalse(Files.readString(model).contains("loyaltyPoints"));

      own.execute("ALTER TABLE CUSTOMER ADD COLUMN LOYALTY_POINTS INTEGER");
      assertEquals(0, registry.generator().generate().filesWritten(), "the cache still holds the old model");

      registry.schema().invalidate("CUSTOMER");
      assertTrue(registry.schema().cache().getIfPresent("CUSTOMER") == null, "the entry is gone");
      CacheStats before = registry.schema().cache().stats();
      GenerationSummary summary = registry.generator().generate();
      CacheStats delta = registry.schema().cache().stats().minus(before);

      assertEquals(1, delta.missCount(), "exactly the invalidated table is read again");
      // Customer.java, customer.d.ts, and the index (its column count changed).
      assertEquals(3, summary.filesUpdated());
      String source = Files.readString(model);
      assertTrue(source.contains("private Integer loyaltyPoints;"), source);
      assertTrue(source.contains("public Integer getLoyaltyPoints()"), source);
      assertTrue(Files.readString(out.resolve("ts/customer.d.ts")).contains("loyaltyPoints?: number | null;"));
    }
  }

  @Test
  void schemaChange_extraSchemaPass_dropsTheStaleEntryByItself() throws IOException {
    try (DemoDatabase own = DemoDatabase.inMemory(2);
        ServiceRegistry registry = start(GeneratorConfig.of(own.jdbcUrl(), out).withExtraSchemaPass(true))) {
      registry.generator().generate();
      own.execute("ALTER TABLE ACCOUNT ADD COLUMN NICKNAME VARCHAR(40)");
      GenerationSummary summary = registry.generator().generate();
      assertEquals(3, summary.filesUpdated());
      assertTrue(Files.readString(out.resolve("java/com/example/model/Account.java")).contains("nickname"));
    }
  }

  @Test
  void generatedTables_matchTheSchemaServiceModels() throws IOException {
    try (ServiceRegistry registry = start(GeneratorConfig.of(db.jdbcUrl(), out))) {
      registry.generator().generate();
      for (String name : registry.schema().tableNames()) {
        TableModel table = registry.schema().table(name);
        String ts = Files.readString(out.resolve("ts/" + Views.kebab(name) + ".d.ts"));
        long fields = ts.lines().filter(l -> l.matches("  [a-z][A-Za-z0-9]*\\??: .*;")).count();
        // One field per column and per reference in the row interface, one per key column in the key interface.
        assertEquals(table.columns().size() + table.foreignKeys().size() + table.primaryKey().size(), fields, name);
      }
    }
  }
}
