package dev.perfgate.examples.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.examples.generator.schema.DemoDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ServiceRegistryTest {
  @TempDir
  Path out;

  @Test
  void close_releasesEveryPooledConnection() {
    try (DemoDatabase db = DemoDatabase.inMemory(5)) {
      assertEquals(1, db.openSessions(), "only the database's own session before the registry starts");
      ServiceRegistry registry = ServiceRegistry.start(GeneratorConfig.of(db.jdbcUrl(), out));
      registry.generator().generate();
      assertTrue(db.openSessions() > 1, "the pool holds a connection while the registry is open");
      assertEquals(0, registry.activeConnections(), "connections are returned between operations");

      registry.close();

      assertEquals(1, db.openSessions(), "closing the registry closed its connections");
      assertTrue(registry.isClosed());
      assertEquals(0, registry.activeConnections());
    }
  }

  @Test
  void close_emptiesTheCachesAndRefusesFurtherUse() {
    try (DemoDatabase db = DemoDatabase.inMemory(3)) {
      ServiceRegistry registry = ServiceRegistry.start(GeneratorConfig.of(db.jdbcUrl(), out));
      var schema = registry.schema();
      var templates = registry.templates();
      registry.generator().generate();
      assertTrue(schema.cache().estimatedSize() > 0);

      registry.close();
      registry.close();

      assertEquals(0, schema.cache().estimatedSize());
      assertEquals(0, templates.cache().estimatedSize());
      IllegalStateException e = assertThrows(IllegalStateException.class, registry::generator);
      assertTrue(e.getMessage().contains("service registry is closed"), e.getMessage());
      assertThrows(IllegalStateException.class, () -> schema.table("CUSTOMER"));
    }
  }

  @Test
  void start_wiresTheConfiguredSwitches() {
    try (DemoDatabase db = DemoDatabase.inMemory(1);
        ServiceRegistry registry = ServiceRegistry.start(
            GeneratorConfig.of(db.jdbcUrl(), out).withTemplateCache(false))) {
      assertFalse(registry.templates().cacheEnabled());
      assertEquals(java.util.Set.of("model", "types", "index"), registry.templates().names());
      assertEquals(out.toAbsolutePath().normalize(), registry.files().root());
    }
  }

  @Test
  void start_unreachableDatabase_failsAtStart() {
    GeneratorConfig config = GeneratorConfig.of("jdbc:h2:mem:absent;IFEXISTS=TRUE", out);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServiceRegistry.start(config));
    assertTrue(e.getMessage().startsWith("cannot connect to jdbc:h2:mem:absent"), e.getMessage());
  }
}
