/**
 * Implementation of the Caffeine probe; not an API. Only {@code CaffeineSource} touches Caffeine, and
 * it is loaded only when a Caffeine cache is bound; the probe itself is the library-free
 * {@code dev.perfgate.collectors.internal.cache.CacheProbe}, shared with the Micrometer integration.
 */
@NullMarked
package dev.perfgate.collectors.caffeine.internal;

import org.jspecify.annotations.NullMarked;
