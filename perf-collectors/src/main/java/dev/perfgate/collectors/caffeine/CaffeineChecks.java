package dev.perfgate.collectors.caffeine;

import static dev.perfgate.api.internal.Checks.notNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.perfgate.api.Status;
import dev.perfgate.api.Unit;
import dev.perfgate.api.Verdict;
import dev.perfgate.collectors.caffeine.internal.CaffeineSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that drive a real Caffeine cache and return a {@link Verdict}: that an invalidation
 * removes what it should (and only that), and that the hit ratio and size stay within bounds over
 * repeated rounds of work. A hit-ratio limit in steady state needs no check of its own: it is a
 * target on the probe's metric, {@link CaffeineProbes#hitRatioAtLeast(String, double)}.
 *
 * <pre>{@code
 * Verdict gone = CaffeineChecks.invalidation("schema", schemaCache)
 *     .affects(List.of("orders"))
 *     .keeps(List.of("customers"))
 *     .check(() -> schemaService.tableChanged("orders"));
 * Verdict steady = CaffeineChecks.stability("schema", schemaCache)
 *     .rounds(10).hitRatioAtLeast(0.9).sizeAtMost(1_000)
 *     .check(() -> workload.runOnce());
 * }</pre>
 */
public final class CaffeineChecks {

  private CaffeineChecks() {}

  /**
   * Starts an invalidation check of a cache.
   *
   * @param name the cache's name, for the verdict
   * @param cache the cache
   * @param <K> the key type
   * @return a builder of the check
   * @throws IllegalArgumentException if the name is not lowercase letters, digits and {@code _}
   * @throws NullPointerException if an argument is null
   */
  public static <K> Invalidation<K> invalidation(String name, Cache<K, ?> cache) {
    CaffeineProbes.requireCaffeine();
    return new Invalidation<>(CaffeineProbes.checkName(name), notNull(cache, "cache '" + name + "'"));
  }

  /**
   * Starts a stability check of a cache.
   *
   * @param name the cache's name, for the verdict
   * @param cache the cache; it must record statistics for the hit ratio
   * @return a builder of the check
   * @throws IllegalArgumentException if the name is not lowercase letters, digits and {@code _}
   * @throws NullPointerException if an argument is null
   */
  public static Stability stability(String name, Cache<?, ?> cache) {
    CaffeineProbes.requireCaffeine();
    return new Stability(CaffeineProbes.checkName(name), notNull(cache, "cache '" + name + "'"));
  }

  /**
   * Checks that after an invalidation the affected entries are gone, the next access to each is a
   * miss, and the entries it should keep are still there.
   *
   * @param <K> the key type
   */
  public static final class Invalidation<K> {
    private final String name;
    private final Cache<K, ?> cache;
    private List<K> affected;
    private List<K> kept = List.of();
    private boolean keptSet;

    private Invalidation(String name, Cache<K, ?> cache) {
      this.name = name;
      this.cache = cache;
    }

    /**
     * The keys the invalidation must remove; they must be in the cache when the check starts.
     *
     * @param keys the keys, at least one
     * @return this builder
     * @throws IllegalArgumentException if there are no keys
     * @throws IllegalStateException if already set
     */
    public Invalidation<K> affects(Collection<? extends K> keys) {
      if (affected != null) {
        throw new IllegalStateException("affected keys of cache '" + name + "' were already set to " + affected);
      }
      notNull(keys, "affected keys");
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("affected keys of cache '" + name + "' must not be empty; name the keys"
            + " the invalidation must remove");
      }
      affected = List.copyOf(keys);
      return this;
    }

    /**
     * Keys the invalidation must leave in the cache; optional.
     *
     * @param keys the keys
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Invalidation<K> keeps(Collection<? extends K> keys) {
      if (keptSet) {
        throw new IllegalStateException("kept keys of cache '" + name + "' were already set to " + kept);
      }
      kept = List.copyOf(notNull(keys, "kept keys"));
      keptSet = true;
      return this;
    }

    /**
     * Runs the invalidation and checks its effect. The affected keys are then read with
     * {@code getIfPresent}, which counts as a request in the cache's statistics but loads nothing.
     *
     * @param invalidation the code under test that should invalidate the entries, such as the
     *     application's change event
     * @return PASS or FAIL with the counts; INCONCLUSIVE if a key was not in the cache before;
     *     ERROR if the invalidation threw
     * @throws IllegalStateException if no affected keys were set
     */
    public Verdict check(Runnable invalidation) {
      if (affected == null) {
        throw new IllegalStateException("set the affected keys of cache '" + name + "' with affects(keys) before check");
      }
      notNull(invalidation, "invalidation");
      String check = "invalidation of " + affected.size() + " entries in cache '" + name + "'";
      Map<String, Double> figures = new LinkedHashMap<>();
      figures.put("affected", (double) affected.size());
      figures.put("kept", (double) kept.size());
      List<K> absent = new ArrayList<>();
      for (K k : affected) {
        if (!cache.asMap().containsKey(k)) {
          absent.add(k);
        }
      }
      for (K k : kept) {
        if (!cache.asMap().containsKey(k)) {
          absent.add(k);
        }
      }
      if (!absent.isEmpty()) {
        return CacheCheck.unmeasured(name, check, Status.INCONCLUSIVE, "keys " + absent
            + " were not in the cache before the invalidation; load them first", figures).toVerdict();
      }
      try {
        invalidation.run();
      } catch (RuntimeException e) {
        return CacheCheck.unmeasured(name, check, Status.ERROR, "the invalidation threw " + e, figures).toVerdict();
      }
      cache.cleanUp();
      List<K> stillPresent = new ArrayList<>();
      for (K k : affected) {
        if (cache.asMap().containsKey(k)) {
          stillPresent.add(k);
        }
      }
      List<K> lost = new ArrayList<>();
      for (K k : kept) {
        if (!cache.asMap().containsKey(k)) {
          lost.add(k);
        }
      }
      boolean recording = cache.policy().isRecordingStats();
      CacheStats before = cache.stats();
      int nullReads = 0;
      for (K k : affected) {
        if (cache.getIfPresent(k) == null) {
          nullReads++;
        }
      }
      CacheStats access = cache.stats().minus(before);
      // With statistics, Caffeine's own count decides; without, a null read is the only sign of a miss.
      long misses = recording ? access.missCount() : nullReads;
      long hits = recording ? access.hitCount() : affected.size() - nullReads;
      figures.put("still.present", (double) stillPresent.size());
      figures.put("kept.lost", (double) lost.size());
      figures.put("next.access.misses", (double) misses);
      figures.put("next.access.hits", (double) hits);
      boolean pass = stillPresent.isEmpty() && lost.isEmpty() && misses == affected.size() && hits == 0;
      Status status = pass ? Status.PASS : Status.FAIL;
      StringBuilder measured = new StringBuilder()
          .append(stillPresent.size()).append(" still present, next access ").append(misses).append(" misses of ")
          .append(affected.size()).append(recording ? "" : " (null reads; the cache records no statistics)");
      if (!kept.isEmpty()) {
        measured.append(", ").append(kept.size() - lost.size()).append(" of ").append(kept.size()).append(" kept");
      }
      List<String> problems = new ArrayList<>();
      if (!stillPresent.isEmpty()) {
        problems.add("not invalidated: " + stillPresent);
      }
      if (!lost.isEmpty()) {
        problems.add("removed but should be kept: " + lost);
      }
      return new CacheCheck(name, check, status, measured.toString(), problems, "", figures).toVerdict();
    }
  }

  /** Checks that the hit ratio and the size of a cache stay within bounds over repeated rounds. */
  public static final class Stability {
    private final String name;
    private final Cache<?, ?> cache;
    private int rounds = -1;
    private double minRatio = Double.NaN;
    private long minSize = -1;
    private long maxSize = -1;

    private Stability(String name, Cache<?, ?> cache) {
      this.name = name;
      this.cache = cache;
    }

    /**
     * The number of rounds; 10 if not set.
     *
     * @param rounds the rounds, at least 1
     * @return this builder
     * @throws IllegalArgumentException if rounds is below 1
     * @throws IllegalStateException if already set
     */
    public Stability rounds(int rounds) {
      if (this.rounds != -1) {
        throw new IllegalStateException("rounds of cache '" + name + "' were already set to " + this.rounds);
      }
      if (rounds < 1) {
        throw new IllegalArgumentException("rounds (" + rounds + ") must be >= 1");
      }
      this.rounds = rounds;
      return this;
    }

    /**
     * The least hit ratio every round must reach.
     *
     * @param ratio the ratio, between 0 and 1
     * @return this builder
     * @throws IllegalArgumentException if the ratio is outside 0..1
     * @throws IllegalStateException if already set
     */
    public Stability hitRatioAtLeast(double ratio) {
      if (!Double.isNaN(minRatio)) {
        throw new IllegalStateException("least hit ratio of cache '" + name + "' was already set to " + minRatio);
      }
      if (!(ratio >= 0 && ratio <= 1)) {
        throw new IllegalArgumentException("hit ratio (" + ratio + ") must be between 0 and 1, such as 0.9 for 90 %");
      }
      minRatio = ratio;
      return this;
    }

    /**
     * The largest estimated size allowed at the end of every round.
     *
     * @param entries the entries, at least 0
     * @return this builder
     * @throws IllegalArgumentException if negative
     * @throws IllegalStateException if already set
     */
    public Stability sizeAtMost(long entries) {
      if (maxSize != -1) {
        throw new IllegalStateException("largest size of cache '" + name + "' was already set to " + maxSize);
      }
      if (entries < 0) {
        throw new IllegalArgumentException("largest size (" + entries + ") must be >= 0");
      }
      maxSize = entries;
      return this;
    }

    /**
     * The least estimated size required at the end of every round (catches a cache that keeps
     * being emptied).
     *
     * @param entries the entries, at least 0
     * @return this builder
     * @throws IllegalArgumentException if negative
     * @throws IllegalStateException if already set
     */
    public Stability sizeAtLeast(long entries) {
      if (minSize != -1) {
        throw new IllegalStateException("least size of cache '" + name + "' was already set to " + minSize);
      }
      if (entries < 0) {
        throw new IllegalArgumentException("least size (" + entries + ") must be >= 0");
      }
      minSize = entries;
      return this;
    }

    /**
     * Runs the rounds, measuring each one's hit ratio from the cache's statistics and its size
     * after {@code cleanUp()}.
     *
     * @param round one round of work against the cache
     * @return PASS or FAIL with every round's figures ({@code round.<i>.hit.ratio},
     *     {@code round.<i>.size}); NOT_MEASURED if the cache records no statistics and a hit ratio
     *     bound is set; INCONCLUSIVE if a round made no requests; ERROR if a round threw
     * @throws IllegalStateException if no bound is set, or the size bounds cross
     */
    public Verdict check(Runnable round) {
      notNull(round, "round");
      if (Double.isNaN(minRatio) && minSize == -1 && maxSize == -1) {
        throw new IllegalStateException("set a bound on cache '" + name + "' (hitRatioAtLeast, sizeAtMost or"
            + " sizeAtLeast) before check");
      }
      if (minSize != -1 && maxSize != -1 && minSize > maxSize) {
        throw new IllegalStateException("least size (" + minSize + ") of cache '" + name + "' is above its largest"
            + " size (" + maxSize + ")");
      }
      int n = rounds == -1 ? 10 : rounds;
      String check = "stability of cache '" + name + "' over " + n + " rounds: " + bounds();
      Map<String, Double> figures = new LinkedHashMap<>();
      if (!Double.isNaN(minRatio)) {
        figures.put("limit.hit.ratio", minRatio);
      }
      if (maxSize != -1) {
        figures.put("limit.size.max", (double) maxSize);
      }
      if (minSize != -1) {
        figures.put("limit.size.min", (double) minSize);
      }
      boolean recording = cache.policy().isRecordingStats();
      if (!Double.isNaN(minRatio) && !recording) {
        return CacheCheck.unmeasured(name, check, Status.NOT_MEASURED, CaffeineSource.notRecording(name), figures)
            .toVerdict();
      }
      List<String> broken = new ArrayList<>();
      double worstRatio = Double.POSITIVE_INFINITY;
      long smallest = Long.MAX_VALUE;
      long largest = Long.MIN_VALUE;
      for (int i = 1; i <= n; i++) {
        CacheStats before = cache.stats();
        try {
          round.run();
        } catch (RuntimeException e) {
          return CacheCheck.unmeasured(name, check, Status.ERROR, "round " + i + " threw " + e, figures).toVerdict();
        }
        cache.cleanUp();
        CacheStats delta = cache.stats().minus(before);
        long size = cache.estimatedSize();
        figures.put("round." + i + ".size", (double) size);
        smallest = Math.min(smallest, size);
        largest = Math.max(largest, size);
        if (maxSize != -1 && size > maxSize) {
          broken.add("round " + i + " size " + size + " > " + maxSize);
        }
        if (minSize != -1 && size < minSize) {
          broken.add("round " + i + " size " + size + " < " + minSize);
        }
        if (recording) {
          if (delta.requestCount() == 0) {
            if (!Double.isNaN(minRatio)) {
              return CacheCheck.unmeasured(name, check, Status.INCONCLUSIVE, "round " + i
                  + " made no requests to the cache, so it has no hit ratio", figures).toVerdict();
            }
            continue;
          }
          double ratio = delta.hitRate();
          figures.put("round." + i + ".hit.ratio", ratio);
          worstRatio = Math.min(worstRatio, ratio);
          if (!Double.isNaN(minRatio) && ratio < minRatio) {
            broken.add("round " + i + " hit ratio " + Unit.RATIO.format(ratio) + " < " + Unit.RATIO.format(minRatio));
          }
        }
      }
      if (worstRatio != Double.POSITIVE_INFINITY) {
        figures.put("worst.hit.ratio", worstRatio);
      }
      figures.put("size.min", (double) smallest);
      figures.put("size.max", (double) largest);
      Status status = broken.isEmpty() ? Status.PASS : Status.FAIL;
      String measured = (worstRatio == Double.POSITIVE_INFINITY ? "" : "worst hit ratio "
          + Unit.RATIO.format(worstRatio) + ", ") + "size " + smallest + ".." + largest;
      return new CacheCheck(name, check, status, measured, broken, "", figures).toVerdict();
    }

    private String bounds() {
      List<String> b = new ArrayList<>();
      if (!Double.isNaN(minRatio)) {
        b.add("hit ratio >= " + Unit.RATIO.format(minRatio));
      }
      if (minSize != -1) {
        b.add("size >= " + minSize);
      }
      if (maxSize != -1) {
        b.add("size <= " + maxSize);
      }
      return String.join(", ", b);
    }
  }
}
