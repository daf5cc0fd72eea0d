package dev.perfgate.generator.internal;

import dev.perfgate.api.Verdict;
import java.util.Map;

/**
 * The one place where verdicts become words for every output: the console, the HTML, Markdown and
 * JSON reports, JUnit's report entries and the message of a failed run. Each verdict's detail says
 * its finding in one line; this class decides how the outputs show it. Nothing else reads
 * {@link Verdict#message()} or {@link Verdict#figures()} (an architecture test holds that), so code
 * that acts on a verdict reads its typed detail and never parses its words.
 */
public final class VerdictText {

  private VerdictText() {}

  /**
   * The verdict in one line, subject first, as the console prints it.
   *
   * @param v the verdict
   * @return the line
   */
  public static String line(Verdict v) {
    return v.message();
  }

  /**
   * The subject as the reports' subject column names it, such as {@code sort time.wall} for the
   * scaling of one metric of a benchmark.
   *
   * @param v the verdict
   * @return the words
   */
  public static String subject(Verdict v) {
    return v.detail().subject(v.subject());
  }

  /**
   * The line without the subject it starts with (a column beside it shows that), with its
   * column-aligning runs of spaces collapsed; the check when nothing is left.
   *
   * @param v the verdict
   * @return the words
   */
  public static String result(Verdict v) {
    String m = line(v).strip();
    String subject = subject(v);
    if (m.startsWith(subject)) {
      m = m.substring(subject.length()).strip();
    }
    m = m.replaceAll(" {2,}", " ");
    return m.isEmpty() ? v.check() : m;
  }

  /**
   * The numbers behind the verdict, by name, for a person and the JSON report.
   *
   * @param v the verdict
   * @return the figures, possibly empty
   */
  public static Map<String, Double> figures(Verdict v) {
    return v.figures();
  }
}
