package dev.perfgate.examples.generator;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

/**
 * How the generator runs: where the database is, where files go, and the two switches of the regression demo.
 *
 * <p>The switches make the generator really slower, by doing more real work, never by waiting:
 * <ul>
 *   <li>{@code templateCache = false} ({@code -Dgenerator.templateCache=false}): every render compiles its
 *       template again instead of taking it from the template cache;</li>
 *   <li>{@code extraSchemaPass = true} ({@code -Dgenerator.extraSchemaPass=true}): before generating, every
 *       table is read again straight from {@code DatabaseMetaData}, bypassing the schema cache, and compared
 *       with the cached model (the "paranoid validation pass" a team might add).</li>
 * </ul>
 *
 * <pre>{@code
 * GeneratorConfig config = GeneratorConfig.of(db.jdbcUrl(), outputDir)
 *     .withOverrides(System.getProperties());
 * }</pre>
 *
 * @param jdbcUrl the JDBC URL of the database to read
 * @param user the database user
 * @param password the database password (not printed by {@link #toString()})
 * @param schemaName the schema to read, as the database stores it ({@code PUBLIC} in H2)
 * @param outputDir the directory generated files go under
 * @param javaPackage the package of the generated Java model classes
 * @param templateCache whether compiled templates are cached (the default); false compiles on every render
 * @param extraSchemaPass whether every generation first re-reads the whole schema, uncached (default false)
 * @param poolSize the most connections the pool opens, at least 1
 * @param schemaCacheSize the most table models the schema cache holds, at least 1
 */
public record GeneratorConfig(String jdbcUrl, String user, String password, String schemaName, Path outputDir,
    String javaPackage, boolean templateCache, boolean extraSchemaPass, int poolSize, long schemaCacheSize) {

  /** System property that turns the template cache off when {@code false}. */
  public static final String TEMPLATE_CACHE_PROPERTY = "generator.templateCache";
  /** System property that adds the uncached schema pass when {@code true}. */
  public static final String EXTRA_SCHEMA_PASS_PROPERTY = "generator.extraSchemaPass";

  /**
   * Checks the configuration.
   *
   * @throws IllegalArgumentException if a name is blank, the Java package is not a dotted Java name, or a size
   *     is below 1
   */
  public GeneratorConfig {
    requireText("JDBC URL", jdbcUrl);
    requireText("database user", user);
    Objects.requireNonNull(password, "password");
    requireText("schema name", schemaName);
    Objects.requireNonNull(outputDir, "outputDir");
    requireText("Java package", javaPackage);
    if (!javaPackage.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")) {
      throw new IllegalArgumentException("Java package (" + javaPackage
          + ") must be dotted lower-case Java names, such as com.acme.model");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("pool size (" + poolSize + ") must be >= 1");
    }
    if (schemaCacheSize < 1) {
      throw new IllegalArgumentException("schema cache size (" + schemaCacheSize + ") must be >= 1");
    }
  }

  /**
   * The default configuration for a database and an output directory: user {@code sa}, empty password, schema
   * {@code PUBLIC}, package {@code com.example.model}, template cache on, no extra schema pass, 4 connections,
   * 10,000 cached tables.
   *
   * @param jdbcUrl the JDBC URL of the database
   * @param outputDir the directory generated files go under
   * @return the configuration
   * @throws IllegalArgumentException if the URL is blank
   */
  public static GeneratorConfig of(String jdbcUrl, Path outputDir) {
    return new GeneratorConfig(jdbcUrl, "sa", "", "PUBLIC", outputDir, "com.example.model", true, false, 4,
        10_000);
  }

  /**
   * Returns this configuration with the template cache on or off.
   *
   * @param enabled false to compile templates on every render
   * @return a new configuration
   */
  public GeneratorConfig withTemplateCache(boolean enabled) {
    return new GeneratorConfig(jdbcUrl, user, password, schemaName, outputDir, javaPackage, enabled,
        extraSchemaPass, poolSize, schemaCacheSize);
  }

  /**
   * Returns this configuration with the extra, uncached schema pass on or off.
   *
   * @param enabled true to re-read the whole schema before every generation
   * @return a new configuration
   */
  public GeneratorConfig withExtraSchemaPass(boolean enabled) {
    return new GeneratorConfig(jdbcUrl, user, password, schemaName, outputDir, javaPackage, templateCache, enabled,
        poolSize, schemaCacheSize);
  }

  /**
   * Returns this configuration with another output directory.
   *
   * @param directory the directory generated files go under
   * @return a new configuration
   */
  public GeneratorConfig withOutputDir(Path directory) {
    return new GeneratorConfig(jdbcUrl, user, password, schemaName, directory, javaPackage, templateCache,
        extraSchemaPass, poolSize, schemaCacheSize);
  }

  /**
   * Applies the switches found in properties (usually {@code System.getProperties()}):
   * {@value #TEMPLATE_CACHE_PROPERTY} and {@value #EXTRA_SCHEMA_PASS_PROPERTY}. An absent property leaves the
   * setting as it is.
   *
   * @param properties where to look
   * @return a new configuration
   * @throws IllegalArgumentException if a property is set to something other than {@code true} or
   *     {@code false}
   */
  public GeneratorConfig withOverrides(Properties properties) {
    GeneratorConfig c = this;
    String cache = properties.getProperty(TEMPLATE_CACHE_PROPERTY);
    if (cache != null) {
      c = c.withTemplateCache(parseBoolean(TEMPLATE_CACHE_PROPERTY, cache));
    }
    String pass = properties.getProperty(EXTRA_SCHEMA_PASS_PROPERTY);
    if (pass != null) {
      c = c.withExtraSchemaPass(parseBoolean(EXTRA_SCHEMA_PASS_PROPERTY, pass));
    }
    return c;
  }

  @Override
  public String toString() {
    return "GeneratorConfig[" + jdbcUrl + ", schema " + schemaName + ", out " + outputDir + ", package "
        + javaPackage + ", templateCache " + templateCache + ", extraSchemaPass " + extraSchemaPass + ", pool "
        + poolSize + ", schemaCacheSize " + schemaCacheSize + "]";
  }

  private static boolean parseBoolean(String property, String value) {
    String v = value.strip();
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("system property " + property + " (" + value + ") must be true or false");
  }

  private static void requireText(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " (" + value + ") must not be blank");
    }
  }
}
