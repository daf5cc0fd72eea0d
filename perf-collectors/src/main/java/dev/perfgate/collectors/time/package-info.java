/**
 * The default probes: wall time, CPU time and allocated bytes of the measured thread, registered
 * through {@link java.util.ServiceLoader} under the ids {@code time} and {@code alloc}.
 */
@NullMarked
package dev.perfgate.collectors.time;

import org.jspecify.annotations.NullMarked;
