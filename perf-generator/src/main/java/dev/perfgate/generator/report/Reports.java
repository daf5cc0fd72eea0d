package dev.perfgate.generator.report;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.baseline.format.ResultFormat;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.report.internal.HtmlReport;
import dev.perfgate.generator.report.internal.JsonReport;
import dev.perfgate.generator.report.internal.MarkdownReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns a {@link Report} into files: complete JSON for tools and history, one self-contained HTML
 * page for people, and a Markdown summary for a CI job page or a pull request.
 *
 * <pre>{@code
 * Report report = suite.run();
 * List<Path> written = Reports.writeAll(report, Reports.DEFAULT_DIRECTORY);
 * }</pre>
 */
public final class Reports {

  /** Where reports go unless told otherwise: {@code target/perfgate}, relative to the working directory. */
  public static final Path DEFAULT_DIRECTORY = Path.of("target", "perfgate");

  /**
   * The version written as {@code "formatVersion"} in the JSON report: the version of the Perfgate
   * result format, which the baseline store writes too; it changes when a field changes meaning.
   */
  public static final int JSON_FORMAT = ResultFormat.VERSION;

  /** The file name of the JSON report. */
  public static final String JSON_FILE = "perfgate-report.json";

  /** The file name of the HTML report. */
  public static final String HTML_FILE = "perfgate-report.html";

  /** The file name of the Markdown summary. */
  public static final String MARKDOWN_FILE = "perfgate-summary.md";

  private Reports() {}

  /**
   * The complete report as pretty-printed JSON: format version, environment with its fingerprint,
   * every result with every trial's raw sample values, statistics, not-measured reasons, warnings,
   * errors, and every verdict with its figures. Fields keep a fixed order; undefined figures are
   * {@code null}.
   *
   * @param report the report
   * @return the JSON text
   * @throws NullPointerException if report is null
   */
  public static String json(Report report) {
    return json(report, ReportExtras.none());
  }

  /**
   * The complete report as JSON (see {@link #json(Report)}), with the extras' tables, then each
   * result's annotations (see {@link dev.perfgate.api.Annotation}), under {@code "tables"}.
   *
   * @param report the report
   * @param extras tables to add; their history is not written (it comes from stored runs)
   * @return the JSON text
   * @throws NullPointerException if an argument is null
   */
  public static String json(Report report, ReportExtras extras) {
    Objects.requireNonNull(report, "report");
    return JsonReport.write(report, tables(report, Objects.requireNonNull(extras, "extras")));
  }

  /**
   * The report as one self-contained HTML page (XHTML markup, inline SVG charts, no script or
   * external resource), without trend charts.
   *
   * @param report the report
   * @return the page
   * @throws NullPointerException if report is null
   */
  public static String html(Report report) {
    return html(report, ReportExtras.none());
  }

  /**
   * The report as one self-contained HTML page, with a trend chart for each variant that has
   * history.
   *
   * @param report the report
   * @param history for each variant, the median {@code time.wall} (ns) of each stored run, oldest
   *     first; this run is drawn after them. Variants absent from the map get no trend chart
   * @return the page
   * @throws NullPointerException if an argument, a key or an array is null
   * @throws IllegalArgumentException if a median is NaN, infinite or negative
   */
  public static String html(Report report, Map<BenchmarkKey, double[]> history) {
    return html(report, ReportExtras.newBuilder().histories(Objects.requireNonNull(history, "history")).build());
  }

  /**
   * The report as one self-contained HTML page, with the extras: a trend chart for each variant
   * that has history, and each table under its variant's figures.
   *
   * @param report the report
   * @param extras history and tables
   * @return the page
   * @throws NullPointerException if an argument is null
   */
  public static String html(Report report, ReportExtras extras) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(extras, "extras");
    return HtmlReport.write(report, history(report, extras), tables(report, extras));
  }

  /**
   * A short Markdown summary: the outcome, a table of checks with failures first, and one row of
   * main figures per benchmark variant. Names are escaped so a {@code |} cannot break a table.
   *
   * @param report the report
   * @return the Markdown text
   * @throws NullPointerException if report is null
   */
  public static String markdown(Report report) {
    return MarkdownReport.write(Objects.requireNonNull(report, "report"));
  }

  /**
   * Writes the JSON, HTML and Markdown reports into {@link #DEFAULT_DIRECTORY}.
   *
   * @param report the report
   * @return the files written: JSON, HTML, Markdown
   * @throws UncheckedIOException if a file cannot be written
   * @throws NullPointerException if report is null
   */
  public static List<Path> writeAll(Report report) {
    return writeAll(report, DEFAULT_DIRECTORY);
  }

  /**
   * Writes the JSON, HTML and Markdown reports into a directory, creating it if needed. Each file
   * is written to a temporary file first and then moved into place, so a reader never sees half a
   * report.
   *
   * @param report the report
   * @param directory the directory
   * @return the files written: JSON, HTML, Markdown
   * @throws UncheckedIOException if the directory cannot be created or a file cannot be written
   * @throws NullPointerException if an argument is null
   */
  public static List<Path> writeAll(Report report, Path directory) {
    return writeAll(report, directory, ReportExtras.none());
  }

  /**
   * Writes the JSON, HTML and Markdown reports, with the extras, into a directory; see
   * {@link #writeAll(Report, Path)}.
   *
   * @param report the report
   * @param directory the directory
   * @param extras history for the trend charts and tables for the HTML and JSON reports
   * @return the files written: JSON, HTML, Markdown
   * @throws UncheckedIOException if the directory cannot be created or a file cannot be written
   * @throws NullPointerException if an argument is null
   */
  public static List<Path> writeAll(Report report, Path directory, ReportExtras extras) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(extras, "extras");
    String json = json(report, extras);
    String html = html(report, extras);
    String markdown = markdown(report);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the report directory " + directory.toAbsolutePath()
          + ": " + e.getMessage() + "; choose a writable directory (-Dperfgate.reportDir)", e);
    }
    return List.of(
        write(directory.resolve(JSON_FILE), json),
        write(directory.resolve(HTML_FILE), html),
        write(directory.resolve(MARKDOWN_FILE), markdown));
  }

  /**
   * A writer for a hook that runs after a suite: each report it is given is written with
   * {@link #writeAll(Report, Path)} into the directory.
   *
   * <pre>{@code
   * Consumer<Report> write = Reports.writer(Reports.DEFAULT_DIRECTORY);
   * write.accept(suite.run());
   * }</pre>
   *
   * @param directory the directory
   * @return the writer
   * @throws NullPointerException if directory is null
   */
  public static Consumer<Report> writer(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return report -> writeAll(report, directory);
  }

  /** The extras' history, completed by the stored history the suite's baselines carry. */
  private static Map<BenchmarkKey, double[]> history(Report report, ReportExtras extras) {
    Map<BenchmarkKey, double[]> history = new java.util.LinkedHashMap<>(extras.history());
    for (dev.perfgate.generator.BenchmarkReport b : report.benchmarks()) {
      if (!b.timeHistory().isEmpty()) {
        history.putIfAbsent(b.result().key(), b.timeHistory().stream().mapToDouble(Double::doubleValue).toArray());
      }
    }
    return history;
  }

  /** The extras' tables, then each result's annotations (the data its probes reported unjudged) as tables. */
  private static List<ReportExtras.Table> tables(Report report, ReportExtras extras) {
    List<ReportExtras.Table> tables = new java.util.ArrayList<>();
    extras.tables().forEach(t -> tables.add(new ReportExtras.Table(t.key(), t.title(), t.columns(), t.rows())));
    for (dev.perfgate.api.Result r : report.results()) {
      r.annotations().forEach(a -> tables.add(new ReportExtras.Table(r.key(), a.title(), a.columns(), a.rows())));
    }
    return List.copyOf(tables);
  }

  private static Path write(Path file, String content) {
    // A name of our own rather than Files.createTempFile, which makes the file readable by its
    // owner only; reports are read by CI artifact uploaders and people, so they keep the umask's mode.
    Path temp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
        + Thread.currentThread().getId() + ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // The write already failed; that failure is the one to report.
      }
      throw new UncheckedIOException("cannot write report " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }
}
