package dev.perfgate.collectors.caffeine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps Caffeine and Micrometer fenced in, so that users without them are not broken. */
final class CacheArchitectureTest {

  static final ArchRule CAFFEINE_ONLY_IN_ITS_PACKAGE = noClasses()
      .that().resideOutsideOfPackage("dev.perfgate.collectors.caffeine..")
      .should().dependOnClassesThat().resideInAPackage("com.github.benmanes.caffeine..")
      .because("Caffeine is optional; only the Caffeine integration may touch it");

  static final ArchRule MICROMETER_ONLY_IN_ITS_PACKAGE = noClasses()
      .that().resideOutsideOfPackage("dev.perfgate.collectors.micrometer..")
      .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
      .because("Micrometer is optional; only the Micrometer integration may touch it");

  static final ArchRule RUNNER_LOADED_CLASSES_NEED_NEITHER_LIBRARY = noClasses()
      .that().resideInAPackage("dev.perfgate.collectors.internal.cache")
      .or().haveNameMatching("dev\\.perfgate\\.collectors\\.micrometer\\.internal\\.(MeterDeltaProbe|CombinedProbe"
          + "|MeterSpec|MeterLookup).*")
      .should().dependOnClassesThat().resideInAnyPackage("com.github.benmanes.caffeine..", "io.micrometer..")
      .because("the runner loads and calls the probe classes, which must work when the libraries are absent");

  static final ArchRule INTERNALS_STAY_INTERNAL = classes()
      .that().resideInAPackage("dev.perfgate.collectors.internal.cache")
      .should().onlyBeAccessed().byClassesThat().resideInAnyPackage("dev.perfgate.collectors.caffeine..",
          "dev.perfgate.collectors.micrometer..", "dev.perfgate.collectors.internal.cache")
      .because("the shared cache probe is not an API; only the two cache integrations use it");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.perfgate.collectors");
  }

  @Test
  void caffeine_staysInItsPackage() {
    CAFFEINE_ONLY_IN_ITS_PACKAGE.check(classes);
  }

  @Test
  void micrometer_staysInItsPackage() {
    MICROMETER_ONLY_IN_ITS_PACKAGE.check(classes);
  }

  @Test
  void runnerLoadedProbeClasses_needNeitherLibrary() {
    RUNNER_LOADED_CLASSES_NEED_NEITHER_LIBRARY.check(classes);
  }

  @Test
  void caffeineRule_reportsAClassOutsideThePackageThatUsesCaffeine() {
    // The Micrometer tests use Caffeine caches: the rule must catch them, or it checks nothing.
    JavaClasses withTests = new ClassFileImporter().importPackages("dev.perfgate.collectors.micrometer");

    assertTrue(CAFFEINE_ONLY_IN_ITS_PACKAGE.evaluate(withTests).hasViolation());
  }

  @Test
  void internals_areUsedOnlyByTheIntegrations() {
    INTERNALS_STAY_INTERNAL.check(classes);
  }
}
