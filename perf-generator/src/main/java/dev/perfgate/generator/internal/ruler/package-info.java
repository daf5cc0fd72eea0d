/**
 * The ruler: a small fixed calibration workload (CPU, memory and allocation, small files) that a
 * suite with a baseline store measures with every run, so that a slower machine can be told from
 * slower code.
 *
 * <p>Internal: reached through {@code perfgate.ruler} and the suite; free to change.
 */
@NullMarked
package dev.perfgate.generator.internal.ruler;

import org.jspecify.annotations.NullMarked;
