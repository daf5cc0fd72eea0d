package dev.perfgate.generator.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The system clock's page faults, against real fresh memory on this JVM. */
final class SystemJitClockTest {

  @Test
  void threadPageFaults_countTheFreshMemoryThisThreadTouches() {
    assumeTrue(Files.isReadable(Path.of("/proc/thread-self/stat")), "page faults are read on Linux only");
    JitClock clock = JitClock.system();
    long before = clock.threadPageFaults();
    // 64 MB of native memory, fresh from the kernel, which allocateDirect zeroes on this thread.
    ByteBuffer fresh = ByteBuffer.allocateDirect(64 << 20);
    long after = clock.threadPageFaults();
    long again = clock.threadPageFaults();

    assertTrue(before >= 0, "faults before: " + before);
    // 16384 pages of 4 KB; 32 of 2 MB where the kernel backs it with huge pages.
    assertTrue(after - before >= 32, "faults while touching 64 MB: " + (after - before));
    assertTrue(again - after < 1_000, "faults while touching nothing: " + (again - after));
    assertTrue(fresh.capacity() == 64 << 20);
  }

  @Test
  void threadPageFaults_areThisThreadsOnly() throws InterruptedException {
    assumeTrue(Files.isReadable(Path.of("/proc/thread-self/stat")), "page faults are read on Linux only");
    JitClock clock = JitClock.system();
    long before = clock.threadPageFaults();
    Thread other = new Thread(() -> ByteBuffer.allocateDirect(64 << 20).put(0, (byte) 1));
    other.start();
    other.join();
    long after = clock.threadPageFaults();
    // The other thread paged in its 64 MB; this one only started and joined it.
    assertTrue(after - before < 1_000, "faults of this thread while another touched 64 MB: " + (after - before));
  }
}
