package dev.perfgate.collectors.internal.cache;

import java.util.Optional;

/**
 * One observed cache as the {@link CacheProbe} sees it: cumulative counters read into a
 * {@code long[]} by slot. Kept free of Caffeine and Micrometer types so that the probe classes a
 * runner loads work without either library; the implementations that touch the libraries are only
 * loaded when a user binds such a cache.
 *
 * <p>Public only because the Micrometer integration implements it too; not an API.
 */
public interface CacheSource {

  /** Requests answered from the cache. */
  int HITS = 0;
  /** Requests not answered from the cache. */
  int MISSES = 1;
  /** Loads that produced a value. */
  int LOAD_SUCCESSES = 2;
  /** Loads that threw or produced no value. */
  int LOAD_FAILURES = 3;
  /** Total nanoseconds spent loading. */
  int LOAD_NANOS = 4;
  /** Entries evicted by the cache's policy. */
  int EVICTIONS = 5;
  /** Entries put into the cache. */
  int PUTS = 6;
  /** The number of slots. */
  int SLOTS = 7;

  /**
   * The cache's name as the user bound it, a valid metric name part.
   *
   * @return the name
   */
  String name();

  /**
   * The slots this kind of source can give (a bit per slot), fixed when the probe is built so the
   * probe can declare its metrics up front.
   *
   * @return the bit mask
   */
  int declared();

  /**
   * Prepares for a trial (resolves meters, checks that statistics are recorded).
   *
   * @return why the cache cannot be measured at all in this trial, empty if it can
   */
  Optional<String> open();

  /**
   * The slots available after {@link #open()}, a subset of {@link #declared()}.
   *
   * @return the bit mask
   */
  int present();

  /**
   * Why a declared slot is missing after {@link #open()}.
   *
   * @param slot the slot
   * @return the reason
   */
  String missingReason(int slot);

  /**
   * Reads the cumulative counters of the present slots.
   *
   * @param into receives the counters at the slot indexes
   * @return false if the cache is gone (garbage-collected); {@link #goneReason()} says so
   */
  boolean read(long[] into);

  /**
   * The cache's current (estimated) number of entries.
   *
   * @return the size, or -1 if it cannot be told
   */
  long size();

  /**
   * Why {@link #read(long[])} or {@link #size()} failed.
   *
   * @return the reason
   */
  String goneReason();
}
