package dev.perfgate.generator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code perfgate.*} settings that CI can override without touching code: system properties
 * ({@code -Dperfgate.quick=true}) or, inside JUnit, configuration parameters (for example in
 * {@code junit-platform.properties}), which win over system properties.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code perfgate.quick}</td><td>quick mode: fewer trials, shorter warm-up</td><td>false</td></tr>
 *   <tr><td>{@code perfgate.trials}, {@code perfgate.samples}</td><td>trial and sample counts</td><td>8, 5</td></tr>
 *   <tr><td>{@code perfgate.sizes}</td><td>sizes for every sized benchmark, e.g. {@code 10,100}</td><td>each benchmark's</td></tr>
 *   <tr><td>{@code perfgate.threads}</td><td>thread counts for every benchmark that runs on threads</td><td>each benchmark's</td></tr>
 *   <tr><td>{@code perfgate.reportDir}</td><td>where reports are written</td><td>{@code target/perfgate}</td></tr>
 *   <tr><td>{@code perfgate.baseline.dir}</td><td>the baseline store</td><td>{@code .perfgate}</td></tr>
 *   <tr><td>{@code perfgate.baseline.update}</td><td>replace stored baselines with this run</td><td>false</td></tr>
 * </table>
 */
public final class Settings {
  /** Quick mode switch. */
  public static final String QUICK = RunOptions.QUICK_PROPERTY;
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

  /** The default report directory. */
  public static final Path DEFAULT_REPORT_DIR = Path.of("target", "perfgate");
  /** The default baseline directory. */
  public static final Path DEFAULT_BASELINE_DIR = Path.of(".perfgate");

  private final Function<String, String> lookup;

  private Settings(Function<String, String> lookup) {
    this.lookup = lookup;
  }

  /**
   * Settings read from system properties.
   *
   * @return the settings
   */
  public static Settings fromSystemProperties() {
    return new Settings(System::getProperty);
  }

  /**
   * Settings read through a lookup that returns null for a key that is not set.
   *
   * @param lookup the lookup
   * @return the settings
   */
  public static Settings from(Function<String, String> lookup) {
    return new Settings(Checks.notNull(lookup, "lookup"));
  }

  /**
   * The run options: the defaults with {@code perfgate.quick}, {@code perfgate.trials} and
   * {@code perfgate.samples} applied.
   *
   * @return the options
   * @throws IllegalArgumentException if a value does not parse
   */
  public RunOptions runOptions() {
    return RunOptions.defaults().withOverrides(lookup);
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
    return v != null && RunOptions.parseBoolean(BASELINE_UPDATE, v);
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
