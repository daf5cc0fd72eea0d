/**
 * The Perfgate result format: one versioned JSON schema ({@code perfgate-result.schema.json} in this
 * package's resources) and one mapping for everything Perfgate writes about runs: the directory
 * store's files, a single stored run for other stores, and the results of the JSON report. It lives
 * in perf-baseline because the store is its first writer and Jackson is fenced to the store and the
 * report; perf-generator's report reaches it through the module arrow generator -> baseline.
 */
@NullMarked
package dev.perfgate.baseline.format;

import org.jspecify.annotations.NullMarked;
