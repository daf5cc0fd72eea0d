package dev.perfgate.examples.scenario;

import dev.perfgate.examples.generator.GeneratorConfig;
import dev.perfgate.examples.generator.ServiceRegistry;
import dev.perfgate.examples.generator.schema.DemoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The real system the scenario measures: one database server per project size, H2 in server mode
 * listening over TCP on 127.0.0.1 on an ephemeral port, which the generator reads through JDBC as
 * the team's generator read its database (see {@link DemoDatabase#onServer(int)}); made once,
 * outside every measurement, since building a 100-table schema takes seconds and is not the
 * generator's work. Beside them, output directories in a temporary folder, and the generator's
 * switches read from system properties ({@code -Dgenerator.templateCache=false},
 * {@code -Dgenerator.extraSchemaPass=true}).
 *
 * <p>{@link #close()} closes the registries it started and stops every server (freeing its port
 * and its threads), also when a check failed; the scenario needs nothing running beforehand.
 */
public final class ScenarioFixture implements AutoCloseable {

  /** The project sizes of the scenario: small, medium, large, enterprise. */
  public static final List<Integer> SIZES = List.of(10, 25, 50, 100);

  private final Map<Integer, DemoDatabase> databases = new ConcurrentHashMap<>();
  private final List<AutoCloseable> opened = new ArrayList<>();
  private final Path root;
  private final Properties overrides;
  private volatile boolean closed;

  /**
   * Creates a fixture whose output goes under a new temporary folder.
   *
   * @param overrides the generator's switches, usually {@code System.getProperties()}
   */
  public ScenarioFixture(Properties overrides) {
    try {
      this.root = Files.createTempDirectory("perfgate-scenario-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for the generated files", e);
    }
    this.overrides = overrides;
  }

  /**
   * The database of a project size, created and served on first use.
   *
   * @param tables the number of tables
   * @return the database, served over TCP on the loopback
   * @throws IllegalStateException if the fixture is closed, or the database or its server cannot start
   */
  public DemoDatabase database(int tables) {
    if (closed) {
      throw new IllegalStateException("scenario fixture is closed; create a new one");
    }
    return databases.computeIfAbsent(tables, DemoDatabase::onServer);
  }

  /**
   * The generator's configuration for a project size, with a fresh output directory.
   *
   * @param tables the number of tables
   * @return the configuration
   */
  public GeneratorConfig config(int tables) {
    return GeneratorConfig.of(database(tables).jdbcUrl(), newOutputDir(tables)).withOverrides(overrides);
  }

  /**
   * Starts the services for a project size; the fixture closes them at the end.
   *
   * @param tables the number of tables
   * @return the started registry
   */
  public ServiceRegistry start(int tables) {
    ServiceRegistry registry = ServiceRegistry.start(config(tables));
    synchronized (opened) {
      opened.add(registry);
    }
    return registry;
  }

  /**
   * A new, empty output directory.
   *
   * @param tables the project size, for the directory's name
   * @return the directory
   */
  public Path newOutputDir(int tables) {
    try {
      return Files.createTempDirectory(root, "out-" + tables + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create an output directory under " + root, e);
    }
  }

  /**
   * Empties a directory, so that the next generation writes every file again.
   *
   * @param directory the directory
   */
  public static void empty(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(directory)) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty " + directory, e);
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (opened) {
      for (AutoCloseable c : opened) {
        try {
          c.close();
        } catch (Exception ignored) {
          // closing what the scenario opened; nothing to report on
        }
      }
      opened.clear();
    }
    for (DemoDatabase db : databases.values()) {
      try {
        db.close();
      } catch (RuntimeException e) {
        // stop the other servers all the same
        System.getLogger(ScenarioFixture.class.getName())
            .log(System.Logger.Level.WARNING, "cannot close " + db + ": " + e.getMessage());
      }
    }
    databases.clear();
    if (Files.exists(root)) {
      empty(root);
      try {
        Files.deleteIfExists(root);
      } catch (IOException ignored) {
        // a temporary folder left behind is harmless
      }
    }
  }
}
