package dev.perfgate.collectors.caffeine;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import dev.perfgate.api.Probe;
import dev.perfgate.api.Quantity;
import dev.perfgate.api.Target;
import dev.perfgate.collectors.internal.cache.CacheProbe;
import dev.perfgate.collectors.internal.cache.CacheSource;
import dev.perfgate.collectors.caffeine.internal.CaffeineSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Probes that observe Caffeine caches through their statistics ({@code cache.stats()}), exact and
 * without wrapping the cache. Caches are held weakly.
 *
 * <pre>{@code
 * Probe caches = CaffeineProbes.bind("schema", schemaCache).bind("templates", templateCache).build();
 * Target warm = CaffeineProbes.hitRatioAtLeast("schema", 0.90);
 * }</pre>
 *
 * <p><b>Metrics.</b> For each bound cache, under {@code cache.<name>}, per sample and per trial;
 * and for all bound caches together, under {@code cache}, per trial only (per sample they would
 * double the probe's cost and, with one cache, repeat its figures):
 * <ul>
 *   <li>{@code hit.ratio}: hits / (hits + misses) in the window, higher is better; not measured for
 *       a window without requests;</li>
 *   <li>{@code hits}, {@code misses}, {@code loads}, {@code load.failures}, {@code evictions}: counts
 *       per operation;</li>
 *   <li>{@code load.time}: mean nanoseconds per load (successful or failed), not measured for a
 *       window without loads;</li>
 *   <li>{@code size}: the estimated number of entries at the end of the trial (trial value only).</li>
 * </ul>
 * Each sample gets the values of its own window; each trial gets the values over all of its
 * samples together (the ratio of the summed counts, not a mean of ratios). A cache built without
 * {@code recordStats()} gets a warning naming the fix and its metrics are not measured, never zero;
 * the totals under {@code cache} are then not measured either, since they would leave it out.
 *
 * <p>Bind every cache of a run in one probe: two probes would both record the totals under
 * {@code cache}. Caches of other libraries can join Caffeine caches in one probe through Micrometer's
 * binders and {@code MicrometerProbes}, which reads Caffeine caches too.
 *
 * <p>Cost: two {@code stats()} snapshots per bound cache per sample, about 35-55 ns per cache on a
 * busy 2-core machine (see {@code CacheProbeCostBenchmark} in the tests). A session is used by one
 * thread at a time, as the runner calls it.
 */
public final class CaffeineProbes {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final String ARTIFACT = "com.github.ben-manes.caffeine:caffeine";

  private CaffeineProbes() {}

  /**
   * Starts a probe with no cache bound yet.
   *
   * @return a new builder
   * @throws IllegalStateException if Caffeine is not on the class path
   */
  public static Builder newBuilder() {
    requireCaffeine();
    return new Builder();
  }

  /**
   * Starts a probe that observes a cache.
   *
   * @param name the cache's name in metric names, lowercase letters, digits and {@code _}, such as
   *     {@code schema}
   * @param cache the cache; held weakly, never wrapped
   * @return a builder to bind more caches to and build from
   * @throws IllegalArgumentException if the name is not valid
   * @throws NullPointerException if an argument is null
   */
  public static Builder bind(String name, Cache<?, ?> cache) {
    return newBuilder().bind(name, cache);
  }

  /**
   * Starts a probe that observes an asynchronous cache, through its synchronous view's statistics.
   *
   * @param name the cache's name in metric names, lowercase letters, digits and {@code _}
   * @param cache the cache; held weakly, never wrapped
   * @return a builder to bind more caches to and build from
   * @throws IllegalArgumentException if the name is not valid
   * @throws NullPointerException if an argument is null
   */
  public static Builder bind(String name, AsyncCache<?, ?> cache) {
    return newBuilder().bind(name, cache);
  }

  /**
   * A target: the mean hit ratio of a bound cache over the measured samples (warm-up excluded) is at
   * least the given ratio.
   *
   * @param cacheName the name the cache is bound by
   * @param ratio the least hit ratio, between 0 and 1
   * @return the target on {@code cache.<name>.hit.ratio}
   * @throws IllegalArgumentException if the name is not valid or the ratio is outside 0..1
   */
  public static Target hitRatioAtLeast(String cacheName, double ratio) {
    return hitRatioTarget(metricPrefix(cacheName) + ".hit.ratio", ratio);
  }

  /**
   * A target: the mean hit ratio of all bound caches together is at least the given ratio.
   *
   * @param ratio the least hit ratio, between 0 and 1
   * @return the target on {@code cache.hit.ratio}
   * @throws IllegalArgumentException if the ratio is outside 0..1
   */
  public static Target hitRatioAtLeast(double ratio) {
    return hitRatioTarget("cache.hit.ratio", ratio);
  }

  private static Target hitRatioTarget(String metric, double ratio) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException("hit ratio (" + ratio + ") must be between 0 and 1, such as 0.9 for 90 %");
    }
    return Target.on(metric).mean().atLeast(Quantity.ratio(ratio));
  }

  /**
   * The metric name prefix of a bound cache, {@code cache.<name>}; for example
   * {@code metricPrefix("schema") + ".hit.ratio"} names its hit ratio.
   *
   * @param cacheName the name the cache is bound by
   * @return the prefix
   * @throws IllegalArgumentException if the name is not valid
   */
  public static String metricPrefix(String cacheName) {
    return "cache." + checkName(cacheName);
  }

  static String checkName(String name) {
    if (name == null) {
      throw new NullPointerException("cache name must not be null");
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("cache name '" + name + "' must be lowercase letters, digits and '_',"
          + " starting with a letter (it becomes part of metric names such as 'cache.schema.hit.ratio')");
    }
    return name;
  }

  static void requireCaffeine() {
    try {
      Class.forName("com.github.benmanes.caffeine.cache.Cache", false, CaffeineProbes.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("Caffeine is not on the class path; add the dependency " + ARTIFACT
          + " (3.x) to use Caffeine cache probes and checks", e);
    }
  }

  /**
   * Collects the caches a probe observes. Not thread-safe; {@link #build()} may be called again and
   * gives an independent, immutable probe each time.
   */
  public static final class Builder {
    private final Map<String, CacheSource> sources = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Binds a cache.
     *
     * @param name the cache's name in metric names, lowercase letters, digits and {@code _}
     * @param cache the cache; held weakly, never wrapped
     * @return this builder
     * @throws IllegalArgumentException if the name is not valid or already bound
     * @throws NullPointerException if an argument is null
     */
    public Builder bind(String name, Cache<?, ?> cache) {
      checkName(name);
      if (cache == null) {
        throw new NullPointerException("cache '" + name + "' must not be null");
      }
      return add(CaffeineSource.of(name, cache));
    }

    /**
     * Binds an asynchronous cache.
     *
     * @param name the cache's name in metric names, lowercase letters, digits and {@code _}
     * @param cache the cache; held weakly, never wrapped
     * @return this builder
     * @throws IllegalArgumentException if the name is not valid or already bound
     * @throws NullPointerException if an argument is null
     */
    public Builder bind(String name, AsyncCache<?, ?> cache) {
      checkName(name);
      if (cache == null) {
        throw new NullPointerException("cache '" + name + "' must not be null");
      }
      return add(CaffeineSource.of(name, cache));
    }

    private Builder add(CacheSource source) {
      if (sources.putIfAbsent(source.name(), source) != null) {
        throw new IllegalArgumentException("cache name '" + source.name()
            + "' is already bound in this probe; give each cache its own name");
      }
      return this;
    }

    /**
     * Builds the probe, with id {@code caffeine}.
     *
     * @return the probe; its metrics are listed in the class description
     * @throws IllegalStateException if no cache is bound
     */
    public Probe build() {
      if (sources.isEmpty()) {
        throw new IllegalStateException("no cache is bound; call bind(name, cache) before build()");
      }
      return new CacheProbe("caffeine", new ArrayList<>(sources.values()));
    }
  }
}
