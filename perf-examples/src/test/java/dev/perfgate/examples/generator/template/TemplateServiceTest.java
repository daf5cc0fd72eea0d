package dev.perfgate.examples.generator.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TemplateServiceTest {
  private static final Map<String, String> SOURCES = Map.of("hello", "Hello {{name}}", "bye", "Bye {{name}}");

  @Test
  void render_cacheOn_compilesOnceAndRecordsHits() {
    TemplateService service = TemplateService.create(SOURCES, true, 16);
    for (int i = 0; i < 10; i++) {
      assertEquals("Hello " + i, service.render("hello", Map.of("name", i)));
    }
    assertEquals(1, service.compilations());
    CacheStats stats = service.cache().stats();
    assertEquals(9, stats.hitCount());
    assertEquals(1, stats.missCount());
  }

  @Test
  void render_cacheOff_compilesEveryTimeAndLeavesCacheUntouched() {
    TemplateService service = TemplateService.create(SOURCES, false, 16);
    for (int i = 0; i < 10; i++) {
      assertEquals("Bye " + i, service.render("bye", Map.of("name", i)));
    }
    assertEquals(10, service.compilations());
    assertEquals(0, service.cache().stats().requestCount());
    assertEquals(0, service.cache().estimatedSize());
  }

  @Test
  void template_unknownName_isRejectedWithTheKnownNames() {
    TemplateService service = TemplateService.create(SOURCES, true, 16);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> service.template("nope"));
    assertTrue(e.getMessage().contains("no template named 'nope'"), e.getMessage());
  }

  @Test
  void close_emptiesTheCache() {
    TemplateService service = TemplateService.create(SOURCES, true, 16);
    service.template("hello");
    service.close();
    assertEquals(0, service.cache().estimatedSize());
  }

  @Test
  void create_invalidArguments_areRejected() {
    assertThrows(IllegalArgumentException.class, () -> TemplateService.create(Map.of(), true, 16));
    assertThrows(IllegalArgumentException.class, () -> TemplateService.create(SOURCES, true, 0));
  }

  @Test
  void loadSources_generatorTemplates_areOnTheClassPath() {
    Map<String, String> sources = TemplateService.loadSources(getClass().getClassLoader(),
        "dev/perfgate/examples/generator/templates/", ".tpl", List.of("model", "types", "index"));
    assertEquals(List.of("model", "types", "index"), List.copyOf(sources.keySet()));
    sources.forEach((name, source) -> Template.compile(name, source));
  }

  @Test
  void loadSources_missingResource_isReportedByPath() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> TemplateService.loadSources(
        getClass().getClassLoader(), "nowhere/", ".tpl", List.of("model")));
    assertTrue(e.getMessage().contains("nowhere/model.tpl"), e.getMessage());
  }
}
