package dev.perfgate.generator.internal.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real parent JVM runs a suite in one fork whose probe throws in the child: the exception must
 * reach the parent's report as the probe's ERROR verdict, as it would without forks.
 */
final class ForkedProbeFailureTest {

  @Test
  void probeThatThrowsInTheChild_getsItsErrorVerdictInTheParentsReport(@TempDir Path dir) throws Exception {
    List<String> command = JvmCommand.of(dir.resolve("parent.args"), Map.of(), List.of(),
        ChildPrograms.ProbeThrowsInFork.class.getName(), List.of());
    Path log = dir.resolve("parent.log");
    Process parent = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      assertTrue(parent.waitFor(3, TimeUnit.MINUTES), "the parent did not finish: " + Files.readString(log));
      String out = Files.readString(log);
      assertEquals(0, parent.exitValue(), out);
      long parentPid = Long.parseLong(out.lines().filter(l -> l.startsWith("parent pid ")).findFirst().orElseThrow()
          .substring("parent pid ".length()).trim());
      String probe = out.lines().filter(l -> l.startsWith("VERDICT ERROR | ") && l.contains("probe 'thrower'"))
          .findFirst().orElseThrow(() -> new AssertionError("no ERROR verdict for the probe in:\n" + out));
      assertTrue(probe.contains("java.lang.IllegalStateException: boom in pid "), probe);
      assertTrue(probe.contains(", forked true"), "it threw in the child: " + probe);
      assertTrue(!probe.contains("boom in pid " + parentPid + ","), "not in the parent (" + parentPid + "): " + probe);
      System.out.println("ForkedProbeFailureTest: " + probe);
    } finally {
      parent.destroyForcibly();
    }
  }
}
