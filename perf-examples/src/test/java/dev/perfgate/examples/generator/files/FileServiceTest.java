package dev.perfgate.examples.generator.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class FileServiceTest {
  @TempDir
  Path dir;

  @Test
  void write_newFile_createsItAndItsDirectories() throws IOException {
    FileService files = FileService.create(dir);
    assertEquals(WriteOutcome.CREATED, files.write("a/b/C.java", "class C {}"));
    assertEquals("class C {}", Files.readString(dir.resolve("a/b/C.java")));
    assertEquals(new FileCounts(1, 0, 0, 10), files.counts());
  }

  @Test
  void write_sameContentAgain_isSkippedAndFileUntouched() throws IOException {
    FileService files = FileService.create(dir);
    files.write("C.java", "class C {}");
    Path file = dir.resolve("C.java");
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(file, old);

    assertEquals(WriteOutcome.UNCHANGED, files.write("C.java", "class C {}"));
    assertEquals(old, Files.getLastModifiedTime(file));
    assertEquals(new FileCounts(1, 0, 1, 10), files.counts());
  }

  @Test
  void write_sameSizeOtherContent_isUpdated() throws IOException {
    FileService files = FileService.create(dir);
    files.write("C.java", "class C {}");
    assertEquals(WriteOutcome.UPDATED, files.write("C.java", "class D {}"));
    assertEquals("class D {}", Files.readString(dir.resolve("C.java")));
  }

  @Test
  void write_otherSize_isUpdated() throws IOException {
    FileService files = FileService.create(dir);
    files.write("C.java", "class C {}");
    assertEquals(WriteOutcome.UPDATED, files.write("C.java", "class C { int x; }"));
    assertEquals(new FileCounts(1, 1, 0, 28), files.counts());
  }

  @Test
  void write_nonAscii_comparesEncodedBytes() throws IOException {
    FileService files = FileService.create(dir);
    files.write("n.txt", "café");
    assertEquals(5, Files.readAllBytes(dir.resolve("n.txt")).length);
    assertEquals(WriteOutcome.UNCHANGED, files.write("n.txt", new String("café".getBytes(StandardCharsets.UTF_8),
        StandardCharsets.UTF_8)));
  }

  @Test
  void counts_minus_givesWhatHappenedBetweenSnapshots() {
    FileService files = FileService.create(dir);
    files.write("a.txt", "a");
    FileCounts before = files.counts();
    files.write("a.txt", "a");
    files.write("b.txt", "bb");
    assertEquals(new FileCounts(1, 0, 1, 2), files.counts().minus(before));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../escape.txt", "a/../../escape.txt", "/etc/passwd", "", " ", "."})
  void write_pathOutsideTheOutputDirectory_isRejected(String path) {
    FileService files = FileService.create(dir);
    assertThrows(IllegalArgumentException.class, () -> files.write(path, "x"));
  }
}
