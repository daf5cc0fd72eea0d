package dev.perfgate.generator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Statistic;
import dev.perfgate.generator.Report;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

final class ReportsHtmlTest {

  static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
      @Override
      public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
        throw e;
      }

      @Override
      public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
        throw e;
      }
    });
    return b.parse(new InputSource(new StringReader(html)));
  }

  private static List<Element> elements(Document doc, String ns, String name) {
    NodeList nodes = doc.getElementsByTagNameNS(ns, name);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  private static List<Element> withClass(Document doc, String ns, String name, String cls) {
    return elements(doc, ns, name).stream()
        .filter(e -> List.of(e.getAttribute("class").split(" ")).contains(cls)).toList();
  }

  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final String SVG = "http://www.w3.org/2000/svg";

  @Test
  void html_realRun_isWellFormedXhtml() throws Exception {
    Document doc = parse(Reports.html(RealRun.report()));
    assertEquals("html", doc.getDocumentElement().getLocalName());
    assertEquals(XHTML, doc.getDocumentElement().getNamespaceURI());
  }

  @Test
  void html_hostileName_showsAsTextAndNeverAsATag() throws Exception {
    String html = Reports.html(RealRun.report());
    assertFalse(html.contains(RealRun.HOSTILE), "the raw name must not appear unescaped");
    assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"), "no script element at all");
    Document doc = parse(html);
    assertTrue(elements(doc, "*", "script").isEmpty());
    assertTrue(doc.getDocumentElement().getTextContent().contains(RealRun.HOSTILE),
        "the name reads as text, the way its author wrote it");
  }

  @Test
  void html_summary_hasAWordOnEveryBadge() throws Exception {
    Report report = RealRun.report();
    Document doc = parse(Reports.html(report));
    List<Element> badges = withClass(doc, XHTML, "span", "badge");
    List<String> words = badges.stream().map(Element::getTextContent).toList();
    assertEquals("FAILED", words.get(0), "the page leads with the outcome");
    assertTrue(words.contains("FAIL") && words.contains("PASS") && words.contains("ERROR") && words.contains("NOT MEASURED"),
        words.toString());
    // Color alone is not enough: every badge also carries its word.
    badges.forEach(b -> assertFalse(b.getTextContent().isBlank()));
  }

  @Test
  void html_eachMeasuredVariant_hasItsDistributionPlot() throws Exception {
    Report report = RealRun.report();
    Document doc = parse(Reports.html(report));
    long measured = report.results().stream().filter(r -> r.sampleValues(Metric.WALL_TIME).length > 0).count();
    List<Element> charts = withClass(doc, SVG, "svg", "chart");
    long strips = charts.stream().filter(c -> c.getAttribute("aria-label").startsWith("Distribution")).count();
    assertEquals(measured, strips);
    int samples = report.results().stream().mapToInt(r -> r.sampleValues(Metric.WALL_TIME).length).sum();
    assertEquals(samples, withClass(doc, SVG, "circle", "dot").size(), "one dot per measured sample");
  }

  @Test
  void html_sizedBenchmark_hasLogLogCurveWithTheFittedLines() throws Exception {
    Document doc = parse(Reports.html(RealRun.report()));
    List<Element> scaling = withClass(doc, SVG, "svg", "chart").stream()
        .filter(c -> c.getAttribute("aria-label").contains("against size")).toList();
    assertEquals(1, scaling.size());
    Element chart = scaling.get(0);
    assertEquals(3, chart.getElementsByTagNameNS(SVG, "circle").getLength(), "one point per size");
    List<String> lines = new ArrayList<>();
    NodeList polylines = chart.getElementsByTagNameNS(SVG, "polyline");
    for (int i = 0; i < polylines.getLength(); i++) {
      lines.add(((Element) polylines.item(i)).getAttribute("class"));
    }
    assertEquals(List.of("fit", "model"), lines, "power fit from the exponent, class fit from the best class's c0, c1");
    assertTrue(chart.getTextContent().contains("class fit: O("), chart.getTextContent());
  }

  @Test
  void html_history_drawsTrendAndWithoutItLeavesTheSlot() throws Exception {
    Report report = RealRun.report();
    BenchmarkKey sum = BenchmarkKey.of("sum");
    double median = report.result("sum").orElseThrow().statistic(Metric.WALL_TIME, Statistic.MEDIAN);
    Document with = parse(Reports.html(report, Map.of(sum, new double[] {median * 0.9, median * 1.1, median})));
    List<Element> trends = withClass(with, SVG, "polyline", "trend");
    assertEquals(1, trends.size());
    assertEquals(4, trends.get(0).getAttribute("points").split(" ").length, "three stored runs and this one");
    assertEquals(1, withClass(with, SVG, "circle", "current").size());

    Document without = parse(Reports.html(report));
    assertTrue(withClass(without, SVG, "polyline", "trend").isEmpty());
    assertFalse(elements(without, XHTML, "p").stream().filter(p -> "trend".equals(p.getAttribute("data-slot"))).toList().isEmpty());
  }

  @Test
  void html_extrasTables_showUnderTheirVariantEscapedAndOrphansAtTheEnd() throws Exception {
    Report report = RealRun.report();
    ReportExtras extras = ReportExtras.newBuilder()
        .table(BenchmarkKey.of("alloc"), "Top allocation sites <b>", List.of("site", "bytes"),
            List.of(List.of("Foo.<init>()", "1016 B")))
        .table(BenchmarkKey.of("gone"), "About a variant not in this run", List.of("x"), List.of(List.of("y")))
        .build();
    String html = Reports.html(report, extras);
    Document doc = parse(html);
    List<Element> headings = elements(doc, XHTML, "h4");
    assertEquals(List.of("Top allocation sites <b>", "gone: About a variant not in this run"),
        headings.stream().map(Element::getTextContent).toList());
    assertTrue(html.indexOf("Top allocation sites") > html.indexOf(">alloc<"), "under its variant");
    assertTrue(html.contains("Foo.&lt;init&gt;()"));
    assertEquals(2, withClass(doc, XHTML, "table", "extra").size());
  }

  @Test
  void html_emptyReport_isStillWellFormed() throws Exception {
    Report real = RealRun.report();
    Report empty = new Report(List.of(), List.of(), real.environment(), List.of(), List.of("no benchmark matched"),
        java.time.Duration.ZERO);
    Document doc = parse(Reports.html(empty));
    assertTrue(doc.getDocumentElement().getTextContent().contains("no benchmark matched"));
    assertEquals("PASSED", withClass(doc, XHTML, "span", "badge").get(0).getTextContent());
  }

  @Test
  void html_isSelfContained() {
    String html = Reports.html(RealRun.report());
    String withoutNamespaces = html.replace("http://www.w3.org/1999/xhtml", "").replace("http://www.w3.org/2000/svg", "");
    assertFalse(withoutNamespaces.contains("http://") || withoutNamespaces.contains("https://"), "no external resource");
    assertFalse(html.contains("<link") || html.contains("<script") || html.contains("src=") || html.contains("@import"));
    assertTrue(html.contains("name=\"viewport\""), "readable on a narrow screen");
  }

  @Test
  void html_everyWarningAndNotMeasuredReason_isShown() throws Exception {
    Report report = RealRun.report();
    String text = parse(Reports.html(report)).getDocumentElement().getTextContent();
    report.warnings().forEach(w -> assertTrue(text.contains(w), w));
    report.environment().warnings().forEach(w -> assertTrue(text.contains(w), w));
    report.results().forEach(r -> {
      r.warnings().forEach(w -> assertTrue(text.contains(w), w));
      r.notMeasured().values().forEach(w -> assertTrue(text.contains(w), w));
      r.error().ifPresent(e -> assertTrue(text.contains(e), e));
    });
    report.verdicts().forEach(v -> assertTrue(text.contains(v.message()), v.message()));
  }

  @Test
  void html_nullHistory_isRejected() {
    assertThrows(NullPointerException.class, () -> Reports.html(RealRun.report(), (Map<BenchmarkKey, double[]>) null));
    assertThrows(NullPointerException.class, () -> Reports.html(RealRun.report(), (ReportExtras) null));
  }
}
