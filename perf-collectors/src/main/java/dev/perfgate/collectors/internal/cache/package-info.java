/**
 * The cache probe shared by the Caffeine and Micrometer integrations; not an API. These classes hold
 * no Caffeine or Micrometer type, so a runner can load them without either library: each integration
 * supplies its own {@link dev.perfgate.collectors.internal.cache.CacheSource}.
 */
@NullMarked
package dev.perfgate.collectors.internal.cache;

import org.jspecify.annotations.NullMarked;
