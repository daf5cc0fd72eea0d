package dev.perfgate.generator;

import dev.perfgate.api.internal.Checks;
import dev.perfgate.api.Environment;
import dev.perfgate.api.Result;
import dev.perfgate.api.Status;
import dev.perfgate.api.Verdict;
import dev.perfgate.generator.internal.VerdictText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a suite run produced: every result with its verdicts, the suite-level verdicts, the probes
 * used and the environment.
 *
 * @param benchmarks each variant's result and target verdicts, in run order
 * @param suiteVerdicts verdicts of checks over several results (scaling, baselines)
 * @param environment where it ran
 * @param probes the probes used, each with where it came from
 * @param warnings warnings about the run as a whole
 * @param elapsed how long the run took
 */
public record Report(List<BenchmarkReport> benchmarks, List<Verdict> suiteVerdicts, Environment environment,
    List<String> probes, List<String> warnings, Duration elapsed) {

  /**
   * Creates a report.
   *
   * @throws NullPointerException if an argument is null
   */
  public Report {
    benchmarks = List.copyOf(benchmarks);
    suiteVerdicts = List.copyOf(suiteVerdicts);
    Checks.notNull(environment, "environment");
    probes = List.copyOf(probes);
    warnings = List.copyOf(warnings);
    Checks.notNull(elapsed, "elapsed");
  }

  /**
   * Every result, in run order.
   *
   * @return the results
   */
  public List<Result> results() {
    return benchmarks.stream().map(BenchmarkReport::result).collect(Collectors.toList());
  }

  /**
   * The result of a benchmark without size, or the first variant of a sized one.
   *
   * @param name the benchmark's name
   * @return the result, empty if no benchmark has that name
   */
  public Optional<Result> result(String name) {
    return results().stream().filter(r -> r.key().name().equals(name)).findFirst();
  }

  /**
   * Every verdict: each result's, then the suite's.
   *
   * @return the verdicts
   */
  public List<Verdict> verdicts() {
    List<Verdict> all = new ArrayList<>();
    benchmarks.forEach(b -> all.addAll(b.verdicts()));
    all.addAll(suiteVerdicts);
    return all;
  }

  /**
   * The verdicts that fail the run.
   *
   * @return the failures, possibly empty
   */
  public List<Verdict> failures() {
    return verdicts().stream().filter(Verdict::failed).collect(Collectors.toList());
  }

  /**
   * Whether nothing failed: no verdict failed and every benchmark ran to the end. A benchmark that
   * threw or timed out fails the run whether it has targets or not. A status of
   * {@link Status#NOT_MEASURED} (a probe that cannot measure on this JVM) or
   * {@link Status#INCONCLUSIVE} still passes; the reports show those plainly.
   *
   * @return true if nothing failed
   */
  public boolean passed() {
    return failures().isEmpty() && benchmarks.stream().allMatch(b -> b.result().succeeded());
  }

  /**
   * The exceptions behind the errors of this run, in run order: what each failed benchmark threw,
   * or where it was when its timeout stopped it.
   *
   * @return the exceptions, possibly empty
   */
  public List<Throwable> causes() {
    return benchmarks.stream().flatMap(b -> b.result().cause().stream()).collect(Collectors.toList());
  }

  /**
   * Throws if the run failed, with every failure in the message and the first benchmark's exception
   * as the cause (the others are added as suppressed), so that a test shows the user's stack trace.
   *
   * @throws AssertionError if the run failed
   */
  public void assertPassed() {
    if (passed()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    failures().forEach(v -> lines.add(VerdictText.line(v)));
    // A report made by hand may hold a failed result without its verdict; it still fails.
    benchmarks.stream().filter(b -> b.result().error().isPresent())
        .filter(b -> b.verdicts().stream().noneMatch(v -> v.status() == Status.ERROR))
        .forEach(b -> lines.add(b.result().key() + "  ERROR: " + b.result().error().get()));
    List<Throwable> causes = causes();
    AssertionError e = new AssertionError(lines.size() + " of " + Math.max(lines.size(), verdicts().size())
        + " performance checks failed:\n  " + String.join("\n  ", lines), causes.isEmpty() ? null : causes.get(0));
    causes.stream().skip(1).forEach(e::addSuppressed);
    throw e;
  }
}
