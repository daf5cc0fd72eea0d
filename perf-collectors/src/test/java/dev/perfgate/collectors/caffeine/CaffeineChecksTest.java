package dev.perfgate.collectors.caffeine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class CaffeineChecksTest {

  private static Cache<String, String> abc(boolean recordStats) {
    Caffeine<Object, Object> builder = Caffeine.newBuilder().executor(Runnable::run);
    Cache<String, String> cache = (recordStats ? builder.recordStats() : builder).build();
    for (String k : List.of("a", "b", "c")) {
      cache.put(k, k.toUpperCase(Locale.ROOT));
    }
    return cache;
  }

  @Test
  void invalidation_removingExactlyTheAffectedEntries_passes() {
    Cache<String, String> cache = abc(true);

    Verdict v = CaffeineChecks.invalidation("schema", cache).affects(List.of("a", "b")).keeps(List.of("c"))
        .check(() -> cache.invalidateAll(List.of("a", "b")));

    assertEquals(Status.PASS, v.status(), v.message());
    assertEquals(0.0, v.figures().get("still.present"));
    assertEquals(2.0, v.figures().get("next.access.misses"));
    assertEquals(0.0, v.figures().get("next.access.hits"));
    assertEquals(0.0, v.figures().get("kept.lost"));
    assertEquals(dev.perfgate.api.Subject.benchmark("cache.schema"), v.subject());
  }

  @Test
  void invalidation_missingAnEntry_failsAndNamesIt() {
    Cache<String, String> cache = abc(true);

    Verdict v = CaffeineChecks.invalidation("schema", cache).affects(List.of("a", "b"))
        .check(() -> cache.invalidate("a"));

    assertEquals(Status.FAIL, v.status());
    assertTrue(v.message().contains("not invalidated: [b]"), v.message());
    assertEquals(1.0, v.figures().get("next.access.hits"));
    assertEquals(1.0, v.figures().get("next.access.misses"));
  }

  @Test
  void invalidation_removingTooMuch_failsAndNamesTheLostEntry() {
    Cache<String, String> cache = abc(true);

    Verdict v = CaffeineChecks.invalidation("schema", cache).affects(List.of("a")).keeps(List.of("c"))
        .check(cache::invalidateAll);

    assertEquals(Status.FAIL, v.status());
    assertTrue(v.message().contains("removed but should be kept: [c]"), v.message());
  }

  @Test
  void invalidation_withoutStatistics_judgesByNullReads() {
    Cache<String, String> cache = abc(false);

    Verdict v = CaffeineChecks.invalidation("schema", cache).affects(List.of("a"))
        .check(() -> cache.invalidate("a"));

    assertEquals(Status.PASS, v.status(), v.message());
    assertTrue(v.message().contains("records no statistics"), v.message());
  }

  @Test
  void invalidation_keyNotCachedBefore_isInconclusive() {
    Cache<String, String> cache = abc(true);
    AtomicInteger runs = new AtomicInteger();

    Verdict v = CaffeineChecks.invalidation("schema", cache).affects(List.of("a", "zzz"))
        .check(runs::incrementAndGet);

    assertEquals(Status.INCONCLUSIVE, v.status());
    assertTrue(v.message().contains("[zzz]"), v.message());
    assertEquals(0, runs.get(), "the invalidation is not run on a cache not set up for the check");
  }

  @Test
  void invalidation_thatThrows_isAnError() {
    Verdict v = CaffeineChecks.invalidation("schema", abc(true)).affects(List.of("a")).check(() -> {
      throw new IllegalStateException("listener broke");
    });

    assertEquals(Status.ERROR, v.status());
    assertTrue(v.message().contains("listener broke"), v.message());
  }

  @Test
  void invalidation_withoutAffectedKeys_isRejected() {
    assertThrows(IllegalStateException.class, () -> CaffeineChecks.invalidation("schema", abc(true)).check(() -> { }));
    assertThrows(IllegalArgumentException.class,
        () -> CaffeineChecks.invalidation("schema", abc(true)).affects(List.of()));
  }

  /** One round: 100 lookups, 90 on "hot" and 10 on keys new to this round. */
  private static Runnable ninetyPercentRound(Cache<String, String> cache) {
    AtomicInteger round = new AtomicInteger();
    cache.put("hot", "h");
    return () -> CaffeineProbesTest.ninetyPercentSequence(cache, round.incrementAndGet());
  }

  @Test
  void stability_steadyWorkload_passesWithEveryRoundsFigures() {
    Cache<String, String> cache = Caffeine.newBuilder().maximumSize(50).recordStats().executor(Runnable::run).build();

    Verdict v = CaffeineChecks.stability("schema", cache).rounds(8).hitRatioAtLeast(0.85).sizeAtMost(50)
        .check(ninetyPercentRound(cache));

    assertEquals(Status.PASS, v.status(), v.message());
    for (int i = 1; i <= 8; i++) {
      assertEquals(0.9, v.figures().get("round." + i + ".hit.ratio"), "round " + i);
    }
    assertEquals(11.0, v.figures().get("round.1.size"));
    assertEquals(50.0, v.figures().get("round.8.size"), "bounded by maximumSize");
    assertEquals(0.9, v.figures().get("worst.hit.ratio"));
  }

  @Test
  void stability_unboundedGrowth_failsFromTheRoundThatBreaksTheLimit() {
    Cache<String, String> cache = Caffeine.newBuilder().recordStats().executor(Runnable::run).build();

    Verdict v = CaffeineChecks.stability("schema", cache).rounds(6).sizeAtMost(50).check(ninetyPercentRound(cache));

    assertEquals(Status.FAIL, v.status());
    assertTrue(v.message().contains("round 5 size 51 > 50"), v.message());
    assertFalse(v.message().contains("round 4 size"), v.message());
    assertEquals(61.0, v.figures().get("size.max"));
  }

  @Test
  void stability_cacheTooSmallForTheWorkingSet_failsOnHitRatio() {
    Cache<Integer, Integer> cache = Caffeine.newBuilder().maximumSize(5).recordStats().executor(Runnable::run).build();

    Verdict v = CaffeineChecks.stability("small", cache).rounds(3).hitRatioAtLeast(0.5).check(() -> {
      // A cyclic scan over 50 keys defeats any cache of 5 entries.
      for (int i = 0; i < 200; i++) {
        cache.get(i % 50, k -> k);
      }
      cache.cleanUp();
    });

    assertEquals(Status.FAIL, v.status());
    assertTrue(v.figures().get("worst.hit.ratio") < 0.5, v.message());
    assertTrue(v.message().contains("round 1 hit ratio"), v.message());
  }

  @Test
  void stability_withoutStatistics_isNotMeasuredWithTheFix() {
    Cache<String, String> cache = Caffeine.newBuilder().build();

    Verdict v = CaffeineChecks.stability("schema", cache).hitRatioAtLeast(0.9).check(() -> cache.getIfPresent("x"));

    assertEquals(Status.NOT_MEASURED, v.status());
    assertTrue(v.message().contains("Caffeine.newBuilder().recordStats()"), v.message());
  }

  @Test
  void stability_roundWithoutRequests_isInconclusive() {
    Cache<String, String> cache = Caffeine.newBuilder().recordStats().build();

    Verdict v = CaffeineChecks.stability("schema", cache).hitRatioAtLeast(0.9).check(() -> cache.put("a", "b"));

    assertEquals(Status.INCONCLUSIVE, v.status());
    assertTrue(v.message().contains("round 1 made no requests"), v.message());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -3})
  void stability_roundsBelowOne_isRejected(int rounds) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CaffeineChecks.stability("schema", Caffeine.newBuilder().build()).rounds(rounds));
    assertTrue(e.getMessage().contains("rounds (" + rounds + ") must be >= 1"), e.getMessage());
  }

  @Test
  void stability_optionSetTwiceOrNoBound_isRejected() {
    CaffeineChecks.Stability check = CaffeineChecks.stability("schema", Caffeine.newBuilder().build()).rounds(3);

    assertThrows(IllegalStateException.class, () -> check.rounds(4));
    assertThrows(IllegalStateException.class, () -> check.check(() -> { }));
    assertThrows(IllegalStateException.class, () -> check.sizeAtLeast(10).sizeAtMost(5).check(() -> { }));
  }
}
