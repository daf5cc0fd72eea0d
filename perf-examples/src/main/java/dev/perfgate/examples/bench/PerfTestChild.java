package dev.perfgate.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.baseline.format.FormatException;
import dev.perfgate.baseline.format.ResultFormat;
import dev.perfgate.generator.Settings;
import dev.perfgate.generator.report.Reports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One CI run of a user's {@code @PerfTest} in a child JVM: runs a test class through the JUnit Platform
 * launcher, as Surefire would, in the working directory the parent chose (so that
 * {@code perf.suite().baselines()} keeps its store in {@code .perfgate/} there), then prints one
 * {@link RunLine} per benchmark from the JSON report that {@code perf.run} wrote into
 * {@code perfgate.reportDir}, with {@code passed} the test's own outcome.
 *
 * <p>A test cannot hand its {@code Report} to the launcher, so the outcome comes from the report file,
 * a format for tools: the status of the {@code time.wall} verdict against the baseline (FAIL or WARN:
 * regressed; INCONCLUSIVE; PASS: improved when the whole interval lies below the noise floor, else
 * unchanged).
 *
 * <pre>
 * java -cp classes:... -Dperfgate.reportDir=r dev.perfgate.examples.bench.PerfTestChild com.example.orders.OrderParsePerfTest
 * </pre>
 */
public final class PerfTestChild {
  private PerfTestChild() {}

  /**
   * Runs the test class and prints its run lines.
   *
   * @param args the test class's name
   * @throws IOException if the report cannot be read
   */
  public static void main(String[] args) throws IOException {
    String testClass = args[0].trim();
    List<TestExecutionResult> results = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectClass(testClass)).build();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(request, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
          results.add(result);
          result.getThrowable().ifPresent(t -> failures.add(id.getDisplayName() + ": " + t));
        }
      }
    });
    failures.forEach(f -> System.out.println("test failed: " + f));
    boolean passed = !results.isEmpty()
        && results.stream().allMatch(r -> r.getStatus() == TestExecutionResult.Status.SUCCESSFUL);
    Path reportDir = Settings.fromSystemProperties().reportDir();
    List<RunLine> lines = readReports(reportDir, passed);
    if (lines.isEmpty()) {
      System.out.println("no report under " + reportDir.toAbsolutePath() + " (" + results.size() + " tests ran)");
    }
    lines.forEach(l -> System.out.println(l.format()));
    System.out.flush();
    Runtime.getRuntime().halt(results.isEmpty() ? 2 : 0);
  }

  /** The run lines of every JSON report under a directory. */
  static List<RunLine> readReports(Path reportDir, boolean passed) throws IOException {
    List<RunLine> out = new ArrayList<>();
    if (!Files.isDirectory(reportDir)) {
      return out;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(reportDir)) {
      files = walk.filter(p -> p.getFileName().toString().equals(Reports.JSON_FILE)).sorted().toList();
    }
    for (Path file : files) {
      String json = Files.readString(file, StandardCharsets.UTF_8);
      out.addAll(lines(json, passed));
    }
    return out;
  }

  /** The run lines of one JSON report: trials from the result format, the outcome from its verdicts. */
  static List<RunLine> lines(String json, boolean passed) {
    List<Result> results;
    JsonNode root;
    try {
      results = ResultFormat.readReport(json);
      root = new ObjectMapper().readTree(json);
    } catch (FormatException | IOException e) {
      throw new UncheckedIOException(new IOException("the JSON report is not readable: " + e.getMessage(), e));
    }
    List<RunLine> out = new ArrayList<>();
    for (Result r : results) {
      List<RunLine.TrialValue> trials = RunLine.trials(r);
      String key = r.key().toString();
      JsonNode verdict = null;
      boolean recorded = false;
      List<String> failed = new ArrayList<>();
      for (JsonNode resultNode : root.path("results")) {
        if (!resultNode.path("key").asText().equals(key)) {
          continue;
        }
        for (JsonNode v : resultNode.path("verdicts")) {
          String check = v.path("check").asText();
          if (check.startsWith(Metric.WALL_TIME.name()) && check.contains("baseline") && verdict == null) {
            verdict = v;
          }
          recorded |= check.equals("baseline") && v.path("status").asText().equals("PASS");
          if (v.path("failed").asBoolean(false)) {
            failed.add(check);
          }
        }
      }
      if (verdict == null) {
        out.add(new RunLine(key, recorded ? "RECORDED" : "NONE", "-", passed, Double.NaN, Double.NaN, Double.NaN,
            trials, failed));
        continue;
      }
      String status = verdict.path("status").asText();
      JsonNode f = verdict.path("figures");
      double ratio = f.path("ratio").asDouble(Double.NaN);
      double high = f.path("ciHigh").asDouble(Double.NaN);
      double floor = f.path("noiseFloor").asDouble(Double.NaN);
      String outcome = switch (status) {
        case "FAIL", "WARN" -> "REGRESSED";
        case "INCONCLUSIVE" -> "INCONCLUSIVE";
        case "PASS" -> high < 1 / (1 + floor) ? "IMPROVED" : "UNCHANGED";
        default -> status;
      };
      out.add(new RunLine(key, outcome, status, passed, ratio, f.path("ciLow").asDouble(Double.NaN), high, trials,
          failed));
    }
    return out;
  }
}
