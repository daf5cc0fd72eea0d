/**
 * The stores' implementations (the JSON directory store with its file locks and atomic writes, the
 * JDBC store and its schema) and the change-point search.
 *
 * <p>Internal: reached through {@link dev.perfgate.baseline.BaselineStores}; free to change.
 */
@NullMarked
package dev.perfgate.baseline.internal;

import org.jspecify.annotations.NullMarked;
