/**
 * The quick start of the README: a small suite with targets, run from a {@code main}.
 */
@NullMarked
package dev.perfgate.examples;

import org.jspecify.annotations.NullMarked;
