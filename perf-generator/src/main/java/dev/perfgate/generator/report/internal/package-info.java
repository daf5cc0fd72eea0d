/**
 * The report writers and their charts.
 *
 * <p>Internal: reached through {@link dev.perfgate.generator.report.Reports}; free to change.
 */
@NullMarked
package dev.perfgate.generator.report.internal;

import org.jspecify.annotations.NullMarked;
