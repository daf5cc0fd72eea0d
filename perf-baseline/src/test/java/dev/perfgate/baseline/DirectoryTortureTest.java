package dev.perfgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small version of {@link DirectoryStoreTorture}: the same code with fewer kills, appends and
 * mutated files, so that the build checks what the benchmark command measures at scale.
 */
final class DirectoryTortureTest {

  @TempDir
  Path dir;

  @Test
  void killsMidWrite_leaveEveryFileReadableAndLoseNoAcknowledgedRun() throws Exception {
    DirectoryTorture.Kills k = DirectoryTorture.kills(dir.resolve("k"), 4, Files.createDirectories(dir.resolve("logs")),
        7);
    assertEquals(0, k.unreadable(), k.toString());
    assertEquals(0, k.lostAcknowledged(), k.toString());
    assertEquals(0, k.partial(), k.toString());
    assertTrue(k.acknowledged() >= 4 * 2, k.toString());
  }

  @Test
  void twoProcessesAppendingAtOnce_loseNothing() throws Exception {
    DirectoryTorture.Appends a = DirectoryTorture.concurrentAppends(dir.resolve("a"), 2, 15,
        Files.createDirectories(dir.resolve("logs")));
    assertEquals(30, a.stored(), a.toString());
    assertEquals(0, a.lost(), a.toString());
    assertEquals(0, a.partial(), a.toString());
  }

  @Test
  void mutatedFiles_areReadOrRefusedNamingTheFile_andRefusedOnesAreNeverWritten() throws Exception {
    DirectoryTorture.Mutations m = DirectoryTorture.mutations(dir, 120, 11);
    assertEquals(0, m.crashed(), m.crashes().toString());
    assertEquals(0, m.modified(), m.toString());
    assertEquals(0, m.unnamed(), m.toString());
    // The mutations must bite: most are refused, and some still read.
    assertTrue(m.refused() > 60 && m.read() > 0, m.toString());
  }
}
