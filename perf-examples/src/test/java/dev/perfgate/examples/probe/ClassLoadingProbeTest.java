package dev.perfgate.examples.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Probe;
import dev.perfgate.collectors.ProbeContract;
import dev.perfgate.api.Quantity;
import dev.perfgate.api.Result;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Status;
import dev.perfgate.api.Target;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.RunOptions;
import dev.perfgate.generator.Suite;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The custom probe is found through ServiceLoader, records real figures, and its target judges them. */
final class ClassLoadingProbeTest {

  @Nested
  final class Contract extends ProbeContract {
    private final byte[] bytes = classBytes(Loaded.class);

    @Override
    protected Probe newProbe() {
      return new ClassLoadingProbe();
    }

    @Override
    protected long work() {
      new OneShotLoader().define(Loaded.class.getName(), bytes);
      return 1;
    }
  }

  private static final RunOptions FAST = RunOptions.newBuilder().trials(2).samples(3)
      .sampleTime(Duration.ofMillis(5)).warmup(Duration.ofMillis(2)).firstWarmup(Duration.ofMillis(30))
      .maxWarmup(Duration.ofMillis(500)).build();

  private static final Target NO_CLASS_LOADING =
      Target.on(ClassLoadingProbe.CLASSES_LOADED).max().atMost(Quantity.count(0));
  /**
   * Work that loads no class, judged with room for a stray load: the probe counts the JVM's loads, and
   * a CI clone beside another build saw another thread load one during a sample ({@code max
   * classes.loaded 0.000 <= 0 FAIL}, a fraction of a class per operation).
   */
  private static final Target LESS_THAN_A_CLASS_PER_OPERATION =
      Target.on(ClassLoadingProbe.CLASSES_LOADED).max().atMost(Quantity.count(0.5));

  @Test
  void probe_isDiscoveredThroughServiceLoader_byItsId() {
    Report report = Suite.newBuilder().options(FAST).quiet().probes("classes")
        .benchmark(Benchmark.of("plain", () -> Math.sqrt(System.identityHashCode(this))),
            LESS_THAN_A_CLASS_PER_OPERATION)
        .build().run();
    assertTrue(report.probes().stream().anyMatch(p -> p.startsWith("classes (ServiceLoader")), report.probes().toString());
    Result r = report.result("plain").orElseThrow();
    assertTrue(r.metrics().contains(ClassLoadingProbe.CLASSES_LOADED), r.metrics().toString());
    assertEquals(Status.PASS, report.verdicts().get(0).status(), report.verdicts().get(0).message());
  }

  @Test
  void workThatLoadsAClassPerOperation_failsTheTarget_withOneClassPerOperation() {
    byte[] bytes = classBytes(Loaded.class);
    Report report = Suite.newBuilder().options(FAST).quiet().probes("classes")
        .benchmark(Benchmark.of("loads", () -> new OneShotLoader().define(Loaded.class.getName(), bytes)),
            NO_CLASS_LOADING)
        .build().run();
    Result r = report.result("loads").orElseThrow();
    assertEquals(1.0, r.statistic(ClassLoadingProbe.CLASSES_LOADED, Statistic.MEDIAN), 1e-9);
    assertEquals(Status.FAIL, report.verdicts().get(0).status());
    // The probe counts the JVM's class loads: another thread may load a class during one sample, so
    // the maximum per operation is 1 or a little above it.
    assertTrue(report.verdicts().get(0).message().matches(".*max classes\\.loaded 1(\\.\\d+)?  <= 0  FAIL.*"),
        report.verdicts().get(0).message());
  }

  private static byte[] classBytes(Class<?> type) {
    String resource = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A class loader used once: every definition is a newly loaded class. */
  private static final class OneShotLoader extends ClassLoader {
    OneShotLoader() {
      super(null);
    }

    Class<?> define(String name, byte[] bytes) {
      return defineClass(name, bytes, 0, bytes.length);
    }
  }

  /** The class loaded again and again. */
  static final class Loaded {}
}
