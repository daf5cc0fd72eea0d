package dev.perfgate.collectors.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.CacheStats;
import com.google.common.cache.LoadingCache;
import com.google.common.util.concurrent.UncheckedExecutionException;
import dev.perfgate.api.Probe;
import dev.perfgate.collectors.ProbeContract;
import dev.perfgate.collectors.ProbeDriver;
import dev.perfgate.collectors.caffeine.CaffeineProbes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.cache.CaffeineStatsCounter;
import io.micrometer.core.instrument.binder.cache.GuavaCacheMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.logging.LoggingMeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class MicrometerProbesTest {

  @Nested
  final class Contract extends ProbeContract {
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final com.github.benmanes.caffeine.cache.Cache<String, String> cache =
        Caffeine.newBuilder().recordStats().executor(Runnable::run).build();

    Contract() {
      CaffeineCacheMetrics.monitor(registry, cache, "contract");
    }

    @Override
    protected Probe newProbe() {
      return MicrometerProbes.newBuilder(registry).cache("contract").build();
    }

    @Override
    protected long work() {
      for (int i = 0; i < 10; i++) {
        cache.get("key " + (i % 3), k -> "value of " + k);
      }
      return 10;
    }
  }

  /** The reference sequence of the Caffeine tests: 100 lookups, exactly 90 hits on "hot". */
  private interface Lookup {
    void get(String key) throws Exception;
  }

  private static void ninetyPercentSequence(Lookup cache, int round) {
    try {
      for (int i = 0; i < 100; i++) {
        cache.get(i % 10 == 0 ? "new-" + round + "-" + i : "hot");
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void guavaCache_throughGuavaBinder_givesTheSameRatioAsTheCaffeinePath() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    LoadingCache<String, String> guava = CacheBuilder.newBuilder().recordStats()
        .build(CacheLoader.from(key -> "value of " + key));
    guava.put("hot", "h");
    GuavaCacheMetrics.monitor(registry, guava, "schema");
    com.github.benmanes.caffeine.cache.Cache<String, String> caffeine =
        Caffeine.newBuilder().recordStats().executor(Runnable::run).build();
    caffeine.put("hot", "h");
    ProbeDriver viaMicrometer = new ProbeDriver(MicrometerProbes.newBuilder(registry).cache("schema").build());
    ProbeDriver viaCaffeine = new ProbeDriver(CaffeineProbes.bind("schema", caffeine).build());
    AtomicReference<CacheStats> guavaDelta = new AtomicReference<>();

    ProbeDriver.Window m = viaMicrometer.sample(1, () -> {
      CacheStats before = guava.stats();
      ninetyPercentSequence(guava::getUnchecked, 0);
      guavaDelta.set(guava.stats().minus(before));
    });
    ProbeDriver.Window c = viaCaffeine.sample(1,
        () -> ninetyPercentSequence(key -> caffeine.get(key, k -> "value of " + k), 0));
    ProbeDriver.Window trial = viaMicrometer.close();

    assertEquals(0.9, m.value("cache.schema.hit.ratio"));
    assertEquals(c.value("cache.schema.hit.ratio"), m.value("cache.schema.hit.ratio"));
    CacheStats d = guavaDelta.get();
    assertEquals(d.hitCount(), m.value("cache.schema.hits"));
    assertEquals(d.missCount(), m.value("cache.schema.misses"));
    assertEquals(d.loadCount(), m.value("cache.schema.loads"));
    assertEquals(d.loadExceptionCount(), m.value("cache.schema.load.failures"));
    assertEquals(d.evictionCount(), m.value("cache.schema.evictions"));
    assertEquals(d.loadCount(), m.value("cache.schema.puts"), "Guava's binder counts loads as puts");
    assertEquals(guava.size(), trial.value("cache.schema.size"));
    assertEquals(0.9, trial.value("cache.hit.ratio"));
  }

  @Test
  void caffeineCache_throughCaffeineBinder_matchesTheDirectProbeInTheSameSample() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    com.github.benmanes.caffeine.cache.LoadingCache<Integer, Integer> cache =
        Caffeine.newBuilder().maximumSize(10).recordStats().executor(Runnable::run).build(k -> k * 2);
    CaffeineCacheMetrics.monitor(registry, cache, "small");
    ProbeDriver outer = new ProbeDriver(MicrometerProbes.newBuilder(registry).cache("small").build());
    ProbeDriver inner = new ProbeDriver(CaffeineProbes.bind("small", cache).build());
    AtomicReference<ProbeDriver.Window> direct = new AtomicReference<>();

    ProbeDriver.Window m = outer.sample(1, (() -> direct.set(inner.sample(1, () -> {
      for (int i = 0; i < 30; i++) {
        cache.get(i % 15);
      }
      cache.cleanUp();
    }))));

    ProbeDriver.Window c = direct.get();
    for (String suffix : List.of("hit.ratio", "hits", "misses", "loads", "load.failures", "evictions", "load.time")) {
      assertEquals(c.value("cache.small." + suffix), m.value("cache.small." + suffix), suffix);
    }
    assertTrue(m.value("cache.small.evictions") > 0, m.toString());
  }

  @Test
  void caffeineCache_recordingIntoCaffeineStatsCounter_matchesTheDirectProbe() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    com.github.benmanes.caffeine.cache.LoadingCache<Integer, Integer> cache = Caffeine.newBuilder().maximumSize(10)
        .recordStats(() -> new CaffeineStatsCounter(registry, "counted")).executor(Runnable::run)
        .build(k -> {
          if (k % 7 == 0) {
            throw new IllegalStateException("load of " + k + " fails");
          }
          return k * 2;
        });
    ProbeDriver outer = new ProbeDriver(MicrometerProbes.newBuilder(registry).cache("counted").build());
    ProbeDriver inner = new ProbeDriver(CaffeineProbes.bind("counted", cache).build());
    AtomicReference<ProbeDriver.Window> direct = new AtomicReference<>();

    ProbeDriver.Window m = outer.sample(1, (() -> direct.set(inner.sample(1, () -> {
      for (int i = 0; i < 40; i++) {
        try {
          cache.get(i % 20);
        } catch (IllegalStateException expected) {
          // failed loads are part of what is counted
        }
      }
      cache.cleanUp();
    }))));

    ProbeDriver.Window c = direct.get();
    for (String suffix : List.of("hit.ratio", "hits", "misses", "loads", "load.failures", "evictions", "load.time")) {
      assertEquals(c.value("cache.counted." + suffix), m.value("cache.counted." + suffix), suffix);
    }
    assertTrue(m.value("cache.counted.load.failures") > 0, m.toString());
    assertTrue(m.value("cache.counted.evictions") > 0, m.toString());
  }

  @Test
  void cache_sameNameInTwoManagers_extraTagsSelectOneAndTheNameAloneSumsBoth() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    com.google.common.cache.Cache<String, String> a = CacheBuilder.newBuilder().recordStats().build();
    com.google.common.cache.Cache<String, String> b = CacheBuilder.newBuilder().recordStats().build();
    GuavaCacheMetrics.monitor(registry, a, "shared", "manager", "a");
    GuavaCacheMetrics.monitor(registry, b, "shared", "manager", "b");
    a.put("k", "v");
    ProbeDriver onlyA = new ProbeDriver(MicrometerProbes.newBuilder(registry).cache("shared", "manager", "a").build());
    ProbeDriver both = new ProbeDriver(MicrometerProbes.newBuilder(registry).cache("shared").build());
    AtomicReference<ProbeDriver.Window> inner = new AtomicReference<>();

    ProbeDriver.Window sum = both.sample(1, (() -> inner.set(onlyA.sample(1, () -> {
      a.getIfPresent("k");
      a.getIfPresent("k");
      a.getIfPresent("k");
      b.getIfPresent("k");
    }))));

    assertEquals(1.0, inner.get().value("cache.shared.hit.ratio"), "manager a alone: 3 hits of 3");
    assertEquals(0.75, sum.value("cache.shared.hit.ratio"), "both managers: 3 hits of 4");
  }

  @Test
  void cache_notBound_warnsWithTheFixAndMeasuresNothing() throws Exception {
    ProbeDriver harness = new ProbeDriver(MicrometerProbes.newBuilder(new SimpleMeterRegistry())
        .cache("schema").build());

    ProbeDriver.Window w = harness.sample(1, () -> { });

    assertTrue(harness.contextWarnings.get(0).contains("no cache named 'schema' is bound"), harness.contextWarnings.toString());
    assertTrue(harness.contextWarnings.get(0).contains("CaffeineCacheMetrics.monitor"), harness.contextWarnings.toString());
    assertTrue(w.values.isEmpty(), w.toString());
    assertTrue(w.notMeasured.containsKey("cache.schema.hit.ratio"));
  }

  @Test
  void cache_binderWithoutLoadMeters_reportsLoadsNotMeasured() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    // Like JCacheMetrics: gets, puts and evictions, but no cache.load meters.
    AtomicLong hits = new AtomicLong();
    AtomicLong misses = new AtomicLong();
    FunctionCounter.builder("cache.gets", hits, AtomicLong::get).tags("cache", "jc", "result", "hit").register(registry);
    FunctionCounter.builder("cache.gets", misses, AtomicLong::get).tags("cache", "jc", "result", "miss").register(registry);
    ProbeDriver harness = new ProbeDriver(MicrometerProbes.newBuilder(registry).cache("jc").build());

    ProbeDriver.Window w = harness.sample(4, () -> {
      hits.addAndGet(3);
      misses.incrementAndGet();
    });

    assertEquals(0.75, w.value("cache.jc.hit.ratio"));
    assertEquals(0.25, w.value("cache.jc.misses"));
    assertTrue(w.notMeasured.get("cache.jc.loads").contains("cache.load{cache=jc,result="), w.toString());
    assertTrue(w.notMeasured.get("cache.jc.evictions").contains("cache.evictions"), w.toString());
    assertFalse(w.values.containsKey("cache.jc.load.time"));
  }

  @Test
  void counter_deltaPerOperation_isExact() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    Counter select = registry.counter("jdbc.statements", "type", "select");
    Counter update = registry.counter("jdbc.statements", "type", "update");
    AtomicLong fetched = new AtomicLong();
    FunctionCounter.builder("rows.fetched", fetched, AtomicLong::get).register(registry);
    Probe probe = MicrometerProbes.newBuilder(registry)
        .counter("sql.statements", "jdbc.statements")
        .counter("sql.selects", "jdbc.statements", "type", "select")
        .counter("sql.rows", "rows.fetched")
        .build();
    ProbeDriver harness = new ProbeDriver(probe);

    ProbeDriver.Window w = harness.sample(10, () -> {
      for (int op = 0; op < 10; op++) {
        select.increment();
        select.increment();
        update.increment();
        fetched.addAndGet(7);
      }
    });
    ProbeDriver.Window trial = harness.close();

    assertEquals(3.0, w.value("sql.statements"), "meters matching the name are summed");
    assertEquals(2.0, w.value("sql.selects"));
    assertEquals(7.0, w.value("sql.rows"));
    assertEquals(3.0, trial.value("sql.statements"));
  }

  @Test
  void timerAndSummary_countAndTotalPerOperation_matchTheirOwnDeltas() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    Timer timer = registry.timer("render.time");
    DistributionSummary payload = registry.summary("payload.size");
    Probe probe = MicrometerProbes.newBuilder(registry)
        .timer("renders", "render.time")
        .summary("payload", "payload.size")
        .build();
    ProbeDriver harness = new ProbeDriver(probe);
    double[] timerDelta = new double[1];

    ProbeDriver.Window w = harness.sample(2, () -> {
      double before = timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS);
      for (int op = 0; op < 2; op++) {
        timer.record(() -> Math.sqrt(System.nanoTime()));
        payload.record(100);
        payload.record(300);
      }
      timerDelta[0] = timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) - before;
    });

    assertEquals(1.0, w.value("renders"));
    assertEquals(timerDelta[0] / 2, w.value("renders.time"));
    assertEquals(2.0, w.value("payload"));
    assertEquals(400.0, w.value("payload.total"));
  }

  @Test
  void counter_createdDuringTheTrial_isCountedFromTheSampleItAppearsIn() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    ProbeDriver harness = new ProbeDriver(MicrometerProbes.newBuilder(registry)
        .counter("db.queries", "queries").build());

    ProbeDriver.Window first = harness.sample(1, () -> { });
    ProbeDriver.Window second = harness.sample(2, () -> registry.counter("queries").increment(4));
    ProbeDriver.Window third = harness.sample(2, () -> registry.counter("queries").increment(2));
    ProbeDriver.Window trial = harness.close();

    assertTrue(first.notMeasured.get("db.queries").contains("no meter queries{}"), first.toString());
    assertEquals(2.0, second.value("db.queries"));
    assertEquals(1.0, third.value("db.queries"));
    assertEquals(1.5, trial.value("db.queries"), "divided by the operations of the measured samples only");
  }

  @Test
  void close_everyMetricHasAValueOrAReason() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    com.google.common.cache.Cache<String, String> guava = CacheBuilder.newBuilder().recordStats().build();
    GuavaCacheMetrics.monitor(registry, guava, "schema");
    registry.counter("queries");
    Probe probe = MicrometerProbes.newBuilder(registry).cache("schema").cache("absent")
        .counter("db.queries", "queries").timer("renders", "render.time").summary("payload", "payload.size").build();

    new ProbeDriver(probe).close().assertCovers(probe.metrics());
    ProbeDriver harness = new ProbeDriver(probe);
    harness.sample(1, () -> guava.getIfPresent("x")).assertCovers(probe.metrics().stream()
        .filter(m -> m.name().startsWith("cache.schema.") && !m.name().endsWith(".size")
            || !m.name().startsWith("cache.")).toList());
    harness.close().assertCovers(probe.metrics());
  }

  @Test
  void counter_namingATimer_saysWhatKindItIs() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    registry.timer("render.time");
    ProbeDriver harness = new ProbeDriver(MicrometerProbes.newBuilder(registry)
        .counter("renders", "render.time").build());

    ProbeDriver.Window w = harness.sample(1, () -> { });

    assertTrue(w.notMeasured.get("renders").contains("render.time{} is a timer"), w.toString());
  }

  @Test
  void meters_areLookedUpOncePerTrialNotPerSample() throws Exception {
    AtomicInteger finds = new AtomicInteger();
    MeterRegistry registry = new SimpleMeterRegistry() {
      @Override
      public Search find(String name) {
        finds.incrementAndGet();
        return super.find(name);
      }
    };
    Counter counter = registry.counter("queries");
    com.google.common.cache.Cache<String, String> guava = CacheBuilder.newBuilder().recordStats().build();
    GuavaCacheMetrics.monitor(registry, guava, "schema");
    ProbeDriver harness = new ProbeDriver(MicrometerProbes.newBuilder(registry)
        .cache("schema").counter("db.queries", "queries").build());
    int afterOpen = finds.get();

    for (int i = 0; i < 100; i++) {
      harness.sample(1, () -> {
        counter.increment();
        guava.getIfPresent("x");
      });
    }

    assertEquals(afterOpen, finds.get());
    assertEquals(1.0, harness.samples.get(99).value("db.queries"));
    assertEquals(0.0, harness.samples.get(99).value("cache.schema.hit.ratio"));
  }

  @Test
  void unavailable_compositeWithoutChildren_namesTheFix() {
    Probe probe = MicrometerProbes.newBuilder(new CompositeMeterRegistry()).counter("db.queries", "queries").build();

    assertTrue(probe.unavailable().orElseThrow().contains("has no child registry"), probe.unavailable().toString());
  }

  @Test
  void unavailable_stepRegistry_namesTheFix() {
    LoggingMeterRegistry step = new LoggingMeterRegistry();
    try {
      Probe probe = MicrometerProbes.newBuilder(step).cache("schema").build();

      assertTrue(probe.unavailable().orElseThrow().contains("step registry"), probe.unavailable().toString());
    } finally {
      step.close();
    }
  }

  @Test
  void unavailable_simpleRegistry_isEmpty() {
    CompositeMeterRegistry composite = new CompositeMeterRegistry();
    composite.add(new SimpleMeterRegistry());

    assertTrue(MicrometerProbes.newBuilder(composite).counter("q", "q").build().unavailable().isEmpty());
    assertTrue(MicrometerProbes.newBuilder(new SimpleMeterRegistry()).counter("q", "q").build().unavailable().isEmpty());
  }

  @Test
  void metrics_listCachesThenMeters() {
    Probe probe = MicrometerProbes.newBuilder(new SimpleMeterRegistry()).cache("schema")
        .timer("sql.statements", "jdbc").build();

    List<String> names = probe.metrics().stream().map(m -> m.name()).toList();

    assertEquals("micrometer", probe.id());
    assertTrue(names.containsAll(List.of("cache.hit.ratio", "cache.schema.hit.ratio", "cache.schema.puts",
        "sql.statements", "sql.statements.time")), names.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Sql", "sql..x", "", "1x", "cache.hits"})
  void counter_invalidMetricName_isRejected(String name) {
    assertThrows(IllegalArgumentException.class,
        () -> MicrometerProbes.newBuilder(new SimpleMeterRegistry()).counter(name, "meter"));
  }

  @Test
  void counter_oddTags_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MicrometerProbes.newBuilder(new SimpleMeterRegistry()).counter("q", "q", "type"));
    assertTrue(e.getMessage().contains("key-value pairs"), e.getMessage());
  }

  @Test
  void timer_metricNameClashingWithAnother_isRejected() {
    MicrometerProbes.Builder builder = MicrometerProbes.newBuilder(new SimpleMeterRegistry()).counter("sql.time", "a");

    assertThrows(IllegalArgumentException.class, () -> builder.timer("sql", "b"));
  }

  @Test
  void build_withNothing_isRejected() {
    assertThrows(IllegalStateException.class, () -> MicrometerProbes.newBuilder(new SimpleMeterRegistry()).build());
  }

  @Test
  void guavaLoad_failure_isCountedAsALoadFailure() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    LoadingCache<String, String> guava = CacheBuilder.newBuilder().recordStats()
        .build(CacheLoader.from(key -> {
          throw new IllegalStateException("load of " + key + " fails");
        }));
    GuavaCacheMetrics.monitor(registry, guava, "flaky");
    ProbeDriver harness = new ProbeDriver(MicrometerProbes.newBuilder(registry).cache("flaky").build());

    ProbeDriver.Window w = harness.sample(1, () -> {
      try {
        guava.getUnchecked("k");
      } catch (UncheckedExecutionException expected) {
        // the failure is what is being counted
      }
    });

    assertEquals(1.0, w.value("cache.flaky.load.failures"));
    assertEquals(1.0, w.value("cache.flaky.loads"));
    assertEquals(guava.stats().totalLoadTime(), w.value("cache.flaky.load.time"));
  }
}
