package dev.perfgate.collectors.micrometer;

import dev.perfgate.api.Probe;
import dev.perfgate.collectors.internal.cache.CacheProbe;
import dev.perfgate.collectors.internal.cache.CacheSource;
import dev.perfgate.collectors.micrometer.internal.CombinedProbe;
import dev.perfgate.collectors.micrometer.internal.MeterCacheSource;
import dev.perfgate.collectors.micrometer.internal.MeterDeltaProbe;
import dev.perfgate.collectors.micrometer.internal.MeterSpec;
import dev.perfgate.collectors.micrometer.internal.RegistryLookup;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Probes that read a Micrometer {@link MeterRegistry}: caches bound to it by Micrometer's cache
 * binders ({@code CaffeineCacheMetrics}, {@code GuavaCacheMetrics}, {@code JCacheMetrics}, ...), and
 * counters, timers and distribution summaries the user names, as differences per operation.
 *
 * <pre>{@code
 * GuavaCacheMetrics.monitor(registry, schemaCache, "schema");
 * Probe probe = MicrometerProbes.newBuilder(registry)
 *     .cache("schema")
 *     .timer("sql.statements", "jdbc.statements", "type", "select")
 *     .build();
 * }</pre>
 *
 * <p><b>Caches</b> give the metrics of {@code CaffeineProbes} ({@code cache.<name>.hit.ratio},
 * {@code .hits}, {@code .misses}, {@code .loads}, {@code .load.failures}, {@code .load.time},
 * {@code .evictions}, {@code .size}, and the totals under {@code cache}) plus {@code .puts}, read
 * from the binder's meters {@code cache.gets{result=hit|miss}}, {@code cache.load{result=success|failure}},
 * {@code cache.load.duration}, {@code cache.evictions}, {@code cache.puts} and {@code cache.size}
 * tagged {@code cache=<name>}. A count the binder does not register (JCache has no loads) is not
 * measured, with the reason.
 *
 * <p><b>Meters</b>: a counter becomes {@code <metric>} (count per operation); a timer
 * {@code <metric>} and {@code <metric>.time} (nanoseconds per operation); a summary {@code <metric>}
 * and {@code <metric>.total} (amount per operation). Meters matching the name and tags are summed.
 * All are lower-is-better.
 *
 * <p>Bind every cache of a run in one probe (this one or {@code CaffeineProbes}, not both): two
 * probes would both record the totals under {@code cache}.
 *
 * <p>Meters are looked up when a trial opens and their references kept for its samples. The
 * registry must keep running totals: a step registry (whose counters report the last interval) or a
 * composite without children makes the probe unavailable, with the fix.
 */
public final class MicrometerProbes {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
  private static final String ARTIFACT = "io.micrometer:micrometer-core";

  private MicrometerProbes() {}

  /**
   * Starts a probe on a registry.
   *
   * @param registry the registry; held for as long as the probe
   * @return a new builder
   * @throws NullPointerException if the registry is null
   */
  public static Builder newBuilder(MeterRegistry registry) {
    if (registry == null) {
      throw new NullPointerException("meter registry must not be null");
    }
    return new Builder(registry);
  }

  /**
   * Starts a probe on Micrometer's global registry, {@code Metrics.globalRegistry}. It is a composite
   * that counts nothing until a registry is added to it; the probe then says so.
   *
   * @return a new builder
   * @throws IllegalStateException if Micrometer is not on the class path
   */
  public static Builder globalRegistry() {
    requireMicrometer();
    return newBuilder(RegistryLookup.global());
  }

  static void requireMicrometer() {
    try {
      Class.forName("io.micrometer.core.instrument.MeterRegistry", false, MicrometerProbes.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("Micrometer is not on the class path; add the dependency " + ARTIFACT
          + " to use Micrometer probes", e);
    }
  }

  /**
   * Collects the caches and meters a probe reads. Not thread-safe; {@link #build()} may be called
   * again and gives an independent probe each time.
   */
  public static final class Builder {
    private final MeterRegistry registry;
    private final Map<String, String[]> caches = new LinkedHashMap<>();
    private final List<MeterSpec> meters = new ArrayList<>();
    private final Set<String> metricNames = new LinkedHashSet<>();

    private Builder(MeterRegistry registry) {
      this.registry = registry;
    }

    /**
     * Reads a cache bound to the registry by a Micrometer cache binder under this name.
     *
     * @param name the binder's {@code cache} tag, lowercase letters, digits and {@code _}; also the
     *     name in metric names
     * @param tags further tags that select the cache's meters, as key-value pairs (such as
     *     {@code "cacheManager", "main"}), none if the name is enough
     * @return this builder
     * @throws IllegalArgumentException if the name is not valid or already added, or the tags are
     *     not pairs
     */
    public Builder cache(String name, String... tags) {
      if (name == null) {
        throw new NullPointerException("cache name must not be null");
      }
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("cache name '" + name + "' must be lowercase letters, digits and '_',"
            + " starting with a letter (it becomes part of metric names such as 'cache.schema.hit.ratio')");
      }
      checkTags(tags, "cache '" + name + "'");
      if (caches.putIfAbsent(name, tags.clone()) != null) {
        throw new IllegalArgumentException("cache '" + name + "' is already added to this probe");
      }
      return this;
    }

    /**
     * Reads a counter (or function counter) as a count per operation.
     *
     * @param metricName the metric it becomes, dotted lowercase, such as {@code db.queries}
     * @param meterName the Micrometer meter name
     * @param tags tags that select the meters, as key-value pairs; matching meters are summed
     * @return this builder
     * @throws IllegalArgumentException if a name is not valid or already used, or the tags are not pairs
     */
    public Builder counter(String metricName, String meterName, String... tags) {
      return meter(MeterSpec.Kind.COUNTER, metricName, meterName, tags);
    }

    /**
     * Reads a timer (or function timer) as a count and a time per operation.
     *
     * @param metricName the metric it becomes, such as {@code sql.statements}; the time is
     *     {@code <metricName>.time}
     * @param meterName the Micrometer meter name
     * @param tags tags that select the meters, as key-value pairs; matching meters are summed
     * @return this builder
     * @throws IllegalArgumentException if a name is not valid or already used, or the tags are not pairs
     */
    public Builder timer(String metricName, String meterName, String... tags) {
      return meter(MeterSpec.Kind.TIMER, metricName, meterName, tags);
    }

    /**
     * Reads a distribution summary as a count and a total amount per operation.
     *
     * @param metricName the metric it becomes; the amount is {@code <metricName>.total}
     * @param meterName the Micrometer meter name
     * @param tags tags that select the meters, as key-value pairs; matching meters are summed
     * @return this builder
     * @throws IllegalArgumentException if a name is not valid or already used, or the tags are not pairs
     */
    public Builder summary(String metricName, String meterName, String... tags) {
      return meter(MeterSpec.Kind.SUMMARY, metricName, meterName, tags);
    }

    private Builder meter(MeterSpec.Kind kind, String metricName, String meterName, String... tags) {
      if (metricName == null || meterName == null) {
        throw new NullPointerException("metric name and meter name must not be null");
      }
      if (!METRIC.matcher(metricName).matches()) {
        throw new IllegalArgumentException("metric name '" + metricName
            + "' must be dotted lowercase words such as 'sql.statements'");
      }
      if (meterName.isBlank()) {
        throw new IllegalArgumentException("meter name of metric '" + metricName + "' must not be blank");
      }
      checkTags(tags, "meter '" + meterName + "'");
      MeterSpec spec = new MeterSpec(kind, metricName, meterName, List.of(tags));
      for (var m : spec.metrics()) {
        if (metricNames.contains(m.name()) || m.name().startsWith("cache.")) {
          throw new IllegalArgumentException("metric name '" + m.name() + "' is already used in this probe"
              + (m.name().startsWith("cache.") ? " or reserved for caches" : "") + "; choose another");
        }
      }
      spec.metrics().forEach(m -> metricNames.add(m.name()));
      meters.add(spec);
      return this;
    }

    private static void checkTags(String[] tags, String what) {
      if (tags == null) {
        throw new NullPointerException("tags of " + what + " must not be null");
      }
      if (tags.length % 2 != 0) {
        throw new IllegalArgumentException("tags of " + what + " (" + List.of(tags)
            + ") must be key-value pairs, an even number of strings");
      }
    }

    /**
     * Builds the probe, with id {@code micrometer}.
     *
     * @return the probe
     * @throws IllegalStateException if neither a cache nor a meter was added
     */
    public Probe build() {
      if (caches.isEmpty() && meters.isEmpty()) {
        throw new IllegalStateException("nothing to read; add a cache(...), counter(...), timer(...) or summary(...)"
            + " before build()");
      }
      List<Probe> parts = new ArrayList<>();
      if (!caches.isEmpty()) {
        List<CacheSource> sources = new ArrayList<>();
        caches.forEach((name, tags) -> sources.add(new MeterCacheSource(registry, name, tags)));
        parts.add(new CacheProbe("micrometer.cache", sources));
      }
      RegistryLookup lookup = new RegistryLookup(registry);
      if (!meters.isEmpty()) {
        parts.add(new MeterDeltaProbe("micrometer.meters", lookup, meters));
      }
      return new CombinedProbe("micrometer", parts, lookup::problem);
    }
  }
}
