package dev.perfgate.generator.report;

import dev.perfgate.api.BenchmarkKey;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

  /** The version written as {@code "format"} in the JSON report; it changes when a field changes meaning. */
  public static final int JSON_FORMAT = JsonReport.FORMAT;

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
    return JsonReport.write(Objects.requireNonNull(report, "report"));
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
    return html(report, Map.of());
  }

  /**
   * The report as one self-contained HTML page, with a trend chart for each variant that has
   * history.
   *
   * @param report the report
   * @param history for each variant, the median {@code time.wall} (ns) of each stored run, oldest
   *     first; this run is drawn after them. Variants absent from the map get no trend chart
   * @return the page
   * @throws NullPointerException if an argument or a history array is null
   */
  public static String html(Report report, Map<BenchmarkKey, double[]> history) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(history, "history");
    Map<BenchmarkKey, double[]> copy = new LinkedHashMap<>();
    history.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "history key"),
        Objects.requireNonNull(v, "history of " + k).clone()));
    return HtmlReport.write(report, copy);
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
    return writeAll(report, directory, Map.of());
  }

  /**
   * Writes the JSON, HTML (with trend charts from the history) and Markdown reports into a
   * directory, creating it if needed; see {@link #writeAll(Report, Path)}.
   *
   * @param report the report
   * @param directory the directory
   * @param history for each variant, the median {@code time.wall} (ns) of each stored run, oldest first
   * @return the files written: JSON, HTML, Markdown
   * @throws UncheckedIOException if the directory cannot be created or a file cannot be written
   * @throws NullPointerException if an argument is null
   */
  public static List<Path> writeAll(Report report, Path directory, Map<BenchmarkKey, double[]> history) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(directory, "directory");
    String html = html(report, history);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the report directory " + directory.toAbsolutePath()
          + ": " + e.getMessage() + "; choose a writable directory (-Dperfgate.reportDir)", e);
    }
    return List.of(
        write(directory.resolve(JSON_FILE), json(report)),
        write(directory.resolve(HTML_FILE), html),
        write(directory.resolve(MARKDOWN_FILE), markdown(report)));
  }

  private static Path write(Path file, String content) {
    Path temp = null;
    try {
      temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // The write already failed; that failure is the one to report.
        }
      }
      throw new UncheckedIOException("cannot write report " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }
}
