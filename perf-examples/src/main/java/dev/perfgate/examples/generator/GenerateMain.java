package dev.perfgate.examples.generator;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.perfgate.examples.generator.schema.DemoDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The generator's command line: creates the demo database and serves it with an H2 TCP server on 127.0.0.1
 * (an ephemeral port, stopped at the end), starts the services, runs full generations and prints what each did
 * and how long it took (measured with {@code System.nanoTime()} around the real work). With {@code --file-db}
 * the database is an embedded one, kept in files.
 *
 * <pre>
 * generate --tables 50 --out target/gen [--runs 2] [--file-db DIR] [--no-template-cache] [--extra-schema-pass]
 * </pre>
 *
 * <p>Through Maven: {@code ./mvnw -q -pl perf-examples -am compile exec:java@generate
 * -Dexec.args="generate --tables 50 --out target/gen"}. The system properties
 * {@code -Dgenerator.templateCache=false} and {@code -Dgenerator.extraSchemaPass=true} work as the options.
 */
public final class GenerateMain {
  private static final String USAGE = "usage: generate --tables N --out DIR [--runs R] [--file-db DIR]"
      + " [--no-template-cache] [--extra-schema-pass]\n"
      + "  --tables N           tables in the demo schema (>= 1)\n"
      + "  --out DIR            output directory of the generated files\n"
      + "  --runs R             full generations in a row, the first cold (default 1)\n"
      + "  --file-db DIR        an embedded database in files under DIR instead of a server on 127.0.0.1\n"
      + "  --no-template-cache  compile templates on every render (-Dgenerator.templateCache=false)\n"
      + "  --extra-schema-pass  re-read the schema uncached before each run (-Dgenerator.extraSchemaPass=true)";

  private GenerateMain() {}

  /**
   * Runs the command; exits with status 2 on a usage error.
   *
   * @param args the command and its options
   */
  public static void main(String[] args) {
    try {
      run(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("generate: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    }
  }

  /**
   * Runs the command, printing to a stream.
   *
   * @param args the command and its options
   * @param out where the report goes
   * @throws IllegalArgumentException if the arguments are wrong
   */
  static void run(String[] args, PrintStream out) {
    Options options = Options.parse(args);
    long t0 = System.nanoTime();
    try (DemoDatabase db = options.fileDb == null ? DemoDatabase.onServer(options.tables)
        : DemoDatabase.inFile(options.fileDb, options.tables)) {
      long t1 = System.nanoTime();
      out.printf(Locale.ROOT, "database: %d tables (%s) created in %.1f ms%n", options.tables, db.jdbcUrl(),
          ms(t1 - t0));
      GeneratorConfig config = GeneratorConfig.of(db.jdbcUrl(), options.out).withOverrides(System.getProperties());
      if (options.noTemplateCache) {
        config = config.withTemplateCache(false);
      }
      if (options.extraSchemaPass) {
        config = config.withExtraSchemaPass(true);
      }
      long t2 = System.nanoTime();
      try (ServiceRegistry registry = ServiceRegistry.start(config)) {
        long t3 = System.nanoTime();
        out.printf(Locale.ROOT, "services started in %.1f ms (template cache %s, extra schema pass %s)%n",
            ms(t3 - t2), config.templateCache() ? "on" : "off", config.extraSchemaPass() ? "on" : "off");
        for (int run = 1; run <= options.runs; run++) {
          CacheStats schemaBefore = registry.schema().cache().stats();
          CacheStats templatesBefore = registry.templates().cache().stats();
          long start = System.nanoTime();
          GenerationSummary summary = registry.generator().generate();
          long end = System.nanoTime();
          out.printf(Locale.ROOT, "run %d: %s in %.1f ms%n", run, summary, ms(end - start));
          out.printf(Locale.ROOT, "  schema cache: %s; template cache: %s; templates compiled so far: %d%n",
              describe(registry.schema().cache().stats().minus(schemaBefore)),
              describe(registry.templates().cache().stats().minus(templatesBefore)),
              registry.templates().compilations());
        }
        out.println("output: " + registry.files().root());
      }
    }
  }

  private static String describe(CacheStats s) {
    return String.format(Locale.ROOT, "%d hits, %d misses (hit ratio %s)", s.hitCount(), s.missCount(),
        s.requestCount() == 0 ? "n/a, no request" : String.format(Locale.ROOT, "%.1f %%", 100 * s.hitRate()));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** The parsed command line. */
  static final class Options {
    int tables = -1;
    Path out;
    int runs = 1;
    Path fileDb;
    boolean noTemplateCache;
    boolean extraSchemaPass;

    static Options parse(String[] args) {
      if (args.length == 0 || !args[0].equals("generate")) {
        throw new IllegalArgumentException("the command must be 'generate'" + (args.length == 0 ? ""
            : " (was '" + args[0] + "')"));
      }
      Options o = new Options();
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--tables":
            o.tables = positive(a, value(args, ++i, a));
            break;
          case "--out":
            o.out = Path.of(value(args, ++i, a));
            break;
          case "--runs":
            o.runs = positive(a, value(args, ++i, a));
            break;
          case "--file-db":
            o.fileDb = Path.of(value(args, ++i, a));
            break;
          case "--no-template-cache":
            o.noTemplateCache = true;
            break;
          case "--extra-schema-pass":
            o.extraSchemaPass = true;
            break;
          default:
            throw new IllegalArgumentException("unknown option '" + a + "'");
        }
      }
      if (o.tables < 0 || o.out == null) {
        throw new IllegalArgumentException("--tables and --out are required");
      }
      return o;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static int positive(String option, String value) {
      try {
        int n = Integer.parseInt(value);
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(option + " (" + value + ") must be a whole number >= 1");
    }
  }
}
