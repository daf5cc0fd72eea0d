package dev.perfgate.baseline.postgres;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Gives test classes one {@link PostgresServer} shared by every class of the test run: started on
 * first need, kept in the root context's store, stopped when the run ends (and by a shutdown hook,
 * should the JVM end first). Declare a constructor or method parameter of type
 * {@code PostgresServer}.
 *
 * <p>Without PostgreSQL's binaries the classes are skipped with the reason, except under
 * {@code CI=true}, where they fail: CI installs the server ({@code .ci/run}), so missing binaries
 * there are a broken build, never a silent pass.
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(PostgresExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PostgresServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server(context);
  }

  private static PostgresServer server(ExtensionContext context) {
    requireBinaries(PostgresServer.binaries(), System.getenv("CI"));
    Object started = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("server", k -> {
      try {
        return PostgresServer.start(false);
      } catch (Exception e) {
        // Kept, so that every class reports the same cause instead of starting a server again.
        return new IllegalStateException("cannot start the test PostgreSQL: " + e.getMessage(), e);
      }
    });
    if (started instanceof IllegalStateException failure) {
      throw failure;
    }
    return (PostgresServer) started;
  }

  /**
   * Lets the tests run when the server's binaries were found; else skips them, or fails them on CI.
   *
   * @param binaries the directory of the binaries, if found
   * @param ci the value of the environment variable {@code CI}, or null
   * @throws TestAbortedException (a skip) without binaries outside CI
   * @throws IllegalStateException (a failure) without binaries under {@code CI=true}
   */
  static void requireBinaries(java.util.Optional<java.nio.file.Path> binaries, String ci) {
    if (binaries.isPresent()) {
      return;
    }
    if ("true".equalsIgnoreCase(ci)) {
      throw new IllegalStateException("CI=true and " + PostgresServer.missingMessage());
    }
    throw new TestAbortedException("skipped, " + PostgresServer.missingMessage() + " (under CI=true this fails instead)");
  }
}
