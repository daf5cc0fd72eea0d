/**
 * The demo database (H2, N tables of realistic shape) and the schema service that reads it through
 * {@link java.sql.DatabaseMetaData} into immutable models, cached in Caffeine caches that record statistics.
 */
@NullMarked
package dev.perfgate.examples.generator.schema;

import org.jspecify.annotations.NullMarked;
