package dev.perfgate.generator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Marks a performance test: a JUnit Jupiter {@link Test} with the {@link PerfgateExtension}, the tag
 * {@code perfgate}, and a lock on JUnit's global resource so that it never runs beside other tests
 * when the suite runs in parallel (a perf test wants a quiet JVM). The test method takes a
 * {@link Perf} parameter to run benchmarks and check targets.
 *
 * <p>Add your own category tags beside it ({@code @Tag("cache")}) to run a category alone with
 * {@code mvn test -Dgroups=cache}; {@code -DexcludedGroups=perfgate} leaves every perf test out of a
 * fast build.
 *
 * <pre>{@code
 * @PerfTest
 * void parsingStaysFast(Perf perf) {
 *   perf.run(Benchmark.of("json.parse", () -> mapper.readTree(json)),
 *       Target.on(Metric.WALL_TIME).p95().atMost(Duration.ofMillis(1)));
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Test
@Tag("perfgate")
@ExtendWith(PerfgateExtension.class)
@ResourceLock(value = PerfTest.GLOBAL_RESOURCE, mode = ResourceAccessMode.READ_WRITE)
public @interface PerfTest {

  /** JUnit's global resource key, the one {@code @Isolated} locks. */
  String GLOBAL_RESOURCE = "org.junit.platform.engine.support.hierarchical.ExclusiveResource.GLOBAL_KEY";
}
