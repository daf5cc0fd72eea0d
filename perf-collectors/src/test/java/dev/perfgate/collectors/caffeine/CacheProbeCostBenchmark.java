package dev.perfgate.collectors.caffeine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Counter;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.RunContext;
import dev.perfgate.collectors.ProbeDriver;
import dev.perfgate.collectors.TestRunContext;
import dev.perfgate.collectors.micrometer.MicrometerProbes;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The probe's own cost per sample, and the hit ratio it reports for reference sequences against
 * their exact values. Not a unit test: it prints figures, and runs only when asked:
 * {@code ./mvnw -q -B -o -pl perf-collectors -am test -Dtest=CacheProbeCostBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmarks=true}.
 */
@EnabledIfSystemProperty(named = "benchmarks", matches = "true")
final class CacheProbeCostBenchmark {

  private static final int ITERATIONS = 200_000;
  private static final int ROUNDS = 21;

  /** Takes values and keeps a sum the JIT cannot drop; the runner's recorder cost is not the probe's. */
  private static final class SinkRecorder implements Probe.Recorder {
    double sink;
    int notMeasured;

    @Override
    public long operations() {
      return 1;
    }

    @Override
    public long elapsedNanos() {
      return 1;
    }

    @Override
    public void record(Metric metric, double value) {
      sink += value;
    }

    @Override
    public void notMeasured(Metric metric, String reason) {
      if (metric.name().endsWith(".hit.ratio")) {
        notMeasured++;
      }
    }

    @Override
    public void warn(String message) {
      throw new AssertionError(message);
    }
  }

  private static final RunContext CONTEXT = TestRunContext.of("cost");

  /** The same calls on a session that does nothing: the loop and call overhead alone. */
  private static final Probe EMPTY = new Probe() {
    @Override
    public String id() {
      return "empty";
    }

    @Override
    public List<Metric> metrics() {
      return List.of();
    }

    @Override
    public Session open(RunContext context) {
      return new Session() { };
    }
  };

  private static Cache<Integer, Integer> cache() {
    Cache<Integer, Integer> c = Caffeine.newBuilder().maximumSize(1000).recordStats().executor(Runnable::run).build();
    for (int i = 0; i < 100; i++) {
      c.put(i, i);
    }
    return c;
  }

  /**
   * Every variant does the same work in each sample (one lookup in each of the four caches, so
   * every cache has a request and a hit ratio), so the difference from the empty probe is the
   * probe's own cost.
   */
  private static double nanosPerSample(Probe.Session session, SinkRecorder recorder, List<Cache<Integer, Integer>> caches)
      throws Exception {
    Cache<Integer, Integer> c0 = caches.get(0);
    Cache<Integer, Integer> c1 = caches.get(1);
    Cache<Integer, Integer> c2 = caches.get(2);
    Cache<Integer, Integer> c3 = caches.get(3);
    long start = System.nanoTime();
    for (int i = 0; i < ITERATIONS; i++) {
      session.beforeSample();
      int k = i & 127;
      Integer v0 = c0.getIfPresent(k);
      Integer v1 = c1.getIfPresent(k);
      Integer v2 = c2.getIfPresent(k);
      Integer v3 = c3.getIfPresent(k);
      recorder.sink += (v0 == null ? 0 : 1) + (v1 == null ? 0 : 1) + (v2 == null ? 0 : 1) + (v3 == null ? 0 : 1);
      session.afterSample(recorder);
    }
    return (double) (System.nanoTime() - start) / ITERATIONS;
  }

  private static double nanosPerStats(Cache<Integer, Integer> cache) {
    long start = System.nanoTime();
    long sum = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      sum += cache.stats().hitCount();
    }
    double ns = (double) (System.nanoTime() - start) / ITERATIONS;
    return sum == 42 ? -ns : ns;
  }

  @Test
  void probeCost_perSamplePerCache() throws Exception {
    List<Cache<Integer, Integer>> caches = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      caches.add(cache());
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    CaffeineCacheMetrics.monitor(registry, caches.get(0), "viamicrometer");
    String[] names = {"empty probe", "caffeine, 1 cache", "caffeine, 4 caches", "micrometer, 1 cache"};
    Probe[] probes = {
        EMPTY,
        CaffeineProbes.bind("c0", caches.get(0)).build(),
        CaffeineProbes.bind("c0", caches.get(0)).bind("c1", caches.get(1)).bind("c2", caches.get(2))
            .bind("c3", caches.get(3)).build(),
        MicrometerProbes.newBuilder(registry).cache("viamicrometer").build(),
    };
    Probe.Session[] sessions = new Probe.Session[probes.length];
    for (int p = 0; p < probes.length; p++) {
      sessions[p] = probes[p].open(CONTEXT);
    }
    SinkRecorder recorder = new SinkRecorder();
    double[][] times = new double[probes.length][ROUNDS];
    double[] stats = new double[ROUNDS];
    // Rounds interleave the variants so that drift on the shared machine hits them all alike.
    for (int r = 0; r < ROUNDS; r++) {
      for (int p = 0; p < probes.length; p++) {
        times[p][r] = nanosPerSample(sessions[p], recorder, caches);
      }
      stats[r] = nanosPerStats(caches.get(0));
    }
    double[] median = new double[probes.length];
    double[] fastest = new double[probes.length];
    System.out.printf(Locale.ROOT, "probe cost: %d rounds x %d beforeSample+afterSample pairs, same work in"
        + " each (4 lookups), first 5 rounds dropped as warm-up, no-op recorder%n", ROUNDS, ITERATIONS);
    for (int p = 0; p < probes.length; p++) {
      double[] kept = Arrays.copyOfRange(times[p], 5, ROUNDS);
      Arrays.sort(kept);
      median[p] = kept[kept.length / 2];
      fastest[p] = kept[0];
      System.out.printf(Locale.ROOT, "  %-22s median %7.1f ns/sample  (min %7.1f, max %7.1f)%n", names[p], median[p],
          kept[0], kept[kept.length - 1]);
    }
    double[] keptStats = Arrays.copyOfRange(stats, 5, ROUNDS);
    Arrays.sort(keptStats);
    System.out.printf(Locale.ROOT, "  one Caffeine cache.stats() call alone: median %.1f ns%n", keptStats[keptStats.length / 2]);
    System.out.printf(Locale.ROOT, "  own cost per bound cache from the medians: caffeine 1 cache %.1f ns, caffeine 4 caches %.1f ns"
        + " per cache, micrometer %.1f ns%n", median[1] - median[0], (median[2] - median[0]) / 4,
        median[3] - median[0]);
    // Other work on a shared machine only ever adds time, so the fastest round is the least disturbed.
    System.out.printf(Locale.ROOT, "  same from the fastest rounds: caffeine 1 cache %.1f ns, caffeine 4 caches %.1f ns"
        + " per cache, micrometer %.1f ns%n", fastest[1] - fastest[0], (fastest[2] - fastest[0]) / 4,
        fastest[3] - fastest[0]);
    System.out.printf(Locale.ROOT, "  (sink %.0f, hit ratios not measured %d)%n", recorder.sink, recorder.notMeasured);
    assertEquals(0, recorder.notMeasured, "every sample has requests, so every hit ratio is measured");
  }

  @Test
  void referenceSequences_reportedRatioAgainstExact() throws Exception {
    // 1: 100 lookups per sample, 90 on a cached key and 10 on new keys: exactly 0.9.
    Cache<String, String> cache = Caffeine.newBuilder().recordStats().executor(Runnable::run).build();
    cache.put("hot", "h");
    ProbeDriver harness = new ProbeDriver(CaffeineProbes.bind("ref", cache).build());
    for (int s = 0; s < 50; s++) {
      int round = s;
      harness.sample(100, () -> CaffeineProbesTest.ninetyPercentSequence(cache, round));
    }
    ProbeDriver.Window trial = harness.close();
    double[] ratios = harness.samples.stream().mapToDouble(w -> w.value("cache.ref.hit.ratio")).toArray();
    System.out.printf(Locale.ROOT, "reference 90%% sequence, 50 samples: per-sample ratios min %s max %s, trial %s,"
        + " exact 0.9%n", Arrays.stream(ratios).min().orElseThrow(), Arrays.stream(ratios).max().orElseThrow(),
        trial.value("cache.ref.hit.ratio"));
    assertEquals(0.9, trial.value("cache.ref.hit.ratio"));

    // 2: 10,000 lookups over 1,234 keys in a fixed pseudo-random order, unbounded cache: every key
    // misses once and hits after, so the ratio is exactly 1 - distinct/lookups.
    Cache<Integer, Integer> unbounded = Caffeine.newBuilder().recordStats().executor(Runnable::run).build();
    ProbeDriver h2 = new ProbeDriver(CaffeineProbes.bind("random", unbounded).build());
    Set<Integer> distinct = new HashSet<>();
    long[] state = {42};
    h2.sample(10_000, () -> {
      for (int i = 0; i < 10_000; i++) {
        state[0] = state[0] * 6364136223846793005L + 1442695040888963407L;
        int key = (int) Math.floorMod(state[0] >>> 33, 1234L);
        distinct.add(key);
        unbounded.get(key, k -> k);
      }
    });
    double exact = 1 - distinct.size() / 10_000.0;
    double reported = h2.samples.get(0).value("cache.random.hit.ratio");
    System.out.printf(Locale.ROOT, "reference random sequence: %d lookups over %d distinct keys: reported %s,"
        + " exact %s%n", 10_000, distinct.size(), reported, exact);
    assertEquals(exact, reported, 1e-15);
  }
}
