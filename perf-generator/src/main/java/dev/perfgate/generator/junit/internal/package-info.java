/**
 * How a forked child re-runs one test method through the JUnit Platform launcher and measures only
 * the requested call.
 *
 * <p>Internal: free to change.
 */
@NullMarked
package dev.perfgate.generator.junit.internal;

import org.jspecify.annotations.NullMarked;
