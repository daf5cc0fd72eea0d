package dev.perfgate.examples.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class GenerateMainTest {
  @TempDir
  Path dir;

  private String run(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GenerateMain.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void generate_twoRuns_printsColdThenSkippingWarmRun() {
    String out = run("generate", "--tables", "6", "--out", dir.toString(), "--runs", "2");
    List<String> lines = out.lines().collect(java.util.stream.Collectors.toList());
    assertTrue(lines.get(0).startsWith("database: 6 tables"), out);
    assertTrue(lines.get(1).startsWith("services started in "), out);
    assertTrue(lines.get(1).endsWith("(template cache on, extra schema pass off)"), out);
    assertTrue(lines.get(2).startsWith("run 1: 6 tables, 6 models generated, 13 files written (13 created, 0 updated),"
        + " 0 skipped, "), out);
    assertTrue(lines.get(3).contains("schema cache: ") && lines.get(3).contains("6 misses"), out);
    assertTrue(lines.get(4).startsWith("run 2: 6 tables, 6 models generated, 0 files written (0 created, 0 updated),"
        + " 13 skipped, 0 bytes written in "), out);
    assertTrue(lines.get(5).contains("0 misses (hit ratio 100.0 %); template cache: 13 hits, 0 misses"), out);
  }

  @Test
  void generate_switches_areReported() {
    String out = run("generate", "--tables", "2", "--out", dir.toString(), "--no-template-cache",
        "--extra-schema-pass");
    assertTrue(out.contains("(template cache off, extra schema pass on)"), out);
    assertTrue(out.contains("template cache: 0 hits, 0 misses (hit ratio n/a, no request); templates compiled so far: 5"),
        out);
  }

  @Test
  void generate_fileDatabase_works() {
    String out = run("generate", "--tables", "2", "--out", dir.resolve("out").toString(), "--file-db",
        dir.resolve("db").toString());
    assertTrue(out.contains("jdbc:h2:file:"), out);
    assertTrue(out.contains("5 files written"), out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "build --tables 1 --out x", "generate --out x", "generate --tables 1",
      "generate --tables 0 --out x", "generate --tables many --out x", "generate --tables 1 --out x --bogus",
      "generate --tables"})
  void run_badArguments_areRejected(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    assertThrows(IllegalArgumentException.class, () -> run(args));
  }

  @Test
  void run_badTableCount_namesTheOptionAndValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> run("generate", "--tables", "-3", "--out", "x"));
    assertEquals("--tables (-3) must be a whole number >= 1", e.getMessage());
  }
}
