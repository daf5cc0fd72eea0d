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
  /** The time a benchmark may spend measuring more while its comparison with the baseline is undecided. */
  public static final String BASELINE_BUDGET = "perfgate.baseline.budget";

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
      new Key(FORKS, "fresh JVMs each suite runs in, every one running all the suite's variants; 0 runs in this JVM",
          "a whole number >= 0", "0"),
      new Key(BASELINE_BUDGET, "per benchmark variant, the time it may spend measuring more trials (more forks when"
          + " forked) while its comparison with the baseline is inconclusive; 0 measures no more",
          "a duration: 30s, 1500ms, 2m, or 0", "3 x the time its first measurement took, at most 60s"));

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
   * Whether this run replaces the stored baselines.
   *
   * @return the switch, false by default
   * @throws IllegalArgumentException if the value is not true or false
   */
  public boolean updateBaseline() {
    String v = lookup.apply(BASELINE_UPDATE);
    return v != null && parseBoolean(BASELINE_UPDATE, v);
  }

  /** The number of forked JVMs; 0 (in this JVM) by default. */
  int forks() {
    String v = lookup.apply(FORKS);
    return v == null || v.isBlank() ? 0 : atLeast(FORKS, parseInt(FORKS, v), 0, "");
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
