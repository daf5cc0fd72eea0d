/**
 * Helpers that every Perfgate module shares (argument checks with actionable messages, name rules).
 *
 * <p>Internal: not part of the API users program against and free to change; it lives in
 * {@code perf-api} because that is the one module all others depend on.
 */
@NullMarked
package dev.perfgate.api.internal;

import org.jspecify.annotations.NullMarked;
