package dev.perfgate.generator;

import dev.perfgate.api.internal.Checks;
import dev.perfgate.api.internal.Names;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code perfgate.*} settings that CI can override without touching code: system properties
 * ({@code -Dperfgate.quick=true}) or, inside JUnit, configuration parameters (for example in
 * {@code junit-platform.properties}), which win over system properties.
 *
 * <p>{@link #keys()} is the one list of every key, with its meaning, its values and its default;
 * this class reads nothing else, and a {@code perfgate.*} key that is not in it is refused with the
 * nearest known key (the typo {@code trails} gets {@code perfgate.trials} named), so that a typo never
 * passes silently. {@link #markdownTable()} prints the list as the README's table.
 */
public final class Settings {
  /** Quick mode switch. */
  public static final String QUICK = "perfgate.quick";
  /** Trials per benchmark variant. */
  public static final String TRIALS = "perfgate.trials";
  /** Samples per trial. */
  public static final String SAMPLES = "perfgate.samples";
  /** The timeout of one benchmark variant. */
  public static final String TIMEOUT = "perfgate.timeout";
  /** Sizes override. */
  public static final String SIZES = "perfgate.sizes";
  /** Thread counts override. */
  public static final String THREADS = "perfgate.threads";
  /** Report directory. */
  public static final String REPORT_DIR = "perfgate.reportDir";
  /** Baseline store directory. */
  public static final String BASELINE_DIR = "perfgate.baseline.dir";
  /** Baseline update switch. */
  public static final String BASELINE_UPDATE = "perfgate.baseline.update";
  /** Forked JVMs per suite run. */
  public static final String FORKS = "perfgate.forks";

  /** {@link #forks()} when {@value #FORKS} is unset or {@code auto}. */
  static final int AUTO = -1;

  /**
   * The forks of {@code auto}: with 4 fork values a side, Student's t has 6 degrees of freedom (2.45 at
   * 95 %), and a ~10 us CPU-bound fold whose fork values spread 2.4 % was found 10 % slower in 3 of 3
   * first comparisons (no false alarm in 3 of unchanged code); with 2 forks a side t is 4.30 and a
   * 10 % change hides in the interval.
   */
  static final int AUTO_FORKS = 4;
  /** The ruler switch. */
  public static final String RULER = "perfgate.ruler";
  /** The directory store's longest wait for its lock. */
  public static final String BASELINE_LOCK_TIMEOUT = "perfgate.baseline.lockTimeout";
  /** A JDBC URL that selects the database store instead of the directory. */
  public static final String BASELINE_JDBC_URL = "perfgate.baseline.jdbcUrl";
  /** The database store's user. */
  public static final String BASELINE_JDBC_USER = "perfgate.baseline.jdbcUser";
  /** The database store's password. */
  public static final String BASELINE_JDBC_PASSWORD = "perfgate.baseline.jdbcPassword";
  /** The branch whose runs keep the baselines. */
  public static final String BASELINE_BRANCH = "perfgate.baseline.branch";
  /** The commit measured, overriding detection. */
  public static final String COMMIT = "perfgate.commit";
  /** The branch measured, overriding detection. */
  public static final String BRANCH = "perfgate.branch";
  /** The CI run's id, overriding detection. */
  public static final String CI_RUN_ID = "perfgate.ciRunId";
  /** This shard's name within its CI run. */
  public static final String SHARD = "perfgate.shard";
  /** The time a benchmark may spend measuring more while its comparison with the baseline is undecided. */
  public static final String BASELINE_BUDGET = "perfgate.baseline.budget";
  /** The commit where this run's branch left the baseline branch, overriding detection. */
  public static final String MERGE_BASE = "perfgate.mergeBase";

  /** The default report directory. */
  public static final Path DEFAULT_REPORT_DIR = Path.of("target", "perfgate");
  /** The default baseline directory. */
  public static final Path DEFAULT_BASELINE_DIR = Path.of(".perfgate");

  /** Every key's name starts with this; a key under it that is not listed is refused. */
  public static final String PREFIX = "perfgate.";

  /**
   * One setting.
   *
   * @param name the key, such as {@code perfgate.trials}
   * @param meaning what it sets, in words
   * @param values the values it takes, in words
   * @param defaultValue what applies when it is not set, in words
   */
  public record Key(String name, String meaning, String values, String defaultValue) {
    /**
     * Creates a key.
     *
     * @throws IllegalArgumentException if the name does not start with {@code perfgate.}
     */
    public Key {
      Checks.notNull(name, "name");
      Checks.argument(name.startsWith(PREFIX), "setting %s must start with %s", name, PREFIX);
      Checks.notNull(meaning, "meaning");
      Checks.notNull(values, "values");
      Checks.notNull(defaultValue, "defaultValue");
    }
  }

  private static final List<Key> KEYS = List.of(
      new Key(QUICK, "quick mode for smoke runs: 3 trials of 3 samples of 5 ms, short warm-up", "true or false",
          "false"),
      new Key(TRIALS, "independent trials per benchmark variant", "a whole number >= 2", "8 (3 in quick mode)"),
      new Key(SAMPLES, "samples per trial", "a whole number >= 1", "5 (3 in quick mode)"),
      new Key(TIMEOUT, "the longest one benchmark variant may run before it is stopped and reported as an error",
          "a duration: 30s, 1500ms, 10m, 1h, or ISO-8601 such as PT30S", "10m"),
      new Key(SIZES, "sizes for every sized benchmark", "whole numbers >= 0, comma-separated: 10,100",
          "each benchmark's"),
      new Key(THREADS, "thread counts for every benchmark that runs on threads",
          "whole numbers >= 1, comma-separated: 1,4", "each benchmark's"),
      new Key(REPORT_DIR, "where the JSON, HTML and Markdown reports are written", "a directory", "target/perfgate"),
      new Key(BASELINE_DIR, "the baseline store", "a directory", ".perfgate"),
      new Key(BASELINE_UPDATE, "replace the stored baselines with this run", "true or false", "false"),
      new Key(FORKS, "fresh JVMs each suite runs in, every one running all the suite's variants; 0 runs in this JVM;"
          + " auto runs in " + AUTO_FORKS + " where the run is judged against stored baselines whose history cannot yet"
          + " give the noise between runs (fewer than 5 runs of a variant stored from one JVM; forked runs are"
          + " another environment), and in this JVM otherwise",
          "auto, or a whole number >= 0", "auto"),
      new Key(RULER, "measure the ruler, a fixed calibration workload of about 0.3 s, with every baseline-judged run,"
          + " and a pass of its CPU part (1-10 ms) after every trial, so that a slower machine is told from slower"
          + " code and its speed is taken out of the times", "true or false", "true"),
      new Key(BASELINE_LOCK_TIMEOUT, "how long a write to the directory store waits for another writer before it fails"
          + " naming the lock file and its holder", "a duration: 30s, 1500ms, 10m, 1h, or ISO-8601 such as PT30S", "1m"),
      new Key(BASELINE_JDBC_URL, "keeps baselines in a database instead of the directory (PostgreSQL; the driver must"
          + " be on the class path, it is opened through java.sql.DriverManager)",
          "a JDBC URL such as jdbc:postgresql://db:5432/perf", "none: the directory store"),
      new Key(BASELINE_JDBC_USER, "the database store's user", "a user name", "the URL's, or the driver's default"),
      new Key(BASELINE_JDBC_PASSWORD, "the database store's password (prefer the CI's secret store to a command line,"
          + " where other users of the machine can read it)", "a password", "none"),
      new Key(BASELINE_BRANCH, "the branch whose runs keep the baselines and the history; a run of another branch is"
          + " compared with them, writes neither, and keeps its own history", "a branch name", "main"),
      new Key(COMMIT, "the commit this run measures, stored with each run", "a commit id",
          "from the CI's variables (GITHUB_SHA, CI_COMMIT_SHA, GIT_COMMIT, ...), else git rev-parse HEAD"),
      new Key(BRANCH, "the branch this run measures", "a branch name", "from the CI's variables (GITHUB_HEAD_REF,"
          + " GITHUB_REF_NAME, CI_COMMIT_REF_NAME, BRANCH_NAME, ...), else git; none on a detached HEAD"),
      new Key(CI_RUN_ID, "the CI run (pipeline, workflow run) this run belongs to, shared by all its shards",
          "an id", "from the CI's variables (GITHUB_RUN_ID, CI_PIPELINE_ID, BUILD_ID, ...), else none"),
      new Key(SHARD, "makes this run a shard of its CI run: each @PerfTest's report is stored under this name in the"
          + " baseline store, for the shard merge (dev.perfgate.generator.report.Shards); a re-run replaces it",
          "a name, such as the CI matrix entry", "none: no shard report is stored"),
      new Key(BASELINE_BUDGET, "per benchmark variant, the time it may spend measuring more trials (more forks when"
          + " forked) while its comparison with the baseline is inconclusive; 0 measures no more",
          "a duration: 30s, 1500ms, 2m, or 0", "3 x the time its first measurement took, at most 60s"),
      new Key(MERGE_BASE, "for a run of a branch other than the baseline branch, the commit where it left the"
          + " baseline branch: the run is compared with the baseline branch's stored run of that commit, if any",
          "a commit id", "git merge-base HEAD <baseline branch> (else origin/<baseline branch>); none on the"
          + " baseline branch"));

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  private final Function<String, String> lookup;

  private Settings(Function<String, String> lookup) {
    this.lookup = lookup;
  }

  /**
   * Every setting Perfgate reads, in the order the README lists them.
   *
   * @return the keys
   */
  public static List<Key> keys() {
    return KEYS;
  }

  /**
   * The settings as a Markdown table (key, meaning, values, default), the one in the README.
   *
   * @return the table, one line per key after the header
   */
  public static String markdownTable() {
    StringBuilder sb = new StringBuilder("| key | meaning | values | default |\n|---|---|---|---|\n");
    for (Key k : KEYS) {
      sb.append("| `").append(k.name()).append("` | ").append(k.meaning()).append(" | ").append(k.values())
          .append(" | ").append(k.defaultValue()).append(" |\n");
    }
    return sb.toString();
  }

  /**
   * Refuses a {@code perfgate.*} key that is not a setting, naming the nearest one. Names outside
   * {@code perfgate.} are ignored.
   *
   * @param names the names that are set, from any source
   * @throws IllegalArgumentException if one of them starts with {@code perfgate.} and is not in
   *     {@link #keys()}
   */
  public static void checkKeys(Collection<String> names) {
    List<String> known = KEYS.stream().map(Key::name).toList();
    List<String> suffixes = known.stream().map(k -> k.substring(PREFIX.length())).toList();
    for (String name : new TreeSet<>(names)) {
      if (name.startsWith(PREFIX) && !known.contains(name)) {
        String hint = Names.nearest(name.substring(PREFIX.length()), suffixes)
            .map(n -> "did you mean " + PREFIX + n + "? ").orElse("");
        throw new IllegalArgumentException("unknown setting " + name + "; " + hint + "the settings are " + known);
      }
    }
  }

  /**
   * Settings read from system properties.
   *
   * @return the settings
   * @throws IllegalArgumentException if a system property starts with {@code perfgate.} and is not a
   *     setting
   */
  public static Settings fromSystemProperties() {
    checkKeys(System.getProperties().stringPropertyNames());
    return new Settings(System::getProperty);
  }

  /**
   * Settings read from a map, whose keys are checked.
   *
   * @param values the values by key
   * @return the settings
   * @throws IllegalArgumentException if a key starts with {@code perfgate.} and is not a setting
   */
  public static Settings from(Map<String, String> values) {
    checkKeys(Checks.notNull(values, "values").keySet());
    Map<String, String> copy = Map.copyOf(values);
    return new Settings(copy::get);
  }

  /**
   * Settings read through a lookup that returns null for a key that is not set. A lookup cannot list
   * its keys, so call {@link #checkKeys(Collection)} with the names its source holds.
   *
   * @param lookup the lookup
   * @return the settings
   */
  public static Settings from(Function<String, String> lookup) {
    return new Settings(Checks.notNull(lookup, "lookup"));
  }

  /**
   * The run options: the defaults with {@code perfgate.quick}, {@code perfgate.trials},
   * {@code perfgate.samples} and {@code perfgate.timeout} applied.
   *
   * @return the options
   * @throws IllegalArgumentException if a value does not parse or is out of range; the message names
   *     the key
   */
  public RunOptions runOptions() {
    return overrides(RunOptions.defaults());
  }

  /** The options with this source's overrides applied on top. */
  RunOptions overrides(RunOptions base) {
    RunOptions o = base;
    String quick = lookup.apply(QUICK);
    if (quick != null && parseBoolean(QUICK, quick)) {
      o = RunOptions.quick();
    }
    String trials = lookup.apply(TRIALS);
    String samples = lookup.apply(SAMPLES);
    String timeout = lookup.apply(TIMEOUT);
    RunOptions.Builder b = o.toBuilder();
    if (trials != null) {
      b.trials(atLeast(TRIALS, parseInt(TRIALS, trials), 2, ": comparisons and intervals need several"));
    }
    if (samples != null) {
      b.samples(atLeast(SAMPLES, parseInt(SAMPLES, samples), 1, ""));
    }
    if (timeout != null) {
      b.timeout(parseDuration(TIMEOUT, timeout));
    }
    return b.build();
  }

  /**
   * The sizes override.
   *
   * @return the sizes, empty if not set
   * @throws IllegalArgumentException if the value is not a comma-separated list of whole numbers
   */
  public Optional<List<Integer>> sizes() {
    return ints(SIZES, 0);
  }

  /**
   * The thread counts override.
   *
   * @return the counts, empty if not set
   * @throws IllegalArgumentException if the value is not a list of whole numbers of at least 1
   */
  public Optional<List<Integer>> threads() {
    return ints(THREADS, 1);
  }

  /**
   * The report directory.
   *
   * @return the directory
   */
  public Path reportDir() {
    String v = lookup.apply(REPORT_DIR);
    return v == null || v.isBlank() ? DEFAULT_REPORT_DIR : Path.of(v.trim());
  }

  /**
   * The baseline directory.
   *
   * @return the directory
   */
  public Path baselineDir() {
    String v = lookup.apply(BASELINE_DIR);
    return v == null || v.isBlank() ? DEFAULT_BASELINE_DIR : Path.of(v.trim());
  }

  /**
   * The directory store's longest wait for its lock.
   *
   * @return the wait, one minute by default
   * @throws IllegalArgumentException if the value is not a positive duration
   */
  public Duration baselineLockTimeout() {
    String v = lookup.apply(BASELINE_LOCK_TIMEOUT);
    return v == null || v.isBlank() ? DEFAULT_LOCK_TIMEOUT : parseDuration(BASELINE_LOCK_TIMEOUT, v);
  }

  /** The directory store's lock wait unless set: writes take milliseconds, so a minute means a hung holder. */
  static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(1);

  /**
   * The baseline store these settings select: the database that {@value #BASELINE_JDBC_URL} names,
   * opened through {@link java.sql.DriverManager}, else the directory {@value #BASELINE_DIR} with the
   * lock wait {@value #BASELINE_LOCK_TIMEOUT}. Nothing is connected or created until the first use.
   *
   * @return the store
   * @throws IllegalArgumentException if a value does not parse, or no JDBC driver on the class path
   *     accepts the URL; the message names the key
   */
  public dev.perfgate.api.BaselineStore baselineStore() {
    String url = lookup.apply(BASELINE_JDBC_URL);
    if (url == null || url.isBlank()) {
      return dev.perfgate.baseline.BaselineStores.directory(baselineDir(),
          dev.perfgate.baseline.BaselineStores.DEFAULT_HISTORY_LIMIT, baselineLockTimeout());
    }
    try {
      return dev.perfgate.baseline.BaselineStores.jdbc(url.trim(), optional(BASELINE_JDBC_USER),
          optional(BASELINE_JDBC_PASSWORD));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(BASELINE_JDBC_URL + ": " + e.getMessage(), e);
    }
  }

  private Optional<String> optional(String key) {
    String v = lookup.apply(key);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /**
   * The branch whose runs keep the baselines and the history.
   *
   * @return the branch, {@code main} by default
   */
  public String baselineBranch() {
    String v = lookup.apply(BASELINE_BRANCH);
    return v == null || v.isBlank() ? dev.perfgate.baseline.BaselinePolicy.DEFAULT_BASELINE_BRANCH : v.trim();
  }

  /**
   * The commit, branch, CI run id and merge base the settings name, each empty where not set; detection
   * fills the rest.
   *
   * @return what the settings say
   */
  public dev.perfgate.api.Provenance provenance() {
    return dev.perfgate.api.Provenance.of(lookup.apply(COMMIT), lookup.apply(BRANCH), lookup.apply(CI_RUN_ID))
        .withMergeBase(lookup.apply(MERGE_BASE));
  }

  /**
   * This shard's name within its CI run, when the run is a shard.
   *
   * @return the name, empty when the run is no shard
   */
  public Optional<String> shard() {
    String v = lookup.apply(SHARD);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  /**
   * Whether this run replaces the stored baselines.
   *
   * @return the switch, false by default
   * @throws IllegalArgumentException if the value is not true or false
   */
  public boolean updateBaseline() {
    String v = lookup.apply(BASELINE_UPDATE);
    return v != null && parseBoolean(BASELINE_UPDATE, v);
  }

  /** The number of forked JVMs, or {@link #AUTO} (the default) for as many as the judging needs. */
  int forks() {
    String v = lookup.apply(FORKS);
    if (v == null || v.isBlank() || v.strip().equalsIgnoreCase("auto")) {
      return AUTO;
    }
    try {
      return atLeast(FORKS, Integer.parseInt(v.strip()), 0, " (or auto)");
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(FORKS + " (" + v + ") must be auto or a whole number >= 0", e);
    }
  }

  /** Whether a baseline-judged run measures the ruler; true by default. */
  boolean ruler() {
    String v = lookup.apply(RULER);
    return v == null || parseBoolean(RULER, v);
  }

  /**
   * The time a benchmark variant may spend measuring more while its comparison with the baseline is
   * inconclusive.
   *
   * @return the budget, {@link Duration#ZERO} to measure no more, empty for the default (3 x the
   *     variant's first measurement, at most 60 s)
   * @throws IllegalArgumentException if the value is neither 0 nor a duration
   */
  public Optional<Duration> baselineBudget() {
    String v = lookup.apply(BASELINE_BUDGET);
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    if (v.trim().matches("0+(ms|s|m|h)?")) {
      return Optional.of(Duration.ZERO);
    }
    return Optional.of(parseDuration(BASELINE_BUDGET, v));
  }

  /** Every key that is set, with its value, so that a forked JVM can be given the same settings. */
  Map<String, String> values() {
    Map<String, String> set = new java.util.LinkedHashMap<>();
    for (Key k : KEYS) {
      String v = lookup.apply(k.name());
      if (v != null) {
        set.put(k.name(), v);
      }
    }
    return set;
  }

  static boolean parseBoolean(String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    Checks.argument(v.equals("true") || v.equals("false") || v.isEmpty(),
        "%s (%s) must be true or false", key, value);
    return !v.equals("false");
  }

  private static int parseInt(String key, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " (" + value + ") must be a whole number", e);
    }
  }

  private static int atLeast(String key, int value, int min, String why) {
    Checks.argument(value >= min, "%s (%s) must be >= %s%s", key, value, min, why);
    return value;
  }

  /** {@code 30s}, {@code 1500ms}, {@code 10m}, {@code 1h}, or ISO-8601 ({@code PT30S}); positive. */
  static Duration parseDuration(String key, String value) {
    String v = value.trim();
    Duration d = null;
    Matcher m = DURATION.matcher(v.toLowerCase(Locale.ROOT));
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
          case "ms":
            d = Duration.ofMillis(n);
            break;
          case "s":
            d = Duration.ofSeconds(n);
            break;
          case "m":
            d = Duration.ofMinutes(n);
            break;
          default:
            d = Duration.ofHours(n);
            break;
        }
      } else if (v.toUpperCase(Locale.ROOT).startsWith("PT") || v.toUpperCase(Locale.ROOT).startsWith("P")) {
        d = Duration.parse(v);
      }
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      d = null;
    }
    Checks.argument(d != null, "%s (%s) must be a duration such as 30s, 1500ms, 10m, 1h or ISO-8601 PT30S", key, value);
    Checks.argument(!d.isNegative() && !d.isZero(), "%s (%s) must be positive", key, value);
    return d;
  }

  private Optional<List<Integer>> ints(String key, int min) {
    String v = lookup.apply(key);
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    List<Integer> out = new ArrayList<>();
    for (String part : v.split(",")) {
      try {
        int n = Integer.parseInt(part.trim());
        Checks.argument(n >= min, "%s (%s) must list whole numbers >= %s", key, v, min);
        if (!out.contains(n)) {
          out.add(n);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + " (" + v + ") must be a comma-separated list of whole numbers,"
            + " such as 10,100", e);
      }
    }
    return Optional.of(List.copyOf(out));
  }
}
