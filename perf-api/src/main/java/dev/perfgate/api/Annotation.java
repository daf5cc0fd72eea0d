package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Data a probe reports about a benchmark variant that no target, baseline or trend ever judges: a
 * table such as the top allocation sites JFR sampled. Reports show it under the variant's figures
 * (HTML) and in its own section (JSON); baselines do not store it. A probe adds one with
 * {@link Probe.Recorder#annotate(Annotation)}; a later annotation with the same id replaces an
 * earlier one in the same result, so a probe can refresh its table after every trial.
 *
 * <pre>{@code
 * recorder.annotate(new Annotation("classes.loaded.names", "Classes loaded during the trial",
 *     List.of("class"), List.of(List.of("com.example.Template$1"))));
 * }</pre>
 *
 * @param id an id unique within a result, dotted and lowercase like a metric's name, such as
 *     {@code jfr.allocation.sites}
 * @param title a heading that says what the table shows and how far to trust it
 * @param columns the column headings, at least one
 * @param rows the rows, each with one cell per column; possibly none
 */
public record Annotation(String id, String title, List<String> columns, List<List<String>> rows) {

  /**
   * Creates an annotation.
   *
   * @throws IllegalArgumentException if the id or the title is blank,
   *     there is no column, or a row's length differs from the number of columns
   * @throws NullPointerException if an argument, a column, a row or a cell is null
   */
  public Annotation {
    Checks.name(id, "annotation id");
    Checks.notNull(title, "annotation title");
    Checks.argument(!title.isBlank(), "title of annotation '%s' must not be blank; say what it shows", id);
    columns = List.copyOf(Checks.notNull(columns, "annotation columns"));
    Checks.argument(!columns.isEmpty(), "annotation '%s' has no column; give at least one column heading", id);
    List<List<String>> copy = new ArrayList<>();
    for (List<String> row : Checks.notNull(rows, "annotation rows")) {
      List<String> r = List.copyOf(row);
      Checks.argument(r.size() == columns.size(), "row %s of annotation '%s' has %s cells but it has %s columns %s;"
          + " give one cell per column", copy.size() + 1, id, r.size(), columns.size(), columns);
      copy.add(r);
    }
    rows = List.copyOf(copy);
  }
}
