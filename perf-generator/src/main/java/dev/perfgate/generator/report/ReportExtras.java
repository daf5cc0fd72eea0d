package dev.perfgate.generator.report;

import dev.perfgate.api.BenchmarkKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a report shows beside the {@link dev.perfgate.generator.Report} itself: the history of
 * each variant (for the trend chart) and tables that other parts of a run produce, such as the top
 * allocation sites a JFR probe sampled. Immutable.
 *
 * <pre>{@code
 * ReportExtras extras = ReportExtras.newBuilder()
 *     .history(BenchmarkKey.of("render"), 812_000, 798_500, 805_200)
 *     .table(BenchmarkKey.of("render"), "Top allocation sites (sampled estimates, not a gate)",
 *         List.of("site", "bytes", "share"), rows)
 *     .build();
 * Reports.writeAll(report, Reports.DEFAULT_DIRECTORY, extras);
 * }</pre>
 */
public final class ReportExtras {
  private static final ReportExtras NONE = new ReportExtras(Map.of(), List.of());

  private final Map<BenchmarkKey, double[]> history;
  private final List<Table> tables;

  private ReportExtras(Map<BenchmarkKey, double[]> history, List<Table> tables) {
    this.history = history;
    this.tables = tables;
  }

  /**
   * No history and no tables.
   *
   * @return the empty extras
   */
  public static ReportExtras none() {
    return NONE;
  }

  /**
   * Starts building extras.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * The history of each variant that has one.
   *
   * @return for each variant, the median {@code time.wall} (ns) of each stored run, oldest first;
   *     the arrays are copies
   */
  public Map<BenchmarkKey, double[]> history() {
    Map<BenchmarkKey, double[]> copy = new LinkedHashMap<>();
    history.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  /**
   * Every table, in the order added.
   *
   * @return the tables, possibly empty
   */
  public List<Table> tables() {
    return tables;
  }

  /**
   * A table about one benchmark variant, shown under its figures.
   *
   * @param key the variant it belongs to
   * @param title a heading that says what the table is and how far to trust it
   * @param columns the column headings
   * @param rows the rows, each with one cell per column
   */
  public record Table(BenchmarkKey key, String title, List<String> columns, List<List<String>> rows) {

    /**
     * Creates a table.
     *
     * @throws IllegalArgumentException if the title is blank, there is no column, or a row's
     *     length differs from the number of columns
     * @throws NullPointerException if an argument, a column or a cell is null
     */
    public Table {
      Objects.requireNonNull(key, "table key");
      Objects.requireNonNull(title, "table title");
      if (title.isBlank()) {
        throw new IllegalArgumentException("table title of " + key + " must not be blank; say what the table shows");
      }
      columns = List.copyOf(columns);
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("table '" + title + "' has no column; give at least one column heading");
      }
      List<List<String>> copy = new ArrayList<>();
      for (List<String> row : rows) {
        List<String> r = List.copyOf(row);
        if (r.size() != columns.size()) {
          throw new IllegalArgumentException("row " + (copy.size() + 1) + " of table '" + title + "' has " + r.size()
              + " cells but the table has " + columns.size() + " columns " + columns + "; give one cell per column");
        }
        copy.add(r);
      }
      rows = List.copyOf(copy);
    }
  }

  /** Builds {@link ReportExtras}; {@link #build()} may be called again. */
  public static final class Builder {
    private final Map<BenchmarkKey, double[]> history = new LinkedHashMap<>();
    private final List<Table> tables = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the history of one variant.
     *
     * @param key the variant
     * @param medians the median {@code time.wall} (ns) of each stored run, oldest first
     * @return this builder
     * @throws IllegalStateException if the variant's history was already set
     * @throws IllegalArgumentException if a median is NaN, infinite or negative
     * @throws NullPointerException if an argument is null
     */
    public Builder history(BenchmarkKey key, double... medians) {
      Objects.requireNonNull(key, "history key");
      Objects.requireNonNull(medians, "history of " + key);
      if (history.containsKey(key)) {
        throw new IllegalStateException("the history of " + key + " was already set; set it once");
      }
      for (double m : medians) {
        if (!Double.isFinite(m) || m < 0) {
          throw new IllegalArgumentException("history median of " + key + " (" + m + ") must be a finite number >= 0");
        }
      }
      history.put(key, medians.clone());
      return this;
    }

    /**
     * Adds the histories of several variants; see {@link #history(BenchmarkKey, double...)}.
     *
     * @param histories for each variant, its medians, oldest first
     * @return this builder
     * @throws IllegalStateException if a variant's history was already set
     * @throws IllegalArgumentException if a median is NaN, infinite or negative
     * @throws NullPointerException if the map, a key or an array is null
     */
    public Builder histories(Map<BenchmarkKey, double[]> histories) {
      Objects.requireNonNull(histories, "histories").forEach(this::history);
      return this;
    }

    /**
     * Adds a table about one variant.
     *
     * @param key the variant
     * @param title what the table shows and how far to trust it
     * @param columns the column headings
     * @param rows the rows, one cell per column
     * @return this builder
     * @throws IllegalArgumentException as {@link Table#Table}
     * @throws NullPointerException if an argument is null
     */
    public Builder table(BenchmarkKey key, String title, List<String> columns, List<List<String>> rows) {
      tables.add(new Table(key, title, columns, rows));
      return this;
    }

    /**
     * Builds the extras.
     *
     * @return immutable extras
     */
    public ReportExtras build() {
      Map<BenchmarkKey, double[]> h = new LinkedHashMap<>();
      history.forEach((k, v) -> h.put(k, v.clone()));
      return new ReportExtras(h, List.copyOf(tables));
    }
  }
}
