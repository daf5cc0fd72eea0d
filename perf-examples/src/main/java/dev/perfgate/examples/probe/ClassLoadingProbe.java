package dev.perfgate.examples.probe;

import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.RunContext;
import dev.perfgate.api.Unit;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * A custom probe, written against {@code perf-api} alone: classes loaded per operation. A hot path
 * that loads classes on every call (a proxy or a lambda spun per request) shows up here, and a
 * target of zero catches it.
 */
public final class ClassLoadingProbe implements Probe {

  /** Classes loaded per operation, from the JVM's class-loading counter. */
  public static final Metric CLASSES_LOADED = Metric.of("classes.loaded", Unit.COUNT, Direction.LOWER_IS_BETTER);

  private final ClassLoadingMXBean classLoading = ManagementFactory.getClassLoadingMXBean();

  @Override
  public String id() {
    return "classes";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(CLASSES_LOADED);
  }

  @Override
  public Session open(RunContext context) {
    return new Session() {
      private long before;

      @Override
      public void beforeSample() {
        before = classLoading.getTotalLoadedClassCount();
      }

      @Override
      public void afterSample(Recorder recorder) {
        recorder.recordPerOperation(CLASSES_LOADED, classLoading.getTotalLoadedClassCount() - before);
      }
    };
  }
}
