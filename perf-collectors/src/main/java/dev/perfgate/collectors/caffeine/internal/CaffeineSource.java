package dev.perfgate.collectors.caffeine.internal;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.perfgate.collectors.internal.cache.CacheSource;
import java.lang.ref.WeakReference;
import java.util.Optional;

/**
 * A Caffeine cache observed through {@link Cache#stats()}: exact counts, held weakly so that the
 * probe never keeps a user's cache alive.
 */
public final class CaffeineSource implements CacheSource {

  private static final int DECLARED = (1 << HITS) | (1 << MISSES) | (1 << LOAD_SUCCESSES)
      | (1 << LOAD_FAILURES) | (1 << LOAD_NANOS) | (1 << EVICTIONS);

  private final String name;
  private final WeakReference<Cache<?, ?>> cache;
  /** Holds an async cache, whose synchronous view is asked for on each read rather than kept. */
  private final WeakReference<AsyncCache<?, ?>> async;

  private CaffeineSource(String name, Cache<?, ?> cache, AsyncCache<?, ?> async) {
    this.name = name;
    this.cache = cache == null ? null : new WeakReference<>(cache);
    this.async = async == null ? null : new WeakReference<>(async);
  }

  /**
   * Observes a cache.
   *
   * @param name the name it is bound by
   * @param cache the cache
   * @return the source
   */
  public static CaffeineSource of(String name, Cache<?, ?> cache) {
    return new CaffeineSource(name, cache, null);
  }

  /**
   * Observes an asynchronous cache.
   *
   * @param name the name it is bound by
   * @param cache the cache
   * @return the source
   */
  public static CaffeineSource of(String name, AsyncCache<?, ?> cache) {
    return new CaffeineSource(name, null, cache);
  }

  private Cache<?, ?> cache() {
    if (cache != null) {
      return cache.get();
    }
    AsyncCache<?, ?> a = async.get();
    return a == null ? null : a.synchronous();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int declared() {
    return DECLARED;
  }

  @Override
  public Optional<String> open() {
    Cache<?, ?> c = cache();
    if (c == null) {
      return Optional.of(goneReason());
    }
    if (!c.policy().isRecordingStats()) {
      return Optional.of(notRecording(name));
    }
    return Optional.empty();
  }

  /**
   * The warning for a cache built without statistics.
   *
   * @param name the cache's name
   * @return the warning, which names the fix
   */
  public static String notRecording(String name) {
    return "cache '" + name + "' is not recording statistics; build it with Caffeine.newBuilder().recordStats()";
  }

  @Override
  public int present() {
    return DECLARED;
  }

  @Override
  public String missingReason(int slot) {
    return "Caffeine gives no such count for cache '" + name + "'";
  }

  @Override
  public boolean read(long[] into) {
    Cache<?, ?> c = cache();
    if (c == null) {
      return false;
    }
    CacheStats s = c.stats();
    into[HITS] = s.hitCount();
    into[MISSES] = s.missCount();
    into[LOAD_SUCCESSES] = s.loadSuccessCount();
    into[LOAD_FAILURES] = s.loadFailureCount();
    into[LOAD_NANOS] = s.totalLoadTime();
    into[EVICTIONS] = s.evictionCount();
    return true;
  }

  @Override
  public long size() {
    Cache<?, ?> c = cache();
    return c == null ? -1 : c.estimatedSize();
  }

  @Override
  public String goneReason() {
    return "cache '" + name + "' was garbage-collected while the probe observed it; keep a reference to it"
        + " for as long as the benchmark runs";
  }
}
