/**
 * Implementation of the Micrometer probes; not an API. {@code MeterDeltaProbe}, {@code CombinedProbe},
 * {@code MeterSpec} and {@code MeterLookup} hold no Micrometer type (a runner loads them);
 * {@code RegistryLookup}, {@code MeterCacheSource} and {@code Registries} touch Micrometer and are
 * loaded only when a registry is used.
 */
@NullMarked
package dev.perfgate.collectors.micrometer.internal;

import org.jspecify.annotations.NullMarked;
