/**
 * Implementation of the cache probes; not an API. {@code CacheProbe}, {@code CacheMetricSet} and
 * {@code CacheSource} hold no Caffeine or Micrometer type (a runner loads them); only
 * {@code CaffeineSource} touches Caffeine, and is loaded only when a Caffeine cache is bound. The
 * Micrometer integration reuses the library-free classes for caches bound to a meter registry.
 */
package dev.perfgate.collectors.caffeine.internal;
