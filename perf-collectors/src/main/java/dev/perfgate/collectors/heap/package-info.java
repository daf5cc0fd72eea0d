/**
 * Retained heap and leaks: the retained-heap probe, the leak check over repeated cycles
 * ({@link dev.perfgate.collectors.heap.LeakCheck}) and the check that an object is collectable after
 * it is closed ({@link dev.perfgate.collectors.heap.RetentionCheck}). Every figure comes from the
 * running JVM's heap after forced collections; nothing is estimated.
 */
@NullMarked
package dev.perfgate.collectors.heap;

import org.jspecify.annotations.NullMarked;
