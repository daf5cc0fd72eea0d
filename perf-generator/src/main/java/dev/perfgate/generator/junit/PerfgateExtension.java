package dev.perfgate.generator.junit;

import dev.perfgate.generator.Settings;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit Jupiter extension behind {@link PerfTest}: resolves the {@link Perf} parameter. It is
 * stateless; the options of a test are read from its configuration parameters (for example
 * {@code perfgate.quick} in {@code junit-platform.properties}), falling back to system properties.
 */
public final class PerfgateExtension implements ParameterResolver {

  /** Creates the extension; JUnit calls this. */
  public PerfgateExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Perf.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    try {
      Settings settings = Settings.from(
          key -> context.getConfigurationParameter(key).orElseGet(() -> System.getProperty(key)));
      String testName = context.getRequiredTestClass().getSimpleName() + "."
          + context.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
      return new Perf(settings, settings.runOptions(), context::publishReportEntry, testName);
    } catch (IllegalArgumentException e) {
      throw new ParameterResolutionException("bad Perfgate configuration: " + e.getMessage(), e);
    }
  }
}
