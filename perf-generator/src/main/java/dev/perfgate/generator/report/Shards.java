package dev.perfgate.generator.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.api.BaselineStore;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Provenance;
import dev.perfgate.api.Result;
import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import dev.perfgate.baseline.ShardReports;
import dev.perfgate.baseline.ShardReports.ShardReport;
import dev.perfgate.baseline.format.FormatException;
import dev.perfgate.baseline.format.ResultFormat;
import dev.perfgate.generator.BenchmarkReport;
import dev.perfgate.generator.ConsoleReporter;
import dev.perfgate.generator.Report;
import dev.perfgate.generator.Settings;
import dev.perfgate.generator.internal.ProvenanceDetector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Shards: a suite too long for one CI machine runs split across machines (by JUnit tags or Maven
 * modules), every shard writing to one shared store ({@code perfgate.baseline.jdbcUrl}, or one
 * directory). Each shard stores its report under the commit and the CI run id they share
 * ({@link #record}; a {@code @PerfTest} does it by itself); one command then merges the reports of
 * every shard into one (JSON, HTML, Markdown) with one status, failed when any shard failed:
 *
 * <pre>
 * java -cp ... -Dperfgate.baseline.jdbcUrl=jdbc:postgresql://db/perf dev.perfgate.generator.report.Shards \
 *     [--commit SHA] [--ci-run ID] [--out DIR]
 * </pre>
 *
 * The commit and the CI run id default to the CI's variables ({@code GITHUB_SHA},
 * {@code GITHUB_RUN_ID}, ...) or the settings {@code perfgate.commit} and {@code perfgate.ciRunId};
 * the reports go to {@code perfgate.reportDir}. The exit status is 0 when every shard passed, 1
 * when one failed, 2 when there was nothing to merge.
 */
public final class Shards {
  private static final System.Logger LOG = System.getLogger(Shards.class.getName());

  private Shards() {}

  /**
   * Stores a shard's report under the commit and CI run id its results carry, when they carry both
   * and the store keeps shard reports; otherwise stores nothing (a run outside CI is no shard).
   *
   * @param store the store the suite wrote its runs to
   * @param shard the shard's name, unique within the CI run ({@code perfgate.shard})
   * @param report the shard's report
   * @return whether it was stored
   * @throws IOException if the store cannot write it
   */
  public static boolean record(BaselineStore store, String shard, Report report) throws IOException {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(report, "report");
    if (!(store instanceof ShardReports shards) || report.results().isEmpty()) {
      return false;
    }
    Provenance p = report.results().get(0).provenance();
    if (p.commit().isEmpty() || p.ciRunId().isEmpty()) {
      return false;
    }
    shards.saveShardReport(new ShardReport(p.commit().get(), p.ciRunId().get(), shard, report.passed(),
        Reports.json(report)));
    return true;
  }

  /**
   * Merges the reports every shard of one CI run stored: every result with its verdicts, every
   * shard's suite verdicts, and one verdict per shard saying whether it passed, so that the merged
   * report fails when any shard failed.
   *
   * @param store the shared store
   * @param commit the commit
   * @param ciRunId the CI run
   * @return the merged report
   * @throws IOException if the store or a shard's report cannot be read
   * @throws IllegalStateException if no shard stored a report for this commit and CI run
   */
  public static Report merge(ShardReports store, String commit, String ciRunId) throws IOException {
    List<ShardReport> shards = store.shardReports(commit, ciRunId);
    if (shards.isEmpty()) {
      throw new IllegalStateException("no shard stored a report for commit " + commit + " and CI run " + ciRunId
          + " in " + store + "; check that every shard ran with the same store and that the CI run id and commit"
          + " match (perfgate.ciRunId, perfgate.commit)");
    }
    List<BenchmarkReport> benchmarks = new ArrayList<>();
    List<Verdict> suiteVerdicts = new ArrayList<>();
    LinkedHashSet<String> probes = new LinkedHashSet<>();
    List<String> warnings = new ArrayList<>();
    Environment environment = null;
    long elapsed = 0;
    for (ShardReport s : shards) {
      JsonNode root;
      List<Result> results;
      try {
        root = ResultFormat.tree(s.report().getBytes(StandardCharsets.UTF_8));
        results = ResultFormat.readReport(s.report());
      } catch (FormatException e) {
        throw new IOException("the report of shard " + s.shard() + " of CI run " + ciRunId + " " + e.getMessage()
            + "; run the shard again", e);
      }
      JsonNode resultNodes = root.path("results");
      for (int i = 0; i < results.size(); i++) {
        Result r = results.get(i).withProvenance(Provenance.of(commit, null, ciRunId));
        benchmarks.add(new BenchmarkReport(r, verdicts(resultNodes.path(i).path("verdicts"), Subject.of(r.key()))));
        environment = environment == null ? r.environment() : environment;
      }
      suiteVerdicts.addAll(verdicts(root.path("suiteVerdicts"), Subject.suite()));
      suiteVerdicts.add(Verdict.of(Subject.suite(), "shard", s.passed() ? Status.PASS : Status.FAIL,
          "shard " + s.shard() + ": " + (s.passed() ? "passed" : "failed") + " (" + results.size() + " variants)"));
      root.path("probes").forEach(n -> probes.add(n.asText()));
      root.path("warnings").forEach(n -> warnings.add("shard " + s.shard() + ": " + n.asText()));
      elapsed += root.path("elapsedNanos").asLong();
    }
    return new Report(benchmarks, suiteVerdicts, environment == null ? Environment.current() : environment,
        List.copyOf(probes), warnings, Duration.ofNanos(elapsed));
  }

  /** The verdicts a JSON report wrote, as words: their figures stay in the shard's own report. */
  private static List<Verdict> verdicts(JsonNode nodes, Subject subject) {
    List<Verdict> out = new ArrayList<>();
    for (JsonNode v : nodes) {
      Status status;
      try {
        status = Status.valueOf(v.path("status").asText());
      } catch (IllegalArgumentException e) {
        status = Status.ERROR;
      }
      out.add(Verdict.of(subject, v.path("check").asText("check"), status, v.path("message").asText("")));
    }
    return out;
  }

  /**
   * The merge command; see the class description.
   *
   * @param args {@code --commit SHA}, {@code --ci-run ID}, {@code --out DIR}, each optional
   */
  public static void main(String[] args) {
    System.exit(run(args, Settings.fromSystemProperties(), System::getenv, ConsoleReporter.toStandardOutput()));
  }

  /**
   * Runs the merge command.
   *
   * @param args the command's arguments
   * @param settings where the store, the report directory and the provenance overrides come from
   * @param env reads environment variables (the CI's)
   * @param console where the summary goes
   * @return the exit status: 0 every shard passed, 1 one failed, 2 nothing merged
   */
  public static int run(String[] args, Settings settings, java.util.function.Function<String, String> env,
      ConsoleReporter console) {
    Optional<String> commit = Optional.empty();
    Optional<String> ciRun = Optional.empty();
    Path out = settings.reportDir();
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--commit" -> commit = Optional.ofNullable(value);
        case "--ci-run" -> ciRun = Optional.ofNullable(value);
        case "--out" -> out = value == null ? out : Path.of(value);
        default -> {
          console.warn("unknown argument " + args[i] + "; use [--commit SHA] [--ci-run ID] [--out DIR]");
          return 2;
        }
      }
      i++;
    }
    Provenance p = Provenance.of(commit.orElse(null), null, ciRun.orElse(null))
        .orElse(ProvenanceDetector.detect(settings.provenance(), Environment.current(), env,
            ProvenanceDetector.git(Path.of(""))));
    if (p.commit().isEmpty() || p.ciRunId().isEmpty()) {
      console.warn("which CI run to merge is unknown: give --commit and --ci-run, or run inside the CI run"
          + " (GITHUB_SHA and GITHUB_RUN_ID, CI_COMMIT_SHA and CI_PIPELINE_ID, ...); found " + p);
      return 2;
    }
    BaselineStore store;
    try {
      store = settings.baselineStore();
    } catch (IllegalArgumentException e) {
      console.warn(e.getMessage());
      return 2;
    }
    if (!(store instanceof ShardReports shards)) {
      console.warn(store + " keeps no shard reports");
      return 2;
    }
    Report merged;
    try {
      merged = merge(shards, p.commit().get(), p.ciRunId().get());
    } catch (IOException | IllegalStateException e) {
      console.warn(e.getMessage());
      return 2;
    }
    console.print(merged);
    console.reportsWritten(Reports.writeAll(merged, out));
    LOG.log(System.Logger.Level.DEBUG, "merged {0} results of CI run {1}", merged.results().size(), p.ciRunId().get());
    return merged.passed() ? 0 : 1;
  }
}
