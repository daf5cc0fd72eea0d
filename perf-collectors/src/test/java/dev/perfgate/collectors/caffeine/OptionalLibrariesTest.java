package dev.perfgate.collectors.caffeine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Probe;
import dev.perfgate.collectors.internal.cache.CacheProbe;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loads perf-api and perf-collectors in a class loader that has neither Caffeine nor Micrometer,
 * as a user without those libraries has them, and checks that the classes a runner loads work
 * and that asking for the probes gives a clear message.
 */
final class OptionalLibrariesTest {

  private URLClassLoader isolated;

  @BeforeEach
  void isolate() {
    URL api = Probe.class.getProtectionDomain().getCodeSource().getLocation();
    URL collectors = CacheProbe.class.getProtectionDomain().getCodeSource().getLocation();
    isolated = new URLClassLoader("without-caffeine-and-micrometer", new URL[] {api, collectors},
        ClassLoader.getPlatformClassLoader());
  }

  @AfterEach
  void close() throws Exception {
    isolated.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"com.github.benmanes.caffeine.cache.Cache", "io.micrometer.core.instrument.MeterRegistry"})
  void isolatedLoader_reallyLacksTheLibraries(String name) {
    assertThrows(ClassNotFoundException.class, () -> Class.forName(name, false, isolated));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "dev.perfgate.collectors.internal.cache.CacheProbe",
      "dev.perfgate.collectors.internal.cache.CacheProbe$CacheSession",
      "dev.perfgate.collectors.internal.cache.CacheMetricSet",
      "dev.perfgate.collectors.internal.cache.CacheSource",
      "dev.perfgate.collectors.micrometer.internal.MeterDeltaProbe",
      "dev.perfgate.collectors.micrometer.internal.MeterDeltaProbe$DeltaSession",
      "dev.perfgate.collectors.micrometer.internal.CombinedProbe",
      "dev.perfgate.collectors.micrometer.internal.MeterSpec",
      "dev.perfgate.collectors.micrometer.internal.MeterLookup",
      "dev.perfgate.collectors.caffeine.CaffeineProbes",
      "dev.perfgate.collectors.caffeine.CaffeineChecks",
      "dev.perfgate.collectors.micrometer.MicrometerProbes",
  })
  void probeClass_loadsAndVerifiesWithoutTheLibraries(String name) throws Exception {
    // Initialising links the class, and linking verifies every method.
    Class<?> c = Class.forName(name, true, isolated);

    assertEquals(isolated, c.getClassLoader());
  }

  @Test
  void cacheProbe_runsATrialWithoutTheLibraries() throws Exception {
    Class<?> sourceType = Class.forName("dev.perfgate.collectors.internal.cache.CacheSource", true, isolated);
    long[] counter = {0};
    Object source = Proxy.newProxyInstance(isolated, new Class<?>[] {sourceType}, (proxy, method, args) -> {
      switch (method.getName()) {
        case "name":
          return "plain";
        case "declared":
        case "present":
          return 0b11;
        case "open":
          return Optional.empty();
        case "read":
          // Each read finds three more hits and one more miss: a window's ratio is 0.75.
          long[] into = (long[]) args[0];
          counter[0]++;
          into[0] = 3 * counter[0];
          into[1] = counter[0];
          return true;
        case "size":
          return 7L;
        default:
          return "n/a";
      }
    });
    Class<?> probeType = Class.forName("dev.perfgate.collectors.internal.cache.CacheProbe", true, isolated);
    Object probe = probeType.getConstructor(String.class, List.class).newInstance("plain", List.of(source));
    Map<String, Object> recorded = new LinkedHashMap<>();
    List<String> calls = new ArrayList<>();
    Class<?> recorderType = Class.forName("dev.perfgate.api.Probe$Recorder", true, isolated);
    Object recorder = Proxy.newProxyInstance(isolated, new Class<?>[] {recorderType}, (proxy, method, args) -> {
      calls.add(method.getName());
      switch (method.getName()) {
        case "operations":
          return 1L;
        case "elapsedNanos":
          return 1000L;
        case "record":
          recorded.put(args[0].toString().split(" ")[0], args[1]);
          return null;
        case "recordPerOperation":
          recorded.put(args[0].toString().split(" ")[0], args[1]);
          return null;
        default:
          return null;
      }
    });
    Class<?> contextType = Class.forName("dev.perfgate.api.RunContext", true, isolated);
    Class<?> keyType = Class.forName("dev.perfgate.api.BenchmarkKey", true, isolated);
    Object key = keyType.getMethod("of", String.class).invoke(null, "bench");
    Object context = Proxy.newProxyInstance(isolated, new Class<?>[] {contextType}, (proxy, method, args) -> {
      switch (method.getName()) {
        case "key":
          return key;
        case "trial":
          return 0;
        case "warmup":
          return false;
        default:
          return null;
      }
    });

    Object session = probeType.getMethod("open", contextType).invoke(probe, context);
    Class<?> sessionType = Class.forName("dev.perfgate.api.Probe$Session", true, isolated);
    sessionType.getMethod("beforeSample").invoke(session);
    sessionType.getMethod("afterSample", recorderType).invoke(session, recorder);
    sessionType.getMethod("close", recorderType).invoke(session, recorder);

    assertEquals(0.75, recorded.get("cache.plain.hit.ratio"), recorded.toString());
    assertEquals(7.0, recorded.get("cache.plain.size"), recorded.toString());
    assertEquals(0.75, recorded.get("cache.hit.ratio"), recorded.toString());
    assertTrue(calls.contains("recordPerOperation"), calls.toString());
  }

  @Test
  void caffeineProbes_withoutCaffeine_namesTheMissingArtifact() throws Exception {
    MethodHandle newBuilder = staticMethod("dev.perfgate.collectors.caffeine.CaffeineProbes", "newBuilder",
        "dev.perfgate.collectors.caffeine.CaffeineProbes$Builder");

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> newBuilder.invoke());

    assertTrue(e.getMessage().contains("com.github.ben-manes.caffeine:caffeine"), e.getMessage());
  }

  @Test
  void micrometerProbes_withoutMicrometer_namesTheMissingArtifact() throws Exception {
    MethodHandle global = staticMethod("dev.perfgate.collectors.micrometer.MicrometerProbes", "globalRegistry",
        "dev.perfgate.collectors.micrometer.MicrometerProbes$Builder");

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> global.invoke());

    assertTrue(e.getMessage().contains("io.micrometer:micrometer-core"), e.getMessage());
  }

  /**
   * Finds a static method the way compiled code calls it (resolving that method only). Core
   * reflection ({@code getMethod}) would resolve every signature of the class, which a class that
   * offers {@code bind(String, Cache)} cannot survive without Caffeine, and user code never does.
   */
  private MethodHandle staticMethod(String owner, String name, String returnType) throws Exception {
    Class<?> c = Class.forName(owner, true, isolated);
    return MethodHandles.publicLookup().findStatic(c, name, MethodType.methodType(Class.forName(returnType, false, isolated)));
  }
}
