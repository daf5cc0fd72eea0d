package dev.perfgate.generator.internal;

import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.MetricJudgement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place that decides how every output shows a verdict's words: the console, the HTML,
 * Markdown and JSON reports, JUnit's report entries and the message of a failed run.
 *
 * <p>The wording rule has two halves. Each kind of finding has one detail type ({@link Verdict.Detail}:
 * a target check, a comparison, a history check, a trend, a scaling fit, a missing run, a run error,
 * ...), and that type is the one home of its words: nothing else formats its figures into text, and
 * a detail that brings several findings together (the judgement of one metric) takes the others'
 * words from them rather than writing its own. This class is the other half: the one place that
 * reads those words ({@link Verdict#message()}, {@link Verdict#figures()}, a detail's
 * {@code message()}) and decides how each output shows them, whole as a console line, without the
 * subject beside a subject column, or as figures in JSON. Nothing else reads them (an architecture
 * test holds that), so code that acts on a verdict reads its typed detail and never parses its words.
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
   * A finding shown on its own rather than as a verdict, such as the trend of a variant's primary
   * metric beside its figures.
   *
   * @param detail the finding
   * @return its words
   */
  public static String line(Verdict.Detail detail) {
    return detail.message();
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
   * One piece of evidence behind a verdict that combined several.
   *
   * @param kind {@code baseline}, {@code history} or {@code trend}
   * @param status the evidence's own status
   * @param line its words, as its own verdict would have said them
   */
  public record Evidence(String kind, Status status, String line) {}

  /**
   * The evidence a metric's one verdict combined (its comparison with the baseline, its history
   * check and its trend), each with its own status and words, for the JSON report; empty for any
   * other verdict.
   *
   * @param v the verdict
   * @return the evidence, possibly empty
   */
  public static List<Evidence> evidence(Verdict v) {
    if (!(v.detail() instanceof MetricJudgement j)) {
      return List.of();
    }
    List<Evidence> out = new ArrayList<>();
    j.comparison().ifPresent(c -> out.add(new Evidence("baseline", j.statusOf(MetricJudgement.Evidence.BASELINE),
        c.message())));
    j.history().ifPresent(h -> out.add(new Evidence("history", j.statusOf(MetricJudgement.Evidence.HISTORY),
        h.message())));
    j.trend().ifPresent(t -> out.add(new Evidence("trend", j.statusOf(MetricJudgement.Evidence.TREND),
        t.message())));
    return out;
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
