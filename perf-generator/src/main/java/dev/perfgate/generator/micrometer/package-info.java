/**
 * Publishing a run's figures to a Micrometer registry. Micrometer is optional: only this package
 * loads its classes.
 */
@NullMarked
package dev.perfgate.generator.micrometer;

import org.jspecify.annotations.NullMarked;
