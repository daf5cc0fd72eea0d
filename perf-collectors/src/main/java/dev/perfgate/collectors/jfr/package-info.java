/**
 * Allocation and GC figures from JDK Flight Recorder: the JFR memory probe and the allocation
 * profile (top allocation sites) it reports.
 *
 * <p>Where the JVM has no JFR, the probe reports its metrics as not measured and says what was skipped.
 */
@NullMarked
package dev.perfgate.collectors.jfr;

import org.jspecify.annotations.NullMarked;
