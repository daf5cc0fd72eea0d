package dev.perfgate.collectors.caffeine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.Statistic;
import dev.perfgate.api.Target;
import dev.perfgate.api.Unit;
import dev.perfgate.collectors.ProbeContract;
import dev.perfgate.collectors.ProbeDriver;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class CaffeineProbesTest {

  @Nested
  final class Contract extends ProbeContract {
    private final Cache<String, String> cache = recordingCache();

    @Override
    protected Probe newProbe() {
      return CaffeineProbes.bind("contract", cache).build();
    }

    @Override
    protected long work() {
      for (int i = 0; i < 10; i++) {
        cache.get("key " + (i % 3), k -> "value of " + k);
      }
      return 10;
    }
  }

  private static Cache<String, String> recordingCache() {
    return Caffeine.newBuilder().recordStats().executor(Runnable::run).build();
  }

  /** 100 lookups, of which exactly 90 hit the preloaded key "hot" and 10 miss on new keys. */
  static void ninetyPercentSequence(Cache<String, String> cache, int round) {
    for (int i = 0; i < 100; i++) {
      String key = i % 10 == 0 ? "new-" + round + "-" + i : "hot";
      cache.get(key, k -> "value of " + k);
    }
  }

  @Test
  void sample_ninetyPercentSequence_reportsExactRatioAndCaffeinesOwnCounts() throws Exception {
    Cache<String, String> cache = recordingCache();
    cache.put("hot", "h");
    ProbeDriver harness = new ProbeDriver(CaffeineProbes.bind("schema", cache).build());
    AtomicReference<CacheStats> delta = new AtomicReference<>();

    ProbeDriver.Window w = harness.sample(1, () -> {
      CacheStats before = cache.stats();
      ninetyPercentSequence(cache, 0);
      delta.set(cache.stats().minus(before));
    });

    CacheStats d = delta.get();
    assertEquals(0.9, w.value("cache.schema.hit.ratio"));
    assertEquals(d.hitRate(), w.value("cache.schema.hit.ratio"));
    assertEquals(90, d.hitCount());
    assertEquals(d.hitCount(), w.value("cache.schema.hits"));
    assertEquals(d.missCount(), w.value("cache.schema.misses"));
    assertEquals(d.loadCount(), w.value("cache.schema.loads"));
    assertEquals(d.loadFailureCount(), w.value("cache.schema.load.failures"));
    assertEquals(d.evictionCount(), w.value("cache.schema.evictions"));
    assertEquals(d.averageLoadPenalty(), w.value("cache.schema.load.time"));
    assertTrue(w.notMeasured.isEmpty(), w.toString());
    assertFalse(w.values.containsKey("cache.hit.ratio"), "totals are trial values only");
    assertEquals(0.9, harness.close().value("cache.hit.ratio"), "one cache: the total equals the cache");
  }

  @Test
  void sample_countsAreDividedByOperations() throws Exception {
    Cache<String, String> cache = recordingCache();
    cache.put("hot", "h");
    ProbeDriver harness = new ProbeDriver(CaffeineProbes.bind("schema", cache).build());

    ProbeDriver.Window w = harness.sample(100, () -> ninetyPercentSequence(cache, 0));

    assertEquals(0.9, w.value("cache.schema.hits"));
    assertEquals(0.1, w.value("cache.schema.misses"));
    assertEquals(0.9, w.value("cache.schema.hit.ratio"), "a ratio is not divided by operations");
  }

  @Test
  void close_trialValuesPoolTheSamplesAndGiveTheSize() throws Exception {
    Cache<String, String> cache = recordingCache();
    cache.put("hot", "h");
    ProbeDriver harness = new ProbeDriver(CaffeineProbes.bind("schema", cache).build());
    CacheStats start = cache.stats();

    harness.sample(100, () -> ninetyPercentSequence(cache, 0));
    // Between samples: not measured, so not counted.
    cache.getIfPresent("absent");
    harness.sample(10, () -> {
      for (int i = 0; i < 10; i++) {
        cache.getIfPresent("absent-" + i);
      }
    });
    ProbeDriver.Window trial = harness.close();

    assertEquals(0.0, harness.samples.get(1).value("cache.schema.hit.ratio"));
    assertEquals(90.0 / 110, trial.value("cache.schema.hit.ratio"), "pooled counts, not a mean of ratios");
    assertEquals(20.0 / 110, trial.value("cache.schema.misses"));
    assertEquals(cache.estimatedSize(), trial.value("cache.schema.size"));
    assertEquals(11, trial.value("cache.size"));
    assertEquals(21, cache.stats().minus(start).missCount(), "the miss between samples happened");
  }

  @Test
  void sample_withoutRequests_hitRatioNotMeasured() throws Exception {
    Cache<String, String> cache = recordingCache();
    ProbeDriver harness = new ProbeDriver(CaffeineProbes.bind("schema", cache).build());

    ProbeDriver.Window w = harness.sample(1, () -> cache.put("a", "b"));
    ProbeDriver.Window trial = harness.close();

    assertFalse(w.values.containsKey("cache.schema.hit.ratio"));
    assertTrue(w.notMeasured.get("cache.schema.hit.ratio").contains("no requests to cache 'schema'"),
        w.toString());
    assertTrue(w.notMeasured.get("cache.schema.load.time").contains("no loads"), w.toString());
    assertEquals(0.0, w.value("cache.schema.hits"), "a real count of zero");
    assertTrue(trial.notMeasured.containsKey("cache.hit.ratio"), trial.toString());
  }

  @Test
  void sample_maximumSize_countsEvictionsAsCaffeineDoes() throws Exception {
    Cache<Integer, Integer> cache = Caffeine.newBuilder().maximumSize(10).recordStats()
        .executor(Runnable::run).build();
    ProbeDriver harness = new ProbeDriver(CaffeineProbes.bind("small", cache).build());
    AtomicReference<CacheStats> delta = new AtomicReference<>();

    ProbeDriver.Window w = harness.sample(1, () -> {
      CacheStats before = cache.stats();
      for (int i = 0; i < 30; i++) {
        cache.get(i, k -> k * 2);
      }
      cache.cleanUp();
      delta.set(cache.stats().minus(before));
    });
    ProbeDriver.Window trial = harness.close();

    assertEquals(20, delta.get().evictionCount());
    assertEquals(20.0, w.value("cache.small.evictions"));
    assertEquals(30.0, w.value("cache.small.misses"));
    assertEquals(0.0, w.value("cache.small.hit.ratio"));
    assertEquals(10.0, trial.value("cache.small.size"));
  }

  @Test
  void sample_failedLoads_areCountedAsCaffeineDoes() throws Exception {
    Cache<Integer, String> cache = Caffeine.newBuilder().recordStats().executor(Runnable::run).build();
    ProbeDriver harness = new ProbeDriver(CaffeineProbes.bind("flaky", cache).build());
    AtomicReference<CacheStats> delta = new AtomicReference<>();

    ProbeDriver.Window w = harness.sample(1, () -> {
      CacheStats before = cache.stats();
      for (int i = 0; i < 10; i++) {
        try {
          cache.get(i, k -> {
            if (k % 5 == 0) {
              throw new IllegalStateException("load of " + k + " fails");
            }
            return k % 5 == 1 ? null : "v" + k;
          });
        } catch (IllegalStateException expected) {
          // the failure is what is being counted
        }
      }
      delta.set(cache.stats().minus(before));
    });

    CacheStats d = delta.get();
    assertEquals(4, d.loadFailureCount(), "2 exceptions and 2 null values");
    assertEquals(4.0, w.value("cache.flaky.load.failures"));
    assertEquals(10.0, w.value("cache.flaky.loads"));
    assertEquals(d.averageLoadPenalty(), w.value("cache.flaky.load.time"));
  }

  @Test
  void probe_cacheWithoutRecordStats_warnsWithTheFixAndMeasuresNothing() throws Exception {
    Cache<String, String> plain = Caffeine.newBuilder().build();
    Cache<String, String> recording = recordingCache();
    Probe probe = CaffeineProbes.bind("schema", plain).bind("templates", recording).build();
    ProbeDriver harness = new ProbeDriver(probe);

    ProbeDriver.Window w = harness.sample(1, () -> {
      plain.get("a", k -> k);
      recording.get("a", k -> k);
    });
    ProbeDriver.Window trial = harness.close();

    assertEquals(List.of("cache 'schema' is not recording statistics; build it with Caffeine.newBuilder().recordStats()"),
        harness.contextWarnings);
    for (ProbeDriver.Window window : List.of(w, trial)) {
      for (String name : window.values.keySet()) {
        assertTrue(name.startsWith("cache.templates."), "only the recording cache has values: " + window);
      }
      assertTrue(window.notMeasured.get("cache.schema.hits").contains("recordStats()"), window.toString());
    }
    assertTrue(trial.notMeasured.get("cache.hit.ratio").contains("recordStats()"),
        "the total would leave a cache out: " + trial);
    assertEquals(0.0, w.value("cache.templates.hit.ratio"));
    assertTrue(trial.notMeasured.containsKey("cache.schema.size"));
  }

  @Test
  void probe_warnsOncePerVariantNotOncePerTrial() throws Exception {
    Probe probe = CaffeineProbes.bind("schema", Caffeine.newBuilder().build()).build();

    ProbeDriver first = new ProbeDriver(probe, BenchmarkKey.of("a"), 0);
    ProbeDriver second = new ProbeDriver(probe, BenchmarkKey.of("a"), 1);
    ProbeDriver other = new ProbeDriver(probe, BenchmarkKey.of("b"), 0);

    assertEquals(1, first.contextWarnings.size());
    assertEquals(0, second.contextWarnings.size());
    assertEquals(1, other.contextWarnings.size());
  }

  @Test
  void probe_twoCaches_totalPoolsTheirCounts() throws Exception {
    Cache<String, String> a = recordingCache();
    Cache<String, String> b = recordingCache();
    a.put("hot", "h");
    ProbeDriver harness = new ProbeDriver(CaffeineProbes.bind("a", a).bind("b", b).build());

    ProbeDriver.Window w = harness.sample(1, () -> {
      ninetyPercentSequence(a, 0);
      for (int i = 0; i < 100; i++) {
        b.getIfPresent("nothing-" + i);
      }
    });

    ProbeDriver.Window trial = harness.close();

    assertEquals(0.9, w.value("cache.a.hit.ratio"));
    assertEquals(0.0, w.value("cache.b.hit.ratio"));
    assertEquals(0.45, trial.value("cache.hit.ratio"));
    assertEquals(110.0, trial.value("cache.misses"));
  }

  @Test
  void probe_asyncCache_isReadThroughItsSynchronousView() throws Exception {
    AsyncCache<String, String> cache = Caffeine.newBuilder().recordStats().executor(Runnable::run).buildAsync();
    ProbeDriver harness = new ProbeDriver(CaffeineProbes.bind("remote", cache).build());

    ProbeDriver.Window w = harness.sample(1, () -> {
      cache.get("k", k -> "v").join();
      cache.get("k", k -> "v").join();
    });

    assertEquals(0.5, w.value("cache.remote.hit.ratio"));
  }

  @Test
  void probe_doesNotKeepTheCacheAlive() throws Exception {
    Cache<String, String> cache = recordingCache();
    Probe probe = CaffeineProbes.bind("schema", cache).build();
    WeakReference<Cache<String, String>> ref = new WeakReference<>(cache);
    cache = null;

    for (int i = 0; i < 50 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }

    assertNull(ref.get(), "the probe must hold the cache weakly");
    ProbeDriver harness = new ProbeDriver(probe);
    assertTrue(harness.contextWarnings.get(0).contains("garbage-collected"), harness.contextWarnings.toString());
    ProbeDriver.Window w = harness.sample(1, () -> { });
    assertTrue(w.values.isEmpty(), w.toString());
  }

  @Test
  void sample_cacheCollectedDuringTheTrial_warnsOnceAndStopsMeasuringIt() throws Exception {
    Cache<String, String> kept = recordingCache();
    Cache<String, String> dropped = recordingCache();
    Probe probe = CaffeineProbes.bind("kept", kept).bind("dropped", dropped).build();
    ProbeDriver harness = new ProbeDriver(probe);
    WeakReference<Cache<String, String>> ref = new WeakReference<>(dropped);
    harness.sample(1, () -> kept.getIfPresent("a"));
    dropped = null;
    for (int i = 0; i < 50 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(ref.get(), "the probe must hold the cache weakly");

    ProbeDriver.Window second = harness.sample(1, () -> kept.getIfPresent("a"));
    ProbeDriver.Window third = harness.sample(1, () -> kept.getIfPresent("a"));
    ProbeDriver.Window trial = harness.close();

    assertEquals(1, second.warnings.size(), second.toString());
    assertTrue(second.warnings.get(0).contains("cache 'dropped' was garbage-collected"), second.toString());
    assertTrue(third.warnings.isEmpty(), third.toString());
    assertTrue(second.notMeasured.containsKey("cache.dropped.hit.ratio"), second.toString());
    assertEquals(0.0, second.value("cache.kept.hit.ratio"));
    assertTrue(trial.notMeasured.get("cache.hit.ratio").contains("garbage-collected"), trial.toString());
    assertEquals(1.0, trial.value("cache.kept.misses"), "the cache still there: 3 misses in 3 operations");
  }

  @Test
  void close_everyMetricHasAValueOrAReason_withAndWithoutSamples() throws Exception {
    Cache<String, String> recording = recordingCache();
    Probe probe = CaffeineProbes.bind("a", recording).bind("plain", Caffeine.newBuilder().build()).build();
    Probe healthy = CaffeineProbes.bind("a", recording).build();

    ProbeDriver noSamples = new ProbeDriver(healthy);
    noSamples.close().assertCovers(healthy.metrics());
    ProbeDriver withSamples = new ProbeDriver(healthy);
    withSamples.sample(1, () -> recording.getIfPresent("x"));
    withSamples.close().assertCovers(healthy.metrics());
    ProbeDriver oneNotRecording = new ProbeDriver(probe);
    oneNotRecording.sample(1, () -> recording.getIfPresent("x"));
    oneNotRecording.close().assertCovers(probe.metrics());

    assertTrue(new ProbeDriver(healthy).close().notMeasured.get("cache.a.hits").contains("no sample"));
  }

  @Test
  void metrics_nameUnitAndDirectionFollowTheScheme() {
    Probe probe = CaffeineProbes.bind("schema", recordingCache()).build();

    Map<String, Metric> byName = new HashMap<>();
    probe.metrics().forEach(m -> byName.put(m.name(), m));

    assertEquals("caffeine", probe.id());
    assertEquals(Unit.RATIO, byName.get("cache.schema.hit.ratio").unit());
    assertEquals(Unit.NANOSECONDS, byName.get("cache.schema.load.time").unit());
    assertEquals(Unit.COUNT, byName.get("cache.schema.evictions").unit());
    assertTrue(byName.containsKey("cache.hit.ratio"));
    assertTrue(byName.containsKey("cache.schema.size"));
    assertEquals(16, probe.metrics().size(), probe.metrics().toString());
  }

  @Test
  void hitRatioAtLeast_isAMeanTargetOnTheCachesRatio() {
    Target target = CaffeineProbes.hitRatioAtLeast("schema", 0.9);

    assertEquals("cache.schema.hit.ratio", target.metric());
    assertEquals(Statistic.MEAN, target.statistic());
    assertEquals(Target.Bound.AT_LEAST, target.bound());
    assertEquals(0.9, target.limit().value());
    assertEquals("cache.hit.ratio", CaffeineProbes.hitRatioAtLeast(0.5).metric());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Schema", "1st", "a.b", "with-dash", "has space"})
  void bind_invalidName_isRejectedWithTheRule(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CaffeineProbes.bind(name, recordingCache()));
    assertTrue(e.getMessage().contains("'" + name + "'") && e.getMessage().contains("lowercase"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.01, Double.NaN})
  void hitRatioAtLeast_ratioOutsideZeroToOne_isRejected(double ratio) {
    assertThrows(IllegalArgumentException.class, () -> CaffeineProbes.hitRatioAtLeast("schema", ratio));
  }

  @Test
  void bind_sameNameTwice_isRejected() {
    CaffeineProbes.Builder builder = CaffeineProbes.bind("schema", recordingCache());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> builder.bind("schema", recordingCache()));
    assertTrue(e.getMessage().contains("already bound"), e.getMessage());
  }

  @Test
  void build_withoutCaches_isRejected() {
    assertThrows(IllegalStateException.class, () -> CaffeineProbes.newBuilder().build());
  }
}
