package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one check, with what it is about and the typed finding behind it. Code that acts
 * on a verdict reads its {@link #subject()}, {@link #metric()}, {@link #status()} and
 * {@link #detail()}; only the reports turn it into words ({@link #message()}), so no code needs to
 * parse a message back.
 *
 * <p>A check of one's own that has nothing more to say than a line of text makes its verdict with
 * {@link #of(Subject, String, Status, String)}:
 *
 * <pre>{@code
 * SuiteCheck queries = results -> List.of(Verdict.of(Subject.benchmark("render"), "queries <= 3",
 *     Status.PASS, "render  queries 2 <= 3  PASS"));
 * }</pre>
 *
 * @param subject the variant, benchmark or suite checked
 * @param check what was checked, such as {@code p95 time/op <= 100 ms}
 * @param status the outcome
 * @param metric the metric judged, where the check judges one
 * @param detail the finding: a target check, a comparison with a baseline, a scaling fit, ... or a
 *     {@link Note} of plain text
 */
public record Verdict(Subject subject, String check, Status status, Optional<Metric> metric, Detail detail) {

  /**
   * The finding behind a verdict. Each kind of check has its own type (a target check, a comparison
   * with a baseline, a scaling fit, a cache check, ...), which code that acts on a verdict reads
   * with {@code instanceof}.
   *
   * <p>The wording rule: each detail type is the one home of its words. It says its finding in one
   * line ({@link #message()}) and names its figures ({@link #figures()}); no other class formats
   * that finding, and a detail that brings several findings together takes their words from them
   * rather than formatting their figures itself. How each output (console, HTML, Markdown, JSON)
   * shows those words is decided in one place, the reports' renderer; nothing else reads them, so
   * code never parses a message back. {@link Note} is the one detail that is only words: the plain
   * way to make a verdict for a check of one's own.
   */
  public interface Detail {

    /**
     * The finding as one line for a person, subject first, as the console prints it: for example
     * {@code render  p95 time/op 0.84 ms  <= 100 ms  PASS}. Only reports read it.
     *
     * @return the line
     */
    String message();

    /**
     * The numbers behind the finding, by name, in base units, for the JSON report and for a
     * person; never read back by code (read the detail's own accessors instead).
     *
     * @return the figures, possibly empty
     */
    default Map<String, Double> figures() {
      return Map.of();
    }

    /**
     * The subject as the reports name it beside the line; the subject itself unless the finding
     * names it more closely, such as {@code sort time.wall} for the scaling of one metric.
     *
     * @param subject the verdict's subject
     * @return the words
     */
    default String subject(Subject subject) {
      return subject.toString();
    }
  }

  /**
   * A finding that is only words (and possibly figures): the detail of a user's own check.
   *
   * @param message the line, subject first, such as {@code render  queries 2 <= 3  PASS}
   * @param figures the numbers behind it, by name
   */
  public record Note(String message, Map<String, Double> figures) implements Detail {

    /**
     * Creates a note.
     *
     * @throws NullPointerException if an argument is null
     */
    public Note {
      Checks.notNull(message, "message");
      figures = Map.copyOf(Checks.notNull(figures, "figures"));
    }
  }

  /**
   * Creates a verdict.
   *
   * @throws NullPointerException if an argument is null
   */
  public Verdict {
    Checks.notNull(subject, "subject");
    Checks.notNull(check, "check");
    Checks.notNull(status, "status");
    Checks.notNull(metric, "metric");
    Checks.notNull(detail, "detail");
  }

  /**
   * A verdict that is only words, for a check of one's own.
   *
   * @param subject the variant, benchmark or suite checked
   * @param check what was checked
   * @param status the outcome
   * @param message one line for a person, subject first
   * @return the verdict, with a {@link Note} as its detail
   * @throws NullPointerException if an argument is null
   */
  public static Verdict of(Subject subject, String check, Status status, String message) {
    return new Verdict(subject, check, status, Optional.empty(), new Note(message, Map.of()));
  }

  /**
   * A verdict with a typed finding that judges no one metric.
   *
   * @param subject the variant, benchmark or suite checked
   * @param check what was checked
   * @param status the outcome
   * @param detail the finding
   * @return the verdict
   * @throws NullPointerException if an argument is null
   */
  public static Verdict of(Subject subject, String check, Status status, Detail detail) {
    return new Verdict(subject, check, status, Optional.empty(), detail);
  }

  /**
   * A verdict with a typed finding about one metric.
   *
   * @param subject the variant, benchmark or suite checked
   * @param metric the metric judged
   * @param check what was checked
   * @param status the outcome
   * @param detail the finding
   * @return the verdict
   * @throws NullPointerException if an argument is null
   */
  public static Verdict of(Subject subject, Metric metric, String check, Status status, Detail detail) {
    return new Verdict(subject, check, status, Optional.of(Checks.notNull(metric, "metric")), detail);
  }

  /**
   * The finding in one line, subject first, for a person. Reports print it; code that acts on a
   * verdict reads {@link #detail()} instead (an architecture test holds that).
   *
   * @return the line
   */
  public String message() {
    return detail.message();
  }

  /**
   * The numbers behind the finding, by name, in base units (measured, limit, ratio, ...), as the
   * JSON and HTML reports show them. Code that acts on a verdict reads {@link #detail()} instead.
   *
   * @return the figures, possibly empty
   */
  public Map<String, Double> figures() {
    return detail.figures();
  }

  /**
   * Whether this verdict fails a test or a build.
   *
   * @return true if the status is a failure
   */
  public boolean failed() {
    return status.isFailure();
  }

  @Override
  public String toString() {
    return message();
  }
}
