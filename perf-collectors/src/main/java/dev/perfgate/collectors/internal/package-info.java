/**
 * What more than one collector feature shares, such as heap readings.
 *
 * <p>Internal to {@code perf-collectors}: the feature packages may use it, users may not.
 */
@NullMarked
package dev.perfgate.collectors.internal;

import org.jspecify.annotations.NullMarked;
