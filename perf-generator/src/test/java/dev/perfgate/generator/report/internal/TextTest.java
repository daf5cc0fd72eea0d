package dev.perfgate.generator.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class TextTest {

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '^', value = {
      "<script>alert(1)</script> => &lt;script&gt;alert(1)&lt;/script&gt;",
      "a & b => a &amp; b",
      "^\"quoted\" 'single'^ => &quot;quoted&quot; &#39;single&#39;",
      "plain.name => plain.name"})
  void html_specialCharacters_becomeEntities(String raw, String escaped) {
    assertEquals(escaped, Text.html(raw));
  }

  @Test
  void html_controlCharacters_thatXmlForbids_areDropped() {
    assertEquals("ab", Text.html("a\u0000\u0007b"));
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '^', value = {
      "a|b => a\\|b",
      "<b>x</b> => &lt;b&gt;x&lt;/b&gt;",
      "[link](http://x) => \\[link\\](http://x)",
      "*bold* _it_ `code` => \\*bold\\* \\_it\\_ \\`code\\`",
      "back\\slash => back\\\\slash"})
  void markdown_specialCharacters_areEscaped(String raw, String escaped) {
    assertEquals(escaped, Text.markdown(raw));
  }

  @ParameterizedTest
  @ValueSource(strings = {"line\nbreak", "carriage\rreturn", "tab\there"})
  void markdown_lineBreaks_cannotEndATableRow(String raw) {
    String cell = Text.markdown(raw);
    assertFalse(cell.contains("\n") || cell.contains("\r") || cell.contains("\t"), cell);
  }

  @Test
  void worstFirst_ordersErrorsAndFailuresBeforeTheRest() {
    List<Verdict> verdicts = new ArrayList<>();
    for (Status s : List.of(Status.PASS, Status.NOT_MEASURED, Status.FAIL, Status.WARN, Status.ERROR, Status.INCONCLUSIVE)) {
      verdicts.add(Verdict.of(Subject.benchmark("x"), "c", s, "m"));
    }
    verdicts.sort(Text.WORST_FIRST);
    assertEquals(List.of(Status.ERROR, Status.FAIL, Status.WARN, Status.INCONCLUSIVE, Status.NOT_MEASURED, Status.PASS),
        verdicts.stream().map(Verdict::status).toList());
  }

  @Test
  void concerns_matchesTheVariantAndWholeBenchmarkSubjectsOnly() {
    BenchmarkKey key = BenchmarkKey.of("sort", 64);
    assertTrue(Text.concerns(Verdict.of(Subject.of(key), "c", Status.PASS, "m"), key));
    assertTrue(Text.concerns(Verdict.of(Subject.benchmark("sort"), "c", Status.PASS, "m"), key));
    assertTrue(Text.concerns(Verdict.of(Subject.of(BenchmarkKey.of("sort", 512)), "c", Status.PASS, "m"), key));
    assertFalse(Text.concerns(Verdict.of(Subject.benchmark("sorted"), "c", Status.PASS, "m"), key));
    assertFalse(Text.concerns(Verdict.of(Subject.suite(), "c", Status.PASS, "m"), key));
    assertFalse(Text.concerns(Verdict.of(Subject.of(BenchmarkKey.of("sort", 512)), "c", Status.PASS, "m"),
        BenchmarkKey.of("sor")));
  }
}
