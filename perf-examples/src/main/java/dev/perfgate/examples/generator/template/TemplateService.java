package dev.perfgate.examples.generator.template;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Compiles and renders the generator's templates, one per output kind, keeping compiled templates in a
 * Caffeine cache built with {@code recordStats()} ({@link #cache()}).
 *
 * <p>With the cache off (the regression switch {@code -Dgenerator.templateCache=false}) every render compiles
 * its template again, as a generator that forgot its cache would; the cache then sees no request at all.
 *
 * <pre>{@code
 * TemplateService templates = registry.templates();
 * String source = templates.render("model", Map.of("className", "Customer"));
 * }</pre>
 */
public final class TemplateService implements AutoCloseable {
  private final Map<String, String> sources;
  private final boolean cacheEnabled;
  private final Cache<String, Template> cache;
  private final LongAdder compilations = new LongAdder();

  private TemplateService(Map<String, String> sources, boolean cacheEnabled, long maximumSize) {
    this.sources = Map.copyOf(sources);
    this.cacheEnabled = cacheEnabled;
    this.cache = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
  }

  /**
   * Creates a template service over template sources.
   *
   * @param sources template sources by template name
   * @param cacheEnabled whether compiled templates are cached (false: compiled on every render)
   * @param maximumSize the most compiled templates the cache holds, at least 1
   * @return a new service with an empty cache
   * @throws IllegalArgumentException if there is no source or the size is below 1
   */
  public static TemplateService create(Map<String, String> sources, boolean cacheEnabled, long maximumSize) {
    Objects.requireNonNull(sources, "sources");
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("template sources are empty; give at least one template");
    }
    if (maximumSize < 1) {
      throw new IllegalArgumentException("template cache maximum size (" + maximumSize + ") must be >= 1");
    }
    return new TemplateService(sources, cacheEnabled, maximumSize);
  }

  /**
   * Loads template sources from the class path: each name {@code n} is read from resource {@code prefix + n +
   * suffix} as UTF-8.
   *
   * @param loader the class loader to read from
   * @param prefix the resource path before the name, such as {@code dev/perfgate/examples/generator/templates/}
   * @param suffix the resource path after the name, such as {@code .tpl}
   * @param names the template names
   * @return the sources by name, in the order given
   * @throws IllegalStateException if a resource is missing or cannot be read
   */
  public static Map<String, String> loadSources(ClassLoader loader, String prefix, String suffix,
      List<String> names) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (String name : names) {
      String resource = prefix + name + suffix;
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("template resource " + resource + " is not on the class path");
        }
        sources.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read template resource " + resource + ": " + e.getMessage(), e);
      }
    }
    return sources;
  }

  /**
   * Returns the compiled template of a name: from the cache when it is on, else freshly compiled.
   *
   * @param name the template name
   * @return the compiled template
   * @throws IllegalArgumentException if there is no template of that name
   * @throws TemplateSyntaxException if its source does not compile
   */
  public Template template(String name) {
    Objects.requireNonNull(name, "name");
    return cacheEnabled ? cache.get(name, this::compile) : compile(name);
  }

  /**
   * Renders a template against a context.
   *
   * @param name the template name
   * @param context the root context, usually a {@code Map<String, ?>}
   * @return the rendered text
   * @throws IllegalArgumentException if there is no template of that name
   */
  public String render(String name, Object context) {
    return template(name).render(context);
  }

  /**
   * Returns the cache of compiled templates, keyed by template name, for probes to observe (it records
   * statistics, and sees no request when the cache is off).
   *
   * @return the live cache
   */
  public Cache<String, Template> cache() {
    return cache;
  }

  /**
   * Tells whether compiled templates are cached.
   *
   * @return false when every render compiles its template
   */
  public boolean cacheEnabled() {
    return cacheEnabled;
  }

  /**
   * Counts the compilations done since the service started.
   *
   * @return the number of templates compiled
   */
  public long compilations() {
    return compilations.sum();
  }

  /**
   * Lists the template names.
   *
   * @return the names of the loaded sources
   */
  public Set<String> names() {
    return sources.keySet();
  }

  /** Empties the cache of compiled templates; idempotent. */
  @Override
  public void close() {
    cache.invalidateAll();
    cache.cleanUp();
  }

  private Template compile(String name) {
    String source = sources.get(name);
    if (source == null) {
      throw new IllegalArgumentException("no template named '" + name + "'; templates are " + sources.keySet());
    }
    compilations.increment();
    return Template.compile(name, source);
  }
}
