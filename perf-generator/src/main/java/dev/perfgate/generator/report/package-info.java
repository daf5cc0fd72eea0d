/**
 * Writing a run's report as HTML, Markdown and JSON ({@link dev.perfgate.generator.report.Reports}),
 * with tables a suite adds of its own ({@link dev.perfgate.generator.report.ReportExtras}).
 */
@NullMarked
package dev.perfgate.generator.report;

import org.jspecify.annotations.NullMarked;
