package dev.perfgate.generator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import dev.perfgate.generator.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ReportsMarkdownTest {

  /** Table rows, split on the pipes that are not escaped. */
  private static List<String[]> rows(String md) {
    return md.lines().filter(l -> l.startsWith("| ")).map(l -> l.split("(?<!\\\\)\\|", -1)).toList();
  }

  @Test
  void markdown_failuresComeFirst() {
    Report report = RealRun.report();
    String md = Reports.markdown(report);
    assertTrue(md.startsWith("### Perfgate: FAILED (" + report.failures().size() + " of " + report.verdicts().size()
        + " checks failed)"), md);
    List<String> checkRows = md.lines().filter(l -> l.startsWith("| ")).limit(report.verdicts().size() + 1).skip(1).toList();
    int lastFailure = -1;
    int firstOther = Integer.MAX_VALUE;
    for (int i = 0; i < checkRows.size(); i++) {
      boolean failure = checkRows.get(i).contains(" FAIL |") || checkRows.get(i).contains(" ERROR |");
      if (failure) {
        lastFailure = i;
      } else {
        firstOther = Math.min(firstOther, i);
      }
    }
    assertEquals(report.failures().size() - 1, lastFailure, md);
    assertTrue(lastFailure < firstOther, md);
  }

  @Test
  void markdown_pipeAndTagInNames_areEscapedSoTheTableHolds() {
    String md = Reports.markdown(RealRun.report());
    assertTrue(md.contains("| a\\|b |"), md);
    assertFalse(md.contains(RealRun.HOSTILE), "no raw tag for the page to render");
    assertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), md);
    for (String[] row : rows(md)) {
      int header = row.length;
      assertTrue(header == 5 || header == 8, "cells (with the outer empty ones) in " + String.join("|", row));
    }
  }

  @Test
  void markdown_hasOneRowPerVariantWithItsFigures() {
    Report report = RealRun.report();
    String md = Reports.markdown(report);
    for (var r : report.results()) {
      String key = r.key().toString().replace("|", "\\|").replace("[", "\\[").replace("]", "\\]").replace("<", "&lt;").replace(">", "&gt;");
      assertEquals(1, md.lines().filter(l -> l.startsWith("| " + key + " | ")).count(), key + " in\n" + md);
    }
    assertTrue(md.lines().anyMatch(l -> l.startsWith("| boom | ") && l.contains("broken on purpose")), md);
  }

  @Test
  void markdown_checkRow_showsTheMessageWithoutRepeatingTheSubject() {
    String md = Reports.markdown(RealRun.report());
    assertTrue(md.lines().anyMatch(l -> l.matches("\\| \\S+ FAIL \\| sort\\\\\\[size=4096\\\\\\] \\| median time/op \\S+ \\S+ &lt;= 1 ns FAIL \\|")), md);
  }

  @Test
  void markdown_passingRun_saysSo() {
    Report real = RealRun.report();
    Report passing = new Report(List.of(), List.of(Verdict.of(dev.perfgate.api.Subject.benchmark("x"), "ratio <= 2", Status.PASS, "x fine")),
        real.environment(), List.of(), List.of(), java.time.Duration.ofMillis(3));
    assertTrue(Reports.markdown(passing).startsWith("### Perfgate: PASSED (all 1 checks passed)"));
  }
}
