package dev.perfgate.generator.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.generator.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Renders the HTML report in a real browser, headless, and keeps the screenshot in
 * {@code target/perfgate-screenshot} for a person to look at. Runs only where Chromium is installed.
 */
final class ChromiumScreenshotTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @Test
  void html_rendersInChromiumWithoutConsoleErrors() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
    Report report = RealRun.report();
    Result sort = report.result("sort").orElseThrow();
    Path dir = Files.createDirectories(Path.of("target", "perfgate-screenshot")).toAbsolutePath();
    // No baseline store in this test: the variant's own measured trial values stand in for the
    // stored history, and its trials fill a table, so every number drawn was measured.
    double[] trials = sort.trialValues(Metric.WALL_TIME);
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < trials.length; i++) {
      rows.add(List.of(Integer.toString(i + 1), Metric.WALL_TIME.format(trials[i])));
    }
    ReportExtras extras = ReportExtras.newBuilder()
        .history(sort.key(), trials)
        .table(sort.key(), "Trial medians of time.wall", List.of("trial", "median"), rows)
        .build();
    List<Path> files = Reports.writeAll(report, dir, extras);
    Path png = dir.resolve("report.png");
    Files.deleteIfExists(png);
    Path profile = Files.createTempDirectory("perfgate-chromium");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile,
        "--screenshot=" + png, "--window-size=1200,1600", files.get(1).toUri().toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (var in = p.getInputStream()) {
      boolean done = p.waitFor(120, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      output = new String(in.readNBytes(1 << 20), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(done, "Chromium did not finish in 120 s:\n" + output);
    }
    Files.writeString(dir.resolve("chromium.log"), output);
    assertEquals(0, p.exitValue(), output);
    assertTrue(Files.size(png) > 10_000, "a screenshot of a page with content");
    byte[] header = Arrays.copyOf(Files.readAllBytes(png), 8);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, header);
    List<String> consoleErrors = output.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
    assertTrue(consoleErrors.isEmpty(), "console messages from the page: " + consoleErrors);
  }
}
