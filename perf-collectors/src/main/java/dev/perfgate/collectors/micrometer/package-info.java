/**
 * Micrometer probes: {@link dev.perfgate.collectors.micrometer.MicrometerProbes} reads caches bound
 * to a {@code MeterRegistry} by Micrometer's cache binders, and the differences of counters, timers
 * and distribution summaries the user names, per operation.
 *
 * <p>Micrometer is an optional dependency: nothing here is registered with
 * {@link java.util.ServiceLoader}, the probe classes a runner calls hold no Micrometer type, and
 * asking for a probe without Micrometer gives an {@link java.lang.IllegalStateException} that names
 * the missing artifact.
 */
@NullMarked
package dev.perfgate.collectors.micrometer;

import org.jspecify.annotations.NullMarked;
