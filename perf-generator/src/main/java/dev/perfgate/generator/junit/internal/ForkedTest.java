package dev.perfgate.generator.junit.internal;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * Reruns one JUnit test in a forked JVM through the JUnit Platform launcher, so that the test method
 * rebuilds its benchmarks (and the locals their lambdas capture) there. The outcome of the test in
 * the child does not matter: the run call the parent asked for writes its results and stops the
 * method; the parent judges them.
 */
public final class ForkedTest {
  private ForkedTest() {}

  /**
   * Runs the test.
   *
   * @param uniqueId its JUnit unique id, as the parent's extension context gave it
   */
  public static void run(String uniqueId) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectUniqueId(uniqueId))
        .build();
    // Listeners found on the class path (JUnit's own flight recording events among them) only slow the
    // fork's start; nobody reads this run's events.
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableLauncherDiscoveryListenerAutoRegistration(false)
        .enableTestExecutionListenerAutoRegistration(false)
        .enableLauncherSessionListenerAutoRegistration(false)
        .build());
    launcher.execute(request);
  }
}
