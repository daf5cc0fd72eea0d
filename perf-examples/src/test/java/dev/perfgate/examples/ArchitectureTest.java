package dev.perfgate.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import dev.perfgate.api.Verdict;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.perfgate.examples.archfixture.Facade;
import dev.perfgate.examples.archfixture.a.internal.Secret;
import dev.perfgate.examples.archfixture.b.ReadsAnotherFeaturesInternals;
import dev.perfgate.examples.archfixture.internal.Impl;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of DESIGN.md, checked on the compiled product code of every module. */
final class ArchitectureTest {

  static final ArchRule API_KNOWS_ONLY_THE_JDK = noClasses().that().resideInAPackage("dev.perfgate.api..")
      .should().dependOnClassesThat().resideOutsideOfPackages("dev.perfgate.api..", "java..",
          "org.jspecify.annotations..")
      .because("a custom probe needs only perf-api (and its nullness annotations) on its compile class path");

  static final ArchRule COLLECTORS_DEPEND_ON_THE_API_ONLY = noClasses().that()
      .resideInAPackage("dev.perfgate.collectors..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.perfgate.baseline..", "dev.perfgate.generator..",
          "dev.perfgate.examples..")
      .because("dependencies flow one way: generator -> collectors -> api");

  static final ArchRule BASELINE_DEPENDS_ON_THE_API_ONLY = noClasses().that()
      .resideInAPackage("dev.perfgate.baseline..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.perfgate.collectors..", "dev.perfgate.generator..",
          "dev.perfgate.examples..")
      .because("dependencies flow one way: generator -> baseline -> api")
      .allowEmptyShould(true);

  static final ArchRule GENERATOR_DOES_NOT_KNOW_THE_EXAMPLES = noClasses().that()
      .resideInAPackage("dev.perfgate.generator..")
      .should().dependOnClassesThat().resideInAPackage("dev.perfgate.examples..")
      .because("examples use the library, never the reverse");

  static final ArchRule CAFFEINE_IS_FENCED = noClasses().that()
      .resideOutsideOfPackages("dev.perfgate.collectors.caffeine..", "dev.perfgate.examples..")
      .should().dependOnClassesThat().resideInAPackage("com.github.benmanes.caffeine..")
      .because("Caffeine is optional: only its probe package may load its classes");

  static final ArchRule MICROMETER_IS_FENCED = noClasses().that()
      .resideOutsideOfPackages("dev.perfgate.collectors.micrometer..", "dev.perfgate.generator.micrometer..",
          "dev.perfgate.examples..")
      .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
      .because("Micrometer is optional: only its probe and export packages may load its classes");

  static final ArchRule JUNIT_IS_FENCED = noClasses().that()
      .resideOutsideOfPackages("dev.perfgate.generator.junit..", "dev.perfgate.examples..")
      .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..")
      .because("nothing needs JUnit but the JUnit integration");

  static final ArchRule JACKSON_IS_FENCED = noClasses().that()
      // The benchmark commands read the JSON report that a user's @PerfTest wrote in a child JVM.
      .resideOutsideOfPackages("dev.perfgate.baseline..", "dev.perfgate.generator.report..",
          "dev.perfgate.examples.bench..")
      .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
      .because("JSON lives in the baseline store and the JSON report");

  /**
   * A package and its {@code internal} subpackage form one slice: a public factory that hands out
   * an internal implementation of a public interface is the intended shape (STYLE.md), so the
   * cycles that matter are those between features, such as the JFR and heap probes, or the suite
   * and its reports.
   */
  static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          String pkg = javaClass.getPackageName();
          if (!pkg.startsWith("dev.perfgate.")) {
            return SliceIdentifier.ignore();
          }
          int internal = pkg.indexOf(".internal");
          return SliceIdentifier.of(internal < 0 ? pkg : pkg.substring(0, internal));
        }

        @Override
        public String getDescription() {
          return "packages of dev.perfgate, each with its internal subpackage";
        }
      }).should().beFreeOfCycles()
      .because("cycles between features make modules impossible to split or understand");

  /**
   * The internal packages of perf-api that the other library modules may use: the one precondition
   * helper ({@code dev.perfgate.api.internal}) and the statistics kernel
   * ({@code dev.perfgate.api.internal.stats}), the one home of every statistical method. A later
   * {@code module-info} exports them only to the Perfgate modules; the examples use the API as users do.
   */
  private static final java.util.Set<String> SHARED_INTERNALS =
      java.util.Set.of("dev.perfgate.api.internal", "dev.perfgate.api.internal.stats");

  /** The library modules that may use perf-api's shared internals. */
  private static final java.util.Set<String> SHARED_INTERNAL_USERS = java.util.Set.of("collectors", "baseline", "generator");

  /**
   * The benchmark commands measure the library's own statistics between runs (variance components of
   * run medians), so they may use the statistics kernel; no other example may.
   */
  private static boolean benchUsesTheKernel(String fromPackage, String target) {
    return fromPackage.equals("dev.perfgate.examples.bench") && target.equals("dev.perfgate.api.internal.stats");
  }

  // classes(), not noClasses(): noClasses() negates the condition, so a condition that reports its
  // violations would never fail.
  static final ArchRule INTERNALS_STAY_IN_THEIR_MODULE = classes().should(
          new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>(
              "not access another module's internal packages") {
            @Override
            public void check(com.tngtech.archunit.core.domain.JavaClass item,
                com.tngtech.archunit.lang.ConditionEvents events) {
              String from = module(item.getPackageName());
              for (var d : item.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                if (target.startsWith("dev.perfgate.") && target.contains(".internal")
                    && !module(target).equals(from)
                    && !(SHARED_INTERNALS.contains(target) && SHARED_INTERNAL_USERS.contains(from))
                    && !benchUsesTheKernel(item.getPackageName(), target)) {
                  events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(item, d.getDescription()));
                }
              }
            }
          })
      .because("internal packages are free to change; only their own module may use them (perf-api's shared"
          + " internals, the precondition helper and the statistics kernel, excepted for the library modules)");

  /**
   * A package's {@code internal} subpackage belongs to that package: {@code collectors.caffeine.internal}
   * to the Caffeine integration, {@code collectors.internal} to the whole collectors module. What two
   * features share lives in the nearest internal package both own, or in a public type.
   */
  static final ArchRule NO_FEATURE_READS_ANOTHER_FEATURES_INTERNALS = classes().should(
          new ArchCondition<JavaClass>("not depend on the internal package of another feature") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
              String from = item.getPackageName();
              for (Dependency d : item.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                int internal = target.indexOf(".internal");
                if (!target.startsWith("dev.perfgate.") || internal < 0
                    || (SHARED_INTERNALS.contains(target) && SHARED_INTERNAL_USERS.contains(module(from)))
                    || benchUsesTheKernel(from, target)) {
                  continue;
                }
                String owner = target.substring(0, internal);
                if (!from.equals(owner) && !from.startsWith(owner + ".")) {
                  events.add(SimpleConditionEvent.violated(item, d.getDescription()));
                }
              }
            }
          })
      .because("an internal package is free to change with the feature that owns it (perf-api's shared"
          + " internals excepted for the library modules)");

  /**
   * A facade (a public class of a feature that hands out or uses that feature's internals) and the
   * implementation behind it must not import each other: the implementation gets what it needs (its
   * metrics, the heap readings) from its own internal package or from a public type that does not
   * reach back into the internals.
   */
  static final ArchRule NO_FACADE_IMPLEMENTATION_CYCLES = classes()
      .that().resideInAPackage("dev.perfgate..internal..")
      .should(new ArchCondition<JavaClass>("not depend on a class of its feature that depends back on the same"
          + " internal package") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
          String pkg = item.getPackageName();
          String feature = pkg.substring(0, pkg.indexOf(".internal"));
          for (Dependency d : item.getDirectDependenciesFromSelf()) {
            JavaClass facade = d.getTargetClass();
            if (!facade.getPackageName().equals(feature)) {
              continue;
            }
            for (Dependency back : facade.getDirectDependenciesFromSelf()) {
              if (back.getTargetClass().getPackageName().equals(pkg)) {
                events.add(SimpleConditionEvent.violated(item, d.getDescription() + ", and back: "
                    + back.getDescription()));
                break;
              }
            }
          }
        }
      })
      .because("a facade and its implementation that import each other cannot be read or changed apart");

  static final ArchRule ONLY_THE_SYSTEM_TICKER_READS_THE_CLOCK = noClasses()
      .that().resideInAPackage("dev.perfgate.generator..")
      .and().doNotHaveFullyQualifiedName("dev.perfgate.generator.internal.SystemTicker")
      .should().callMethod(System.class, "nanoTime")
      .because("the runner's time is injected (Ticker), so that its logic can be tested with a fake clock");

  static final ArchRule NO_CONSOLE_OUTPUT = noClasses().that().resideOutsideOfPackage("dev.perfgate.examples..")
      .and().doNotHaveFullyQualifiedName("dev.perfgate.generator.ConsoleReporter")
      .and().resideOutsideOfPackage("dev.perfgate.generator.report..")
      .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
      .because("libraries log through System.Logger; only the console reporter prints");

  /**
   * A call of {@code message()} or {@code figures()} on any verdict detail, by its interface or its
   * own type, from another class: a detail may say itself (its toString), but a detail that brings
   * others together takes their words through the methods they offer for it, never their message.
   */
  private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethodCall>
      READS_DETAIL_WORDS = new com.tngtech.archunit.base.DescribedPredicate<>(
          "message() or figures() of a Verdict.Detail") {
        @Override
        public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
          String name = call.getTarget().getName();
          return (name.equals("message") || name.equals("figures"))
              && call.getTarget().getRawParameterTypes().isEmpty()
              && call.getTargetOwner().isAssignableTo(Verdict.Detail.class)
              && !call.getOriginOwner().equals(call.getTargetOwner());
        }
      };

  /**
   * A verdict's words and figures are for people: code that acts on a verdict reads its subject,
   * metric, status and typed detail. Only the renderer that every output goes through (and the
   * verdict itself, whose toString is its line) may read them.
   */
  static final ArchRule ONLY_THE_RENDERER_READS_VERDICT_WORDS = noClasses().that()
      .doNotHaveFullyQualifiedName("dev.perfgate.generator.internal.VerdictText")
      .and().doNotHaveFullyQualifiedName(Verdict.class.getName())
      .should().callMethod(Verdict.class, "message").orShould().callMethod(Verdict.class, "figures")
      .orShould().callMethodWhere(READS_DETAIL_WORDS)
      .because("a verdict's words are rendered in one place; code that parses them back breaks when they change");

  /**
   * Every package says what may be null: its package-info is {@code @NullMarked} (JSpecify), so that
   * users' nullness tools read every parameter and result as non-null unless it says
   * {@code @Nullable}.
   */
  static final ArchRule EVERY_PACKAGE_IS_NULL_MARKED = classes().that().resideInAPackage("dev.perfgate..")
      .should(new ArchCondition<JavaClass>("reside in a package whose package-info.java is @NullMarked") {
        @Override
        public void check(JavaClass c, ConditionEvents events) {
          JavaPackage p = c.getPackage();
          if (p.tryGetPackageInfo().isEmpty() || !p.isAnnotatedWith(NullMarked.class)) {
            events.add(SimpleConditionEvent.violated(c, c.getName() + " resides in " + p.getName()
                + ", which has no package-info.java annotated @NullMarked; add one with a paragraph on the package"));
          }
        }
      })
      .because("JSpecify's nullness defaults hold only where a package says so");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    // The collectors' test-jar (the probe compatibility kit the example probe's test uses) is test
    // code too, but in a verify run it is a jar, which DO_NOT_INCLUDE_TESTS does not recognise.
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("dev.perfgate");
  }

  private static String module(String packageName) {
    String rest = packageName.substring("dev.perfgate.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  @Test
  void apiKnowsOnlyTheJdk() {
    API_KNOWS_ONLY_THE_JDK.check(classes);
  }

  @Test
  void modulesDependOneWay() {
    COLLECTORS_DEPEND_ON_THE_API_ONLY.check(classes);
    BASELINE_DEPENDS_ON_THE_API_ONLY.check(classes);
    GENERATOR_DOES_NOT_KNOW_THE_EXAMPLES.check(classes);
  }

  @Test
  void thirdPartyLibrariesAreFenced() {
    CAFFEINE_IS_FENCED.check(classes);
    MICROMETER_IS_FENCED.check(classes);
    JUNIT_IS_FENCED.check(classes);
    JACKSON_IS_FENCED.check(classes);
  }

  @Test
  void noPackageCycles() {
    NO_PACKAGE_CYCLES.check(classes);
  }

  @Test
  void internalsStayInTheirModule() {
    INTERNALS_STAY_IN_THEIR_MODULE.check(classes);
  }

  @Test
  void noFeatureReadsAnotherFeaturesInternals() {
    NO_FEATURE_READS_ANOTHER_FEATURES_INTERNALS.check(classes);
  }

  @Test
  void facadesAndImplementationsDoNotImportEachOther() {
    NO_FACADE_IMPLEMENTATION_CYCLES.check(classes);
  }

  @Test
  void featureInternalsRule_catchesAFeatureReadingAnothersInternals() {
    // A rule that sees no violation in a known offender checks nothing.
    JavaClasses offender = new ClassFileImporter().importClasses(ReadsAnotherFeaturesInternals.class,
        Secret.class);
    assertTrue(NO_FEATURE_READS_ANOTHER_FEATURES_INTERNALS.evaluate(offender).hasViolation());
    JavaClasses own = new ClassFileImporter().importClasses(Facade.class, Impl.class);
    assertFalse(NO_FEATURE_READS_ANOTHER_FEATURES_INTERNALS.evaluate(own).hasViolation(),
        "a feature may use its own internal package");
  }

  @Test
  void facadeRule_catchesAnImplementationThatImportsItsFacade() {
    JavaClasses cycle = new ClassFileImporter().importClasses(Facade.class, Impl.class);
    assertTrue(NO_FACADE_IMPLEMENTATION_CYCLES.evaluate(cycle).hasViolation());
  }

  @Test
  void onlyTheSystemTickerReadsTheClock() {
    ONLY_THE_SYSTEM_TICKER_READS_THE_CLOCK.check(classes);
  }

  @Test
  void onlyTheConsoleReporterPrints() {
    NO_CONSOLE_OUTPUT.check(classes);
  }

  @Test
  void onlyTheRendererReadsVerdictWords() {
    ONLY_THE_RENDERER_READS_VERDICT_WORDS.check(classes);
  }

  @Test
  void onlyTheRendererReadsVerdictWords_failsOnCodeThatParsesAMessage() {
    JavaClasses parser = new ClassFileImporter().importClasses(MessageParser.class);
    assertThrows(AssertionError.class, () -> ONLY_THE_RENDERER_READS_VERDICT_WORDS.check(parser));
  }

  @Test
  void onlyTheRendererReadsVerdictWords_failsOnCodeThatReadsAConcreteDetailsWords() {
    JavaClasses reader = new ClassFileImporter().importClasses(ConcreteDetailReader.class);
    assertThrows(AssertionError.class, () -> ONLY_THE_RENDERER_READS_VERDICT_WORDS.check(reader));
  }

  /** What the rule forbids too: words read through a detail's own type rather than the interface. */
  private static final class ConcreteDetailReader {
    static boolean stable(dev.perfgate.baseline.Trend t) {
      return t.message().startsWith("stable");
    }
  }

  @Test
  void everyPackageIsNullMarked() {
    EVERY_PACKAGE_IS_NULL_MARKED.check(classes);
  }

  @Test
  void everyPackageIsNullMarked_failsOnAPackageWithoutPackageInfo() {
    JavaClasses unmarked = new ClassFileImporter().importClasses(Facade.class);
    assertThrows(AssertionError.class, () -> EVERY_PACKAGE_IS_NULL_MARKED.check(unmarked));
  }

  /** Every main package of every module has a package-info.java with a paragraph (Javadoc) on the package. */
  @Test
  void everyPackageInfoHasAParagraph() throws java.io.IOException {
    java.nio.file.Path root = java.nio.file.Path.of("..").toAbsolutePath().normalize();
    java.util.List<String> missing = new java.util.ArrayList<>();
    java.util.Set<java.nio.file.Path> packages = new java.util.TreeSet<>();
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
      files.filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
          .filter(p -> p.getFileName().toString().endsWith(".java"))
          .filter(p -> !p.getFileName().toString().equals("module-info.java"))
          .filter(p -> !p.toString().contains("/target/"))
          .forEach(p -> packages.add(p.getParent()));
    }
    for (java.nio.file.Path dir : packages) {
      java.nio.file.Path info = dir.resolve("package-info.java");
      String text = java.nio.file.Files.exists(info) ? java.nio.file.Files.readString(info) : "";
      if (!text.contains("/**") || !text.contains("@NullMarked")) {
        missing.add(root.relativize(dir).toString());
      }
    }
    assertTrue(packages.size() > 30, "found only " + packages.size() + " packages under " + root);
    assertTrue(missing.isEmpty(), "packages without a package-info.java that has a paragraph and @NullMarked: "
        + missing);
  }

  /** What the rule forbids: reading a verdict's outcome back from its words. */
  private static final class MessageParser {
    static boolean failed(Verdict v) {
      return v.message().endsWith("FAIL") || v.figures().containsKey("limit");
    }
  }
}
