package dev.perfgate.baseline;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child process that takes a store's lock file the way a writer does, says who it is in it, prints
 * "locked" and holds the lock until it is killed: a writer that hangs.
 */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    Path lockFile = Path.of(args[0]);
    Files.createDirectories(lockFile.getParent());
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      FileLock lock = channel.lock();
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + " (the hung holder)\n")
          .getBytes(StandardCharsets.UTF_8)), 0);
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
      lock.release();
    }
  }
}
