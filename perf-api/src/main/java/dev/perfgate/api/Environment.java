package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a result was measured: JVM, garbage collectors, heap, flags, CPU and OS. It is saved with
 * every result, and its {@link #fingerprint()} keeps results from different environments from
 * being compared silently.
 *
 * @param jvmVendor the JVM's vendor, such as {@code Eclipse Adoptium}
 * @param jvmVersion the runtime version, such as {@code 17.0.15+6}
 * @param jvmName the VM's name, such as {@code OpenJDK 64-Bit Server VM}
 * @param garbageCollectors the names of the active collectors, such as {@code G1 Young Generation}
 * @param maxHeapBytes the maximum heap in bytes, -1 if undefined
 * @param jvmArguments the JVM's input arguments, as given
 * @param cpuModel the CPU model name, or {@code unknown}
 * @param cpus the number of available processors
 * @param os the operating system's name and version
 * @param arch the CPU architecture
 * @param warnings settings found that skew measurements (agents attached, disabled JIT, ...)
 * @param properties extra facts a caller wants kept, such as the VCS revision
 * @param ruler the figures of the calibration workload measured with the run, empty where none
 *     ran (a run without a baseline store, or one stored before the ruler existed); not part of the
 *     {@link #fingerprint()}
 */
public record Environment(
    String jvmVendor,
    String jvmVersion,
    String jvmName,
    List<String> garbageCollectors,
    long maxHeapBytes,
    List<String> jvmArguments,
    String cpuModel,
    int cpus,
    String os,
    String arch,
    List<String> warnings,
    Map<String, String> properties,
    Optional<Ruler> ruler) {

  /**
   * Creates an environment.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if cpus is below 1
   */
  public Environment {
    Checks.notNull(jvmVendor, "jvmVendor");
    Checks.notNull(jvmVersion, "jvmVersion");
    Checks.notNull(jvmName, "jvmName");
    garbageCollectors = List.copyOf(garbageCollectors);
    jvmArguments = List.copyOf(jvmArguments);
    Checks.notNull(cpuModel, "cpuModel");
    Checks.argument(cpus >= 1, "cpus (%s) must be >= 1", cpus);
    Checks.notNull(os, "os");
    Checks.notNull(arch, "arch");
    warnings = List.copyOf(warnings);
    properties = Map.copyOf(properties);
    Checks.notNull(ruler, "ruler");
  }

  /**
   * Creates an environment without ruler figures.
   *
   * @param jvmVendor the JVM's vendor
   * @param jvmVersion the runtime version
   * @param jvmName the VM's name
   * @param garbageCollectors the names of the active collectors
   * @param maxHeapBytes the maximum heap in bytes, -1 if undefined
   * @param jvmArguments the JVM's input arguments
   * @param cpuModel the CPU model name
   * @param cpus the number of available processors
   * @param os the operating system's name and version
   * @param arch the CPU architecture
   * @param warnings settings found that skew measurements
   * @param properties extra facts a caller wants kept
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if cpus is below 1
   */
  public Environment(String jvmVendor, String jvmVersion, String jvmName, List<String> garbageCollectors,
      long maxHeapBytes, List<String> jvmArguments, String cpuModel, int cpus, String os, String arch,
      List<String> warnings, Map<String, String> properties) {
    this(jvmVendor, jvmVersion, jvmName, garbageCollectors, maxHeapBytes, jvmArguments, cpuModel, cpus, os, arch,
        warnings, properties, Optional.empty());
  }

  /**
   * Reads the environment of the running JVM. Cost: a few milliseconds (it reads
   * {@code /proc/cpuinfo} on Linux); call it once per run.
   *
   * @return the current environment
   */
  public static Environment current() {
    var runtime = ManagementFactory.getRuntimeMXBean();
    List<String> gcs = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).collect(Collectors.toList());
    List<String> args = runtime.getInputArguments();
    return new Environment(
        System.getProperty("java.vm.vendor", "unknown"),
        System.getProperty("java.runtime.version", System.getProperty("java.version", "unknown")),
        System.getProperty("java.vm.name", "unknown"),
        gcs,
        Runtime.getRuntime().maxMemory() == Long.MAX_VALUE ? -1 : Runtime.getRuntime().maxMemory(),
        args,
        readCpuModel(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", ""),
        System.getProperty("os.arch", "unknown"),
        skewingSettings(args),
        Map.of());
  }

  /**
   * The same environment with one more property, such as the VCS revision.
   *
   * @param key the property's name
   * @param value its value
   * @return a new environment
   */
  public Environment withProperty(String key, String value) {
    var copy = new java.util.HashMap<>(properties);
    copy.put(Checks.name(key, "property name"), Checks.notNull(value, "property value"));
    return new Environment(jvmVendor, jvmVersion, jvmName, garbageCollectors, maxHeapBytes,
        jvmArguments, cpuModel, cpus, os, arch, warnings, copy, ruler);
  }

  /**
   * The same environment with the ruler's figures of this run. The fingerprint does not change.
   *
   * @param figures the ruler's figures
   * @return a new environment
   * @throws NullPointerException if figures is null
   */
  public Environment withRuler(Ruler figures) {
    return new Environment(jvmVendor, jvmVersion, jvmName, garbageCollectors, maxHeapBytes,
        jvmArguments, cpuModel, cpus, os, arch, warnings, properties, Optional.of(Checks.notNull(figures, "ruler")));
  }

  /**
   * The property of an environment whose results were measured in forked JVMs: how many forks
   * measured them.
   */
  public static final String FORKS_PROPERTY = "forks";

  /**
   * Whether the results of this environment were measured in forked JVMs ({@link #FORKS_PROPERTY}
   * is a whole number above 0), each starting the benchmark afresh, rather than in the JVM that
   * asked for them, where other work ran before.
   *
   * @return true for forked JVMs
   */
  public boolean forked() {
    String forks = properties.get(FORKS_PROPERTY);
    return forks != null && forks.matches("0*[1-9][0-9]*");
  }

  /**
   * A short hash of what decides whether two results may be compared: JVM vendor and version,
   * collectors, maximum heap, CPU model and count, OS and architecture, and whether the results were
   * measured in forked JVMs ({@link #forked()}). JVM arguments are left out because build tools add
   * paths that change from run to run; the collectors and heap they set are part of the hash. The
   * {@link #ruler()} is left out too: it is measured anew by every run.
   *
   * <p>Forked and in-process figures of the same code differ by more than noise: a fork meets the
   * code cold, where a JVM that ran other work first meets it warm (the reference scenario's cold
   * generation read 166 ms in forks and 9-45 ms in its own JVM), so each has its own baseline. The
   * number of forks is left out: it sets the precision, not the level. Environments measured in one
   * JVM hash as they did before forks existed.
   *
   * @return twelve hexadecimal digits
   */
  public String fingerprint() {
    String basis = String.join("|", jvmVendor, jvmVersion, jvmName, String.join(",", garbageCollectors),
        Long.toString(maxHeapBytes), cpuModel, Integer.toString(cpus), os, arch) + (forked() ? "|forked" : "");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private static String readCpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      try (var lines = Files.lines(cpuinfo)) {
        return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
            .findFirst().orElse("unknown");
      } catch (IOException | RuntimeException e) {
        return "unknown";
      }
    }
    return "unknown";
  }

  private static List<String> skewingSettings(List<String> args) {
    List<String> found = new ArrayList<>();
    for (String a : args) {
      String lower = a.toLowerCase(Locale.ROOT);
      if (lower.startsWith("-javaagent:") || lower.startsWith("-agentlib:") || lower.startsWith("-agentpath:")) {
        String what = lower.contains("jacoco") ? "JaCoCo coverage agent" : "an agent";
        if (lower.startsWith("-agentlib:jdwp")) {
          what = "a debugger (jdwp)";
        }
        found.add(what + " is attached (" + a + "): it slows and distorts measured code");
      } else if (a.equals("-Xint")) {
        found.add("the JIT is off (-Xint): figures say nothing about production speed");
      } else if (a.equals("-XX:TieredStopAtLevel=1")) {
        found.add("only the C1 compiler runs (-XX:TieredStopAtLevel=1): figures are slower than in production");
      } else if (a.equals("-XX:+DisableExplicitGC")) {
        found.add("-XX:+DisableExplicitGC is set: retained-heap and leak figures are not reliable");
      }
    }
    return found;
  }

  @Override
  public String toString() {
    return jvmName + " " + jvmVersion + " (" + jvmVendor + "), " + String.join(" + ", garbageCollectors)
        + ", max heap " + Unit.BYTES.format(maxHeapBytes) + ", " + cpus + " x " + cpuModel + ", " + os + " " + arch
        + " [" + fingerprint() + "]";
  }
}
