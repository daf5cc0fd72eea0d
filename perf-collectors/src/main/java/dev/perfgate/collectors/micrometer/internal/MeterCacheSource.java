package dev.perfgate.collectors.micrometer.internal;

import dev.perfgate.collectors.internal.cache.CacheSource;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * A cache bound to a {@link MeterRegistry} by one of Micrometer's cache binders, read through the
 * binders' meters ({@code cache.gets} by {@code result=hit|miss}, {@code cache.load} by
 * {@code result=success|failure}, {@code cache.load.duration}, {@code cache.evictions},
 * {@code cache.puts}, {@code cache.size}), all tagged {@code cache=<name>}; or, for a Caffeine cache
 * that records into Micrometer's {@code CaffeineStatsCounter}, the {@code cache.loads} timers. The meters are looked
 * up when a trial opens and kept for its samples. Meters of the same name and tags in several
 * caches (another cache manager, say) are summed; extra tags tell them apart.
 */
public final class MeterCacheSource implements CacheSource {

  private static final int DECLARED = (1 << SLOTS) - 1;

  private final MeterRegistry registry;
  private final String name;
  private final String[] tags;
  private final DoubleSupplier[][] readers = new DoubleSupplier[SLOTS][];
  private final String[] missing = new String[SLOTS];
  private DoubleSupplier[] size = new DoubleSupplier[0];
  private int present;

  /**
   * Creates the source.
   *
   * @param registry the registry the cache is bound to
   * @param name the value of the binder's {@code cache} tag, also the name in metric names
   * @param tags further tags that select the cache's meters, as key-value pairs
   */
  public MeterCacheSource(MeterRegistry registry, String name, String... tags) {
    this.registry = registry;
    this.name = name;
    this.tags = tags.clone();
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
    Optional<String> problem = Registries.problem(registry);
    if (problem.isPresent()) {
      return problem;
    }
    present = 0;
    resolve(HITS, "cache.gets", "result", "hit");
    resolve(MISSES, "cache.gets", "result", "miss");
    resolve(LOAD_SUCCESSES, "cache.load", "result", "success");
    resolve(LOAD_FAILURES, "cache.load", "result", "failure");
    resolve(LOAD_NANOS, "cache.load.duration");
    // Caffeine's recordStats(() -> new CaffeineStatsCounter(registry, name)) times loads instead.
    resolveTimer(LOAD_SUCCESSES, false, "result", "success");
    resolveTimer(LOAD_FAILURES, false, "result", "failure");
    resolveTimer(LOAD_NANOS, true);
    resolve(EVICTIONS, "cache.evictions");
    resolve(PUTS, "cache.puts");
    size = readers(search("cache.size").meters());
    if ((present & (1 << HITS)) == 0) {
      return Optional.of("no cache named '" + name + "' is bound to the " + Registries.name(registry) + " (no meter "
          + Registries.describe("cache.gets", selection("result", "hit")) + "); bind it before the run, for example"
          + " with CaffeineCacheMetrics.monitor(registry, cache, \"" + name + "\") or GuavaCacheMetrics.monitor(...),"
          + " and for Caffeine build the cache with recordStats()");
    }
    return Optional.empty();
  }

  private void resolve(int slot, String meter, String... extra) {
    Collection<Meter> found = search(meter, extra).meters();
    if (found.isEmpty()) {
      readers[slot] = null;
      missing[slot] = "the binder of cache '" + name + "' registers no meter "
          + Registries.describe(meter, selection(extra)) + " (Micrometer's Caffeine and Guava binders register load meters only for a LoadingCache;"
          + " JCache gives no loads)";
    } else {
      readers[slot] = readers(found);
      present |= 1 << slot;
    }
  }

  /** Fills a slot still missing from the {@code cache.loads} timers, by count or by total time. */
  private void resolveTimer(int slot, boolean totalTime, String... extra) {
    if ((present & (1 << slot)) != 0) {
      return;
    }
    Collection<Meter> found = search("cache.loads", extra).meters();
    if (!found.isEmpty() && found.stream().allMatch(m -> m instanceof Timer)) {
      readers[slot] = found.stream().map(totalTime ? Registries::total : Registries::count)
          .toArray(DoubleSupplier[]::new);
      present |= 1 << slot;
    }
  }

  private Search search(String meter, String... extra) {
    return registry.find(meter).tags(selection(extra));
  }

  private String[] selection(String... extra) {
    List<String> all = new ArrayList<>(List.of("cache", name));
    all.addAll(List.of(tags));
    all.addAll(List.of(extra));
    return all.toArray(new String[0]);
  }

  private static DoubleSupplier[] readers(Collection<Meter> meters) {
    return meters.stream().map(Registries::count).toArray(DoubleSupplier[]::new);
  }

  @Override
  public int present() {
    return present;
  }

  @Override
  public String missingReason(int slot) {
    return missing[slot];
  }

  @Override
  public boolean read(long[] into) {
    for (int slot = 0; slot < SLOTS; slot++) {
      DoubleSupplier[] r = readers[slot];
      if (r == null) {
        continue;
      }
      double sum = 0;
      for (DoubleSupplier s : r) {
        sum += s.getAsDouble();
      }
      // Binders hold their cache weakly; once it is collected some registries read NaN (others
      // repeat the last value, which then reads as a window without requests).
      if (Double.isNaN(sum)) {
        return false;
      }
      into[slot] = Math.round(sum);
    }
    return true;
  }

  @Override
  public long size() {
    if (size.length == 0) {
      return -1;
    }
    double sum = 0;
    for (DoubleSupplier s : size) {
      sum += s.getAsDouble();
    }
    return Double.isNaN(sum) ? -1 : Math.round(sum);
  }

  @Override
  public String goneReason() {
    return size.length == 0 && readers[HITS] != null
        ? "the binder of cache '" + name + "' registers no meter cache.size"
        : "the meters of cache '" + name + "' read NaN: the cache behind them was garbage-collected; keep a reference"
            + " to it for as long as the benchmark runs";
  }
}
