package dev.perfgate.examples.bench;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.api.Ruler;
import dev.perfgate.api.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one child run found for one benchmark, as the one line it prints for the parent:
 * {@code #perfgate-bench key=cpu.10us outcome=UNCHANGED status=PASS passed=true ratio=1.004 low=0.99
 * high=1.02 trials=0:10234.5,0:10301.2,...}. The outcome is the baseline comparison's on
 * {@code time.wall} ({@code RECORDED} when the run recorded the first baseline, {@code NONE} without a
 * store); the status is that comparison's verdict; passed is whether the run (or the test) passed as a
 * whole; trials are {@code fork:value:ruler} triples per trial, in order: {@code time.wall} in nanoseconds and
 * the ruler's pass after the trial ({@link Ruler#TRIAL_METRIC}, NaN where the run timed none);
 * failed names the checks of the benchmark's failed verdicts (a run can fail on {@code alloc.bytes} or on
 * the history while its time comparison is inconclusive).
 *
 * @param key the benchmark's key
 * @param outcome the comparison's outcome
 * @param status the comparison's status
 * @param passed whether the whole run passed
 * @param ratio new/old, NaN without a comparison
 * @param low the interval's low end, NaN without a comparison
 * @param high the interval's high end, NaN without a comparison
 * @param trials the trials in order
 * @param failedChecks the checks of the benchmark's failed verdicts, such as {@code alloc.bytes vs baseline}
 */
record RunLine(String key, String outcome, String status, boolean passed, double ratio, double low, double high,
    List<TrialValue> trials, List<String> failedChecks) {
  static final String PREFIX = "#perfgate-bench ";

  RunLine {
    trials = List.copyOf(trials);
    failedChecks = List.copyOf(failedChecks);
  }

  /** One trial's {@code time.wall}, the ruler's pass after it (NaN if none) and the fork it ran in (0 in process). */
  record TrialValue(int fork, double nanos, double ruler) {}

  /** A result's trials with a {@code time.wall} value, as the run line carries them. */
  static List<TrialValue> trials(Result r) {
    List<TrialValue> trials = new ArrayList<>();
    for (Trial t : r.trials()) {
      double v = t.value(Metric.WALL_TIME);
      if (!Double.isNaN(v)) {
        trials.add(new TrialValue(t.fork(), v, t.value(Ruler.TRIAL_METRIC)));
      }
    }
    return trials;
  }

  String format() {
    StringBuilder sb = new StringBuilder(PREFIX);
    sb.append("key=").append(key.replace(' ', '_')).append(" outcome=").append(outcome)
        .append(" status=").append(status).append(" passed=").append(passed)
        .append(String.format(Locale.ROOT, " ratio=%s low=%s high=%s", ratio, low, high)).append(" trials=");
    for (int i = 0; i < trials.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(trials.get(i).fork()).append(':').append(trials.get(i).nanos()).append(':')
          .append(trials.get(i).ruler());
    }
    sb.append(" failed=");
    for (int i = 0; i < failedChecks.size(); i++) {
      sb.append(i == 0 ? "" : ";").append(failedChecks.get(i).replace(' ', '_').replace(';', ','));
    }
    return sb.toString();
  }

  /** The run line in a line of a child's output, if it is one. */
  static Optional<RunLine> parse(String line) {
    int at = line.indexOf(PREFIX);
    if (at < 0) {
      return Optional.empty();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String word : line.substring(at + PREFIX.length()).trim().split("\\s+")) {
      int eq = word.indexOf('=');
      if (eq > 0) {
        fields.put(word.substring(0, eq), word.substring(eq + 1));
      }
    }
    List<TrialValue> trials = new ArrayList<>();
    String t = fields.getOrDefault("trials", "");
    if (!t.isEmpty()) {
      for (String pair : t.split(",")) {
        String[] parts = pair.split(":");
        trials.add(new TrialValue(Integer.parseInt(parts[0]), Double.parseDouble(parts[1]),
            parts.length > 2 ? Double.parseDouble(parts[2]) : Double.NaN));
      }
    }
    List<String> failed = new ArrayList<>();
    for (String check : fields.getOrDefault("failed", "").split(";")) {
      if (!check.isEmpty()) {
        failed.add(check.replace('_', ' '));
      }
    }
    return Optional.of(new RunLine(fields.getOrDefault("key", "?"), fields.getOrDefault("outcome", "?"),
        fields.getOrDefault("status", "?"), Boolean.parseBoolean(fields.getOrDefault("passed", "false")),
        number(fields.get("ratio")), number(fields.get("low")), number(fields.get("high")), trials, failed));
  }

  private static double number(String s) {
    return s == null ? Double.NaN : Double.parseDouble(s);
  }

  /** The trials' values by fork, forks in the order they first appear. */
  double[][] byFork() {
    return byFork(TrialValue::nanos);
  }

  /** The rulers' passes by fork, forks in the order they first appear. */
  double[][] rulerByFork() {
    return byFork(TrialValue::ruler);
  }

  private double[][] byFork(java.util.function.ToDoubleFunction<TrialValue> value) {
    Map<Integer, List<Double>> forks = new LinkedHashMap<>();
    trials.forEach(tv -> forks.computeIfAbsent(tv.fork(), f -> new ArrayList<>()).add(value.applyAsDouble(tv)));
    return forks.values().stream().map(v -> v.stream().mapToDouble(Double::doubleValue).toArray())
        .toArray(double[][]::new);
  }
}
