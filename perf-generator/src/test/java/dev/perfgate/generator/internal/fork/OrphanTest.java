package dev.perfgate.generator.internal.fork;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real parent JVM running a suite with one fork from its main is killed with {@code kill -9}
 * while its child measures; the child must be gone within 5 s, though nobody could tell it.
 */
final class OrphanTest {

  @Test
  void parentKilledWithSigkill_leavesNoChildAlive5sLater(@TempDir Path dir) throws Exception {
    Path marker = dir.resolve("child.pid");
    List<String> command = JvmCommand.of(dir.resolve("parent.args"), Map.of(), List.of(),
        ChildPrograms.KillableParent.class.getName(), List.of(marker.toString()));
    Process parent = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("parent.log").toFile()).start();
    ProcessHandle child = null;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!Files.exists(marker) || Files.readString(marker).isBlank()) {
        if (!parent.isAlive() || System.nanoTime() > deadline) {
          fail("the fork never started its benchmark; parent alive " + parent.isAlive() + ", its output:\n"
              + Files.readString(dir.resolve("parent.log")));
        }
        Thread.sleep(50);
      }
      long pid = Long.parseLong(Files.readString(marker).trim());
      Optional<ProcessHandle> found = ProcessHandle.of(pid);
      assertTrue(found.isPresent() && found.get().isAlive(), "the child " + pid + " runs before the kill");
      child = found.get();
      assertTrue(parent.descendants().anyMatch(p -> p.pid() == pid), "the measuring JVM is the parent's child");

      // Process.destroyForcibly is SIGKILL on Unix: the parent runs no shutdown hook and tells nobody.
      parent.destroyForcibly();
      long killed = System.nanoTime();
      parent.waitFor(10, TimeUnit.SECONDS);
      long parentGone = System.nanoTime() - killed;
      while (child.isAlive() && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(5)) {
        Thread.sleep(20);
      }
      long gone = System.nanoTime() - killed;
      assertFalse(child.isAlive(), "the child " + pid + " still runs 5 s after its parent was killed");
      System.out.printf("OrphanTest: after SIGKILL the parent was reaped in %.0f ms and the child ended %.0f ms after"
          + " the kill%n", parentGone / 1e6, gone / 1e6);
    } finally {
      parent.destroyForcibly();
      if (child != null) {
        child.destroyForcibly();
      }
    }
  }
}
