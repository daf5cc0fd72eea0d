package dev.perfgate.generator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.perfgate.api.Benchmark;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Target;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.Suite;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Renders the HTML report in a real browser, headless Chromium, and keeps what it saw (screenshot,
 * DOM, browser log) in {@code target/perfgate-screenshot} for a person to look at.
 *
 * <p>CI installs Chromium ({@code .ci/run}) and runs with {@code CI=true}; there a missing browser
 * fails this test, so the check cannot quietly stop running. Elsewhere a machine without
 * {@code /usr/bin/chromium} skips it.
 *
 * <p>Each check is first shown to catch what it looks for on a page built to break it (a console
 * error, an injected element that runs script), so a green run means the report is clean, not that
 * the check was blind.
 */
final class ChromiumScreenshotTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /** Generous: one render takes about a second on an idle machine, much longer on a loaded one. */
  private static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(3);

  /** A script that ran leaves this attribute on the root element, where {@code --dump-dom} shows it. */
  private static final String MARKER = "data-xss";

  /**
   * Benchmark names that would run script if a report pasted them into its markup: the classic
   * {@code alert(1)} forms, and forms that leave {@link #MARKER} behind, which a dumped DOM shows.
   */
  static final List<String> HOSTILE_NAMES = List.of(
      "<script>alert(1)</script>",
      "\"><img src=x onerror=alert(1)>",
      "</title><svg onload=alert(1)>",
      "<script>document.documentElement.setAttribute('" + MARKER + "','script')</script>",
      "'\"><img src=x onerror=\"document.documentElement.setAttribute('" + MARKER + "','img')\">",
      "</title></style><svg onload=\"document.documentElement.setAttribute('" + MARKER + "','svg')\">");

  /** A tag with an event-handler attribute. Text and attribute values in a dumped DOM escape '<'. */
  private static final Pattern EVENT_HANDLER = Pattern.compile("<[a-zA-Z][^>]*\\son[a-z]+\\s*=");

  @Test
  void html_rendersInChromium_notBlank_noConsoleErrors_hostileNamesShownAsText() throws Exception {
    Path chromium = chromium();
    Path dir = Files.createDirectories(Path.of("target", "perfgate-screenshot")).toAbsolutePath();

    // The checks must be able to fail: on a page with a console error and an injected element
    // that runs script, the same scans find both.
    Path trap = dir.resolve("trap.html");
    Files.writeString(trap, "<!DOCTYPE html><html><head><title>trap</title></head><body><p>trap</p>"
        + "<script>console.error('deliberate console error')</script>"
        + "<p>" + HOSTILE_NAMES.get(4) + "</p></body></html>");
    Run trapRun = run(chromium, dir, "trap", "--dump-dom", trap);
    assertFalse(consoleMessages(trapRun.log).isEmpty(), "the console scan sees a console error:\n" + trapRun.log);
    assertTrue(trapRun.stdout.contains(" " + MARKER + "=\"img\""), "the DOM scan sees script that ran:\n" + trapRun.stdout);
    assertTrue(EVENT_HANDLER.matcher(trapRun.stdout).find(), "the DOM scan sees an injected handler");

    Report report = hostileRun();
    Result sort = report.result("sort").orElseThrow();
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
    Path html = Reports.writeAll(report, dir, extras).stream()
        .filter(p -> p.getFileName().toString().endsWith(".html")).findFirst().orElseThrow();

    // 1. The page renders to something a person can read: not blank, not one flat colour.
    Path png = dir.resolve("report.png");
    Files.deleteIfExists(png);
    Run shot = run(chromium, dir, "screenshot", "--screenshot=" + png, html);
    assertTrue(Files.isRegularFile(png), "Chromium wrote no screenshot:\n" + shot.log);
    BufferedImage image = ImageIO.read(png.toFile());
    assertTrue(image != null, "the screenshot is a PNG that javax.imageio decodes");
    int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    Set<Integer> colours = new HashSet<>();
    long inked = 0;
    for (int px : rgb) {
      colours.add(px & 0xFFFFFF);
      if ((px & 0xFFFFFF) != 0xFFFFFF) {
        inked++;
      }
    }
    double inkedShare = inked / (double) rgb.length;
    System.out.printf(Locale.ROOT, "Chromium screenshot %dx%d: %d distinct colours, %.1f %% not white (%s)%n",
        image.getWidth(), image.getHeight(), colours.size(), inkedShare * 100, png);
    // Text is anti-aliased and the badges and charts are coloured: a rendered report has hundreds
    // of colours; a blank or failed page has one or two.
    assertTrue(colours.size() >= 32, "a blank-looking screenshot: " + colours.size() + " distinct colours");
    assertTrue(inkedShare >= 0.01, "a blank-looking screenshot: only " + inkedShare * 100 + " % not white");

    // 2. The DOM as the browser built it, after its load events and handlers have run.
    Run dom = run(chromium, dir, "dom", "--dump-dom", html);
    Files.writeString(dir.resolve("report.dom.html"), dom.stdout);
    assertTrue(dom.stdout.contains("<title>Perfgate report: "), "the page's title is intact:\n" + head(dom.stdout));
    assertFalse(dom.stdout.contains(" " + MARKER + "="), "a hostile name ran as script: " + MARKER + " is set");
    assertFalse(dom.stdout.toLowerCase(Locale.ROOT).contains("<script"), "a script element exists in the page");
    assertFalse(EVENT_HANDLER.matcher(dom.stdout).find(), "an element with an event handler exists in the page");
    for (String name : HOSTILE_NAMES) {
      assertTrue(dom.stdout.contains(asText(name)), "the name " + name + " is shown as text: " + asText(name));
    }

    // 3. No console message at all: the page has no script, so anything there is an error.
    for (Run r : List.of(shot, dom)) {
      List<String> console = consoleMessages(r.log);
      assertTrue(console.isEmpty(), "console messages from the page (" + r.name + "): " + console);
    }
  }

  /** A real run over real work, small: a sized sort with a scaling check, and the hostile names. */
  private static Report hostileRun() {
    long[] data = new SplittableRandom(7).longs(256).toArray();
    Suite.Builder suite = Suite.newBuilder().options(RealRun.FAST).quiet()
        .benchmark(RealRun.sizedSort())
        .check(new RealRun.ScalingFit("sort"));
    for (int i = 0; i < HOSTILE_NAMES.size(); i++) {
      int at = i;
      suite.benchmark(Benchmark.of(HOSTILE_NAMES.get(i), () -> data[at] ^ data[at + 1]),
          Target.on(Metric.WALL_TIME).median().atMost(Duration.ofSeconds(1)));
    }
    return suite.build().run();
  }

  /**
   * The browser. Under {@code CI=true} a missing browser is a failure: CI installs it, and a
   * check that silently stops running is worse than none.
   */
  private static Path chromium() {
    if (Files.isExecutable(CHROMIUM)) {
      return CHROMIUM;
    }
    String message = "Chromium is not installed at " + CHROMIUM + "; install it with"
        + " `apt-get install -y chromium` (.ci/run does this in CI)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + ". CI=true, so the browser test may not skip.");
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  private record Run(String name, String stdout, String log) {}

  /** Runs headless Chromium once on a file with a fresh profile; stdout and stderr go to files. */
  private static Run run(Path chromium, Path dir, String name, String mode, Path page)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("perfgate-chromium");
    Path out = dir.resolve(name + ".stdout");
    Path log = dir.resolve(name + ".log");
    List<String> command = List.of(chromium.toString(),
        // Root in a container: no sandbox; a small /dev/shm: use /tmp for shared memory.
        "--headless", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        // No network beyond the page itself, nothing from a profile, nothing in the background.
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--disable-quic", "--user-data-dir=" + profile,
        // Page console messages go to stderr as "...:CONSOLE:<line>] ...".
        "--enable-logging=stderr", "--v=0",
        // Virtual time runs the page's load events and timers to completion before the dump or
        // screenshot, however slowly the loaded machine gets there.
        "--virtual-time-budget=5000", "--hide-scrollbars", "--window-size=1200,1600",
        mode, page.toUri().toString());
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(log.toFile())
        .start();
    try {
      boolean done = p.waitFor(BROWSER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (!done) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        fail("Chromium (" + name + ") did not finish in " + BROWSER_TIMEOUT.toSeconds() + " s:\n" + Files.readString(log));
      }
      String stderr = Files.readString(log, StandardCharsets.UTF_8);
      System.out.printf(Locale.ROOT, "Chromium (%s of %s) exited %d in %.1f s%n", name, page.getFileName(),
          p.exitValue(), (System.nanoTime() - start) / 1e9);
      assertEquals(0, p.exitValue(), "Chromium (" + name + ") exit code; its log:\n" + stderr);
      return new Run(name, Files.readString(out, StandardCharsets.UTF_8), stderr);
    } finally {
      deleteTree(profile);
    }
  }

  private static List<String> consoleMessages(String log) {
    return log.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
  }

  /** How a DOM serializer writes a text node. */
  private static String asText(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String head(String s) {
    return s.substring(0, Math.min(s.length(), 2000));
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary profile is harmless; the test's outcome does not depend on it.
    }
  }
}
