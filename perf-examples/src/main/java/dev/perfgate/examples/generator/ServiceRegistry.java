package dev.perfgate.examples.generator;

import dev.perfgate.examples.generator.files.FileService;
import dev.perfgate.examples.generator.schema.SchemaService;
import dev.perfgate.examples.generator.template.TemplateService;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Starts and wires the generator's services ("service initialization"): opens the connection pool and its
 * first connection, creates the schema and template caches, loads the template sources from the class path,
 * and prepares the file service. Closing it empties the caches and closes every pooled connection.
 *
 * <pre>{@code
 * try (DemoDatabase db = DemoDatabase.inMemory(50);
 *     ServiceRegistry registry = ServiceRegistry.start(GeneratorConfig.of(db.jdbcUrl(), outputDir))) {
 *   GenerationSummary summary = registry.generator().generate();
 * }
 * }</pre>
 */
public final class ServiceRegistry implements AutoCloseable {
  /** Where the template sources live on the class path: {@code <prefix><name>.tpl}. */
  static final String TEMPLATE_PREFIX = "dev/perfgate/examples/generator/templates/";

  private static final System.Logger LOG = System.getLogger(ServiceRegistry.class.getName());

  private final GeneratorConfig config;
  private final JdbcConnectionPool pool;
  private final SchemaService schema;
  private final TemplateService templates;
  private final FileService files;
  private final Generator generator;
  private volatile boolean closed;

  private ServiceRegistry(GeneratorConfig config, JdbcConnectionPool pool, SchemaService schema,
      TemplateService templates, FileService files) {
    this.config = config;
    this.pool = pool;
    this.schema = schema;
    this.templates = templates;
    this.files = files;
    this.generator = new Generator(schema, templates, files, config);
  }

  /**
   * Starts the services of a configuration.
   *
   * @param config the configuration
   * @return the started registry; close it to release its connections
   * @throws IllegalStateException if the database cannot be reached or a template resource is missing
   */
  public static ServiceRegistry start(GeneratorConfig config) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(config.jdbcUrl(), config.user(), config.password());
    try {
      pool.setMaxConnections(config.poolSize());
      // The first connection is the real cost of connecting, and a wrong URL should fail here, not mid-run.
      try (Connection c = pool.getConnection()) {
        c.getMetaData();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot connect to " + config.jdbcUrl() + ": " + e.getMessage(), e);
      }
      SchemaService schema = SchemaService.create(pool, config.schemaName(), config.schemaCacheSize());
      TemplateService templates = TemplateService.create(
          TemplateService.loadSources(ServiceRegistry.class.getClassLoader(), TEMPLATE_PREFIX, ".tpl",
              Generator.TEMPLATES),
          config.templateCache(), 64);
      FileService files = FileService.create(config.outputDir());
      LOG.log(Level.DEBUG, "generator services started: {0}", config);
      return new ServiceRegistry(config, pool, schema, templates, files);
    } catch (RuntimeException e) {
      pool.dispose();
      throw e;
    }
  }

  /**
   * Returns the schema service.
   *
   * @return the schema service, its caches observable through {@link SchemaService#cache()}
   * @throws IllegalStateException if the registry is closed
   */
  public SchemaService schema() {
    requireOpen();
    return schema;
  }

  /**
   * Returns the template service.
   *
   * @return the template service, its cache observable through {@link TemplateService#cache()}
   * @throws IllegalStateException if the registry is closed
   */
  public TemplateService templates() {
    requireOpen();
    return templates;
  }

  /**
   * Returns the file service.
   *
   * @return the file service writing under the configured output directory
   * @throws IllegalStateException if the registry is closed
   */
  public FileService files() {
    requireOpen();
    return files;
  }

  /**
   * Returns the generator wired to these services.
   *
   * @return the generator
   * @throws IllegalStateException if the registry is closed
   */
  public Generator generator() {
    requireOpen();
    return generator;
  }

  /**
   * Returns the configuration the registry started with.
   *
   * @return the configuration
   */
  public GeneratorConfig config() {
    return config;
  }

  /**
   * Counts the connections borrowed from the pool and not yet returned.
   *
   * @return the number of active connections (0 between operations and after closing)
   */
  public int activeConnections() {
    return pool.getActiveConnections();
  }

  /**
   * Tells whether the registry is closed.
   *
   * @return true after {@link #close()}
   */
  public boolean isClosed() {
    return closed;
  }

  /** Empties the caches and closes every pooled connection; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      schema.close();
      templates.close();
    } finally {
      pool.dispose();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("service registry is closed; start a new one with ServiceRegistry.start");
    }
  }
}
