/**
 * Caffeine cache probes and checks: {@link dev.perfgate.collectors.caffeine.CaffeineProbes} observes
 * bound caches through their statistics, {@link dev.perfgate.collectors.caffeine.CaffeineChecks}
 * drives a cache to check invalidation and stability.
 *
 * <p>Caffeine is an optional dependency: nothing here is registered with {@link java.util.ServiceLoader},
 * and the probe classes a runner calls hold no Caffeine type, so a project without Caffeine is not
 * affected by having these classes on its class path. Asking for a probe without Caffeine gives an
 * {@link java.lang.IllegalStateException} that names the missing artifact.
 *
 * <p>Metric names: {@code cache.<name>.<metric>} for each bound cache (per sample and per trial) and
 * {@code cache.<metric>} for all bound caches together (per trial), where {@code <metric>} is {@code hit.ratio}, {@code hits},
 * {@code misses}, {@code loads}, {@code load.failures}, {@code load.time}, {@code evictions} or
 * {@code size} (and {@code puts} for caches read through Micrometer).
 */
@NullMarked
package dev.perfgate.collectors.caffeine;

import org.jspecify.annotations.NullMarked;
