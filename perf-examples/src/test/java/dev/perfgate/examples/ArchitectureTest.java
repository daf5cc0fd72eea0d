package dev.perfgate.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.perfgate.api.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of DESIGN.md, checked on the compiled product code of every module. */
final class ArchitectureTest {

  static final ArchRule API_KNOWS_ONLY_THE_JDK = noClasses().that().resideInAPackage("dev.perfgate.api..")
      .should().dependOnClassesThat().resideOutsideOfPackages("dev.perfgate.api..", "java..")
      .because("a custom probe needs only perf-api on its compile class path");

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
      .resideOutsideOfPackages("dev.perfgate.baseline..", "dev.perfgate.generator.report..")
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

  static final ArchRule INTERNALS_STAY_IN_THEIR_MODULE = noClasses().should(
          new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>(
              "access another module's internal packages") {
            @Override
            public void check(com.tngtech.archunit.core.domain.JavaClass item,
                com.tngtech.archunit.lang.ConditionEvents events) {
              String from = module(item.getPackageName());
              for (var d : item.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                if (target.startsWith("dev.perfgate.") && target.contains(".internal")
                    && !module(target).equals(from)
                    && !(SHARED_INTERNALS.contains(target) && SHARED_INTERNAL_USERS.contains(from))) {
                  events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(item, d.getDescription()));
                }
              }
            }
          })
      .because("internal packages are free to change; only their own module may use them (perf-api's shared"
          + " internals, the precondition helper and the statistics kernel, excepted for the library modules)");

  static final ArchRule NO_CONSOLE_OUTPUT = noClasses().that().resideOutsideOfPackage("dev.perfgate.examples..")
      .and().doNotHaveFullyQualifiedName("dev.perfgate.generator.ConsoleReporter")
      .and().resideOutsideOfPackage("dev.perfgate.generator.report..")
      .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
      .because("libraries log through System.Logger; only the console reporter prints");

  /**
   * A verdict's words and figures are for people: code that acts on a verdict reads its subject,
   * metric, status and typed detail. Only the renderer that every output goes through (and the
   * verdict itself, whose toString is its line) may read them.
   */
  static final ArchRule ONLY_THE_RENDERER_READS_VERDICT_WORDS = noClasses().that()
      .doNotHaveFullyQualifiedName("dev.perfgate.generator.internal.VerdictText")
      .and().doNotHaveFullyQualifiedName(Verdict.class.getName())
      .should().callMethod(Verdict.class, "message").orShould().callMethod(Verdict.class, "figures")
      .orShould().callMethod(Verdict.Detail.class, "message").orShould().callMethod(Verdict.Detail.class, "figures")
      .because("a verdict's words are rendered in one place; code that parses them back breaks when they change");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
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

  /** What the rule forbids: reading a verdict's outcome back from its words. */
  private static final class MessageParser {
    static boolean failed(Verdict v) {
      return v.message().endsWith("FAIL") || v.figures().containsKey("limit");
    }
  }
}
