package dev.perfgate.generator.report.internal;

import dev.perfgate.api.BenchmarkKey;
import java.util.List;

/**
 * A table shown under a variant's figures, as the public {@code ReportExtras.Table} hands it over;
 * a copy here keeps the internal package from depending on the public one (no package cycle).
 *
 * @param key the variant it belongs to
 * @param title what the table shows
 * @param columns the column headings
 * @param rows the rows, one cell per column, already validated
 */
public record ExtraTable(BenchmarkKey key, String title, List<String> columns, List<List<String>> rows) {

  /** Copies the lists. */
  public ExtraTable {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
  }
}
