package dev.perfgate.generator.internal.fork;

import dev.perfgate.api.Result;
import dev.perfgate.baseline.format.FormatException;
import dev.perfgate.baseline.format.ResultFormat;
import dev.perfgate.baseline.format.StoredRun;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The one place that turns a child's results into files and back. Each variant's result is a
 * document of the result format ({@link ResultFormat}), which keeps every trial and sample, the
 * reasons a metric was not measured, the warnings, the error and the environment. Beside it, the
 * probes that threw while the variant ran, which the format does not hold (they are not a property
 * of the figures but of this run), so that the parent gives them their error verdicts as it does
 * for a variant measured in its own JVM.
 */
final class ForkResults {
  private ForkResults() {}

  /**
   * What a child measured for one variant.
   *
   * @param result the variant's result
   * @param probeFailures the probes that threw, by probe id, with what failed in one line
   */
  record Measured(Result result, Map<String, String> probeFailures) {
    Measured {
      probeFailures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(probeFailures));
    }
  }

  private static Path resultFile(Path dir, int variant) {
    return dir.resolve("variant-" + variant + ".json");
  }

  private static Path probeFile(Path dir, int variant) {
    return dir.resolve("variant-" + variant + ".probes.properties");
  }

  /**
   * Writes one variant's result and the probes that threw; called as each benchmark finishes, so that
   * a crash keeps those before it.
   *
   * @param dir the request's output directory
   * @param variant the variant's position among the request's keys
   * @param result its result
   * @param probeFailures the probes that threw, by id
   */
  static void write(Path dir, int variant, Result result, Map<String, String> probeFailures) {
    try {
      Files.createDirectories(dir);
      if (!probeFailures.isEmpty()) {
        Properties p = new Properties();
        int i = 0;
        for (Map.Entry<String, String> e : probeFailures.entrySet()) {
          p.setProperty("probe." + i, e.getKey());
          p.setProperty("message." + i, e.getValue());
          i++;
        }
        try (Writer w = Files.newBufferedWriter(probeFile(dir, variant), StandardCharsets.UTF_8)) {
          p.store(w, null);
        }
      }
      // The result last: its file is what tells the parent the variant is done.
      Files.writeString(resultFile(dir, variant), ResultFormat.write(StoredRun.of(result)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the result of " + result.key() + " to " + dir + ": " + e, e);
    }
  }

  /**
   * What the child measured for a variant.
   *
   * @param dir the request's output directory
   * @param variant the variant's position among the request's keys
   * @return its result with the probes that threw, empty if the child never wrote it
   * @throws IOException if a file cannot be read or is not in the format
   */
  static Optional<Measured> read(Path dir, int variant) throws IOException {
    Path file = resultFile(dir, variant);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Result result;
    try {
      result = ResultFormat.read(Files.readString(file, StandardCharsets.UTF_8)).result();
    } catch (FormatException e) {
      throw new IOException(file + " " + e.getMessage(), e);
    }
    Map<String, String> failures = new LinkedHashMap<>();
    Path probes = probeFile(dir, variant);
    if (Files.exists(probes)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(probes, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      for (int i = 0; p.getProperty("probe." + i) != null; i++) {
        failures.put(p.getProperty("probe." + i), p.getProperty("message." + i, ""));
      }
    }
    return Optional.of(new Measured(result, failures));
  }
}
