/**
 * What the JFR memory probe and the heap's retention check share about JFR: whether it can record
 * here, and readable names for what it records. Not an API.
 */
@NullMarked
package dev.perfgate.collectors.internal.jfr;

import org.jspecify.annotations.NullMarked;
