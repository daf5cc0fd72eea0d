package dev.perfgate.generator.internal.fork;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a child JVM is asked to do: rerun an entry point and measure its run call number
 * {@code ordinal}, whose variants must be {@code keys}, writing the results into {@code output}.
 *
 * @param fork this fork's number, from 0
 * @param forks how many forks the run has
 * @param entry the entry point to rerun
 * @param ordinal the number of the run call to measure within the entry, from 0
 * @param keys the variants that call must have, as {@code BenchmarkKey.toString()}
 * @param output the directory the results go to
 */
public record ForkRequest(int fork, int forks, ForkEntry entry, int ordinal, List<String> keys, Path output) {

  /** The system property a child JVM finds its request file in. */
  public static final String PROPERTY = "dev.perfgate.fork.request";

  /** Checks the request. */
  public ForkRequest {
    if (fork < 0 || fork >= forks || ordinal < 0) {
      throw new IllegalArgumentException("fork " + fork + " of " + forks + ", run call " + ordinal + " is not a request");
    }
    keys = List.copyOf(keys);
  }

  /** Writes this request as a properties file. */
  void write(Path file) {
    Properties p = new Properties();
    p.setProperty("fork", Integer.toString(fork));
    p.setProperty("forks", Integer.toString(forks));
    p.setProperty("entry.kind", entry.kind().name());
    p.setProperty("entry.target", entry.target());
    for (int i = 0; i < entry.args().size(); i++) {
      p.setProperty("entry.arg." + i, entry.args().get(i));
    }
    p.setProperty("ordinal", Integer.toString(ordinal));
    for (int i = 0; i < keys.size(); i++) {
      p.setProperty("key." + i, keys.get(i));
    }
    p.setProperty("output", output.toAbsolutePath().toString());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, "a Perfgate fork's request");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the request of fork " + (fork + 1) + " to " + file + ": " + e, e);
    }
  }

  /** Reads a request {@link #write(Path) written} by the parent. */
  static ForkRequest read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    ForkEntry entry = new ForkEntry(ForkEntry.Kind.valueOf(p.getProperty("entry.kind")),
        p.getProperty("entry.target"), list(p, "entry.arg."));
    return new ForkRequest(Integer.parseInt(p.getProperty("fork")), Integer.parseInt(p.getProperty("forks")), entry,
        Integer.parseInt(p.getProperty("ordinal")), list(p, "key."), Path.of(p.getProperty("output")));
  }

  private static List<String> list(Properties p, String prefix) {
    List<String> out = new ArrayList<>();
    for (int i = 0; p.getProperty(prefix + i) != null; i++) {
      out.add(p.getProperty(prefix + i));
    }
    return out;
  }
}
