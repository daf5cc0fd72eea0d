package dev.perfgate.examples.generator;

import dev.perfgate.examples.generator.files.FileService;
import dev.perfgate.examples.generator.files.WriteOutcome;
import dev.perfgate.examples.generator.schema.SchemaService;
import dev.perfgate.examples.generator.schema.TableModel;
import dev.perfgate.examples.generator.template.TemplateService;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The model generator: for every table of the schema, a Java model class and a TypeScript type definition,
 * then one TypeScript index of all tables; each file written only if its content changed.
 *
 * <p>Files, under the output directory: {@code java/<package path>/<ClassName>.java},
 * {@code ts/<table-name>.d.ts} and {@code ts/index.ts}. So a generation of N tables produces 2N + 1 files.
 *
 * <p>Safe to call from several threads at once (the services are thread-safe), though threads generating the
 * same files into the same directory both count them as written or skipped.
 *
 * <pre>{@code
 * try (ServiceRegistry registry = ServiceRegistry.start(config)) {
 *   GenerationSummary summary = registry.generator().generate();
 * }
 * }</pre>
 */
public final class Generator {
  /** The template names, one per output kind. */
  public static final List<String> TEMPLATES = List.of("model", "types", "index");

  private static final System.Logger LOG = System.getLogger(Generator.class.getName());

  private final SchemaService schema;
  private final TemplateService templates;
  private final FileService files;
  private final boolean extraSchemaPass;
  private final Views views;

  Generator(SchemaService schema, TemplateService templates, FileService files, GeneratorConfig config) {
    this.schema = schema;
    this.templates = templates;
    this.files = files;
    this.extraSchemaPass = config.extraSchemaPass();
    this.views = new Views(config.javaPackage());
  }

  /**
   * Generates the files of every table and the index ("full generation").
   *
   * @return what was generated, written and skipped
   * @throws IllegalStateException if the registry is closed or the database cannot be read
   * @throws java.io.UncheckedIOException if a file cannot be written
   */
  public GenerationSummary generate() {
    List<String> names = schema.tableNames();
    if (extraSchemaPass) {
      checkCacheAgainstDatabase(names);
    }
    Tally tally = new Tally();
    List<Map<String, Object>> entries = new ArrayList<>(names.size());
    for (String name : names) {
      TableModel table = schema.table(name);
      generate(table, tally);
      entries.add(views.indexEntry(table));
    }
    String index = templates.render("index", Map.of("tables", entries, "tableCount", entries.size()));
    tally.add(files.write("ts/index.ts", index), index);
    return new GenerationSummary(names.size(), tally.models, tally.created, tally.updated, tally.skipped,
        tally.bytes);
  }

  /**
   * Generates the files of one table (its model class and its type definition), not the index.
   *
   * @param tableName the exact table name
   * @return what was generated, written and skipped
   * @throws IllegalArgumentException if the schema has no such table
   * @throws IllegalStateException if the registry is closed or the database cannot be read
   */
  public GenerationSummary generateTable(String tableName) {
    Tally tally = new Tally();
    generate(schema.table(tableName), tally);
    return new GenerationSummary(1, tally.models, tally.created, tally.updated, tally.skipped, tally.bytes);
  }

  /**
   * Renders the files of one table (its model class and its type definition) without writing them:
   * the template work of a generation alone.
   *
   * @param tableName the exact table name
   * @return the rendered texts, one per template
   * @throws IllegalArgumentException if the schema has no such table
   */
  public List<String> render(String tableName) {
    TableModel table = schema.table(tableName);
    Map<String, Object> view = views.table(table, schema::table);
    return List.of(templates.render("model", view), templates.render("types", view));
  }

  private void generate(TableModel table, Tally tally) {
    Map<String, Object> view = views.table(table, schema::table);
    String model = templates.render("model", view);
    tally.models++;
    tally.add(files.write(views.javaPath(table), model), model);
    String types = templates.render("types", view);
    tally.add(files.write(views.typesPath(table), types), types);
  }

  private void checkCacheAgainstDatabase(List<String> names) {
    int stale = 0;
    for (String name : names) {
      TableModel fresh = schema.readUncached(name);
      if (!fresh.equals(schema.table(name))) {
        stale++;
        schema.invalidate(name);
      }
    }
    if (stale > 0) {
      LOG.log(Level.WARNING, "{0} of {1} cached table models were stale and have been dropped", stale,
          names.size());
    }
  }

  /** Counts of one generation, kept locally so that concurrent generations do not mix their counts. */
  private static final class Tally {
    int models;
    int created;
    int updated;
    int skipped;
    long bytes;

    void add(WriteOutcome outcome, String content) {
      switch (outcome) {
        case CREATED:
          created++;
          break;
        case UPDATED:
          updated++;
          break;
        default:
          skipped++;
          return;
      }
      bytes += content.getBytes(StandardCharsets.UTF_8).length;
    }
  }
}
