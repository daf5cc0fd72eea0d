package dev.perfgate.examples.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class GeneratorConfigTest {
  private static final GeneratorConfig BASE = GeneratorConfig.of("jdbc:h2:mem:x", Path.of("out"));

  @Test
  void of_defaults_cacheOnAndNoExtraPass() {
    assertTrue(BASE.templateCache());
    assertFalse(BASE.extraSchemaPass());
    assertEquals("PUBLIC", BASE.schemaName());
  }

  @Test
  void withOverrides_systemPropertyNames_switchTheRegressionDemo() {
    Properties p = new Properties();
    p.setProperty("generator.templateCache", "false");
    p.setProperty("generator.extraSchemaPass", " TRUE ");
    GeneratorConfig c = BASE.withOverrides(p);
    assertFalse(c.templateCache());
    assertTrue(c.extraSchemaPass());
  }

  @Test
  void withOverrides_absentProperties_changeNothing() {
    assertEquals(BASE, BASE.withOverrides(new Properties()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yes", "0", "off"})
  void withOverrides_notABoolean_isRejectedByName(String value) {
    Properties p = new Properties();
    p.setProperty("generator.templateCache", value);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BASE.withOverrides(p));
    assertEquals("system property generator.templateCache (" + value + ") must be true or false", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Com.Example", "com..example", "1com", "com.example."})
  void constructor_invalidJavaPackage_isRejected(String pkg) {
    assertThrows(IllegalArgumentException.class, () -> new GeneratorConfig("jdbc:h2:mem:x", "sa", "", "PUBLIC",
        Path.of("out"), pkg, true, false, 4, 100));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void constructor_poolSizeBelowOne_isRejected(int size) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GeneratorConfig(
        "jdbc:h2:mem:x", "sa", "", "PUBLIC", Path.of("out"), "com.example", true, false, size, 100));
    assertEquals("pool size (" + size + ") must be >= 1", e.getMessage());
  }

  @Test
  void toString_hidesThePassword() {
    GeneratorConfig c = new GeneratorConfig("jdbc:h2:mem:x", "sa", "s3cret", "PUBLIC", Path.of("out"),
        "com.example", true, false, 4, 100);
    assertFalse(c.toString().contains("s3cret"), c.toString());
  }
}
