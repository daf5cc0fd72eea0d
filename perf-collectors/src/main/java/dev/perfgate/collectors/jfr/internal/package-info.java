/**
 * The JFR probe's implementation: recording sessions, the analysis of recorded events and the
 * metrics it yields.
 *
 * <p>Internal: reached through {@link dev.perfgate.collectors.jfr.JfrProbes}; free to change.
 */
@NullMarked
package dev.perfgate.collectors.jfr.internal;

import org.jspecify.annotations.NullMarked;
