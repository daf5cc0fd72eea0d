package dev.perfgate.generator.junit;

import dev.perfgate.generator.Settings;
import dev.perfgate.generator.internal.fork.ForkEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link PerfTest}: resolves the {@link Perf} parameter and
 * catches the misuse that would otherwise pass in silence: a {@code @PerfTest} method without a
 * {@code Perf} parameter, or one that never runs a benchmark with it, fails with a message that says
 * so. It keeps no state of its own; what it needs between callbacks lives in the extension context's
 * store. The options of a test are read from its configuration parameters (for example
 * {@code perfgate.quick} in {@code junit-platform.properties}), falling back to system properties; a
 * {@code perfgate.*} key that is not a setting fails the test, naming the nearest one.
 */
public final class PerfgateExtension implements ParameterResolver, BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PerfgateExtension.class);

  /** Creates the extension; JUnit calls this. */
  public PerfgateExtension() {}

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<Method> method = context.getTestMethod();
    if (method.isPresent() && AnnotationSupport.isAnnotated(method.get(), PerfTest.class)
        && Arrays.stream(method.get().getParameterTypes()).noneMatch(t -> t == Perf.class)) {
      String name = method.get().getName();
      throw new IllegalStateException("@PerfTest method " + name + "() takes no Perf parameter, so it would measure"
          + " nothing; declare it as " + name + "(Perf perf) and run the benchmark with perf.run(...)");
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ForkEntry.leaveTest();
    Perf perf = context.getStore(NAMESPACE).get(Perf.class, Perf.class);
    if (perf != null && !perf.ran() && context.getExecutionException().isEmpty()) {
      throw new IllegalStateException("@PerfTest method " + context.getRequiredTestMethod().getName()
          + "() ran no benchmark; call perf.run(...) with the benchmark to measure");
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Perf.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    try {
      Set<String> visible = new HashSet<>(System.getProperties().stringPropertyNames());
      visible.addAll(junitPlatformPropertiesKeys());
      Settings.checkKeys(visible);
      Settings settings = Settings.from(
          key -> context.getConfigurationParameter(key).orElseGet(() -> System.getProperty(key)));
      String testName = context.getRequiredTestClass().getSimpleName() + "."
          + context.getTestMethod().map(Method::getName).orElse("test");
      Perf perf = new Perf(settings, settings.runOptions(), context::publishReportEntry, testName);
      context.getStore(NAMESPACE).put(Perf.class, perf);
      // A forked run reruns this very test (by its unique id) in the child to rebuild its benchmarks.
      ForkEntry.enterTest(context.getUniqueId());
      return perf;
    } catch (IllegalArgumentException e) {
      throw new ParameterResolutionException("bad Perfgate configuration: " + e.getMessage(), e);
    }
  }

  /**
   * The keys of the {@code junit-platform.properties} JUnit reads (the first on the class path), so
   * that a misspelt key there is caught as one in a system property is. Parameters given to the
   * launcher directly cannot be listed from an extension, so a typo there goes unnoticed.
   */
  private static Set<String> junitPlatformPropertiesKeys() {
    ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
        .orElse(PerfgateExtension.class.getClassLoader());
    URL url = loader.getResource("junit-platform.properties");
    if (url == null) {
      return Set.of();
    }
    Properties p = new Properties();
    try (InputStream in = url.openStream()) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url + ": " + e.getMessage(), e);
    }
    return p.stringPropertyNames();
  }
}
