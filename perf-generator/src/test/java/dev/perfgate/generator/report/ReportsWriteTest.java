package dev.perfgate.generator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.generator.Report;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReportsWriteTest {

  @Test
  void defaultDirectory_isTargetPerfgate() {
    assertEquals(Path.of("target", "perfgate"), Reports.DEFAULT_DIRECTORY);
  }

  @Test
  void writeAll_writesJsonHtmlAndMarkdown(@TempDir Path dir) throws Exception {
    Report report = RealRun.report();
    Path out = dir.resolve("nested").resolve("perfgate");
    List<Path> written = Reports.writeAll(report, out);
    assertEquals(List.of(out.resolve(Reports.JSON_FILE), out.resolve(Reports.HTML_FILE), out.resolve(Reports.MARKDOWN_FILE)),
        written);
    assertEquals(Reports.json(report), Files.readString(written.get(0)));
    assertEquals(Reports.html(report), Files.readString(written.get(1)));
    assertEquals(Reports.markdown(report), Files.readString(written.get(2)));
    try (var files = Files.list(out)) {
      assertEquals(3, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void writeAll_files_getTheSamePermissionsAsAnyNewFile(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
    List<Path> written = Reports.writeAll(RealRun.report(), dir);
    for (Path p : written) {
      assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(p), p.toString());
    }
  }

  @Test
  void writer_writesEachReportItIsGiven(@TempDir Path dir) throws Exception {
    Reports.writer(dir).accept(RealRun.report());
    assertEquals(Reports.markdown(RealRun.report()), Files.readString(dir.resolve(Reports.MARKDOWN_FILE)));
  }

  @Test
  void writeAll_again_replacesTheFiles(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(Reports.JSON_FILE), "old");
    Reports.writeAll(RealRun.report(), dir);
    assertTrue(Files.readString(dir.resolve(Reports.JSON_FILE)).startsWith("{"));
  }

  @Test
  void writeAll_directoryIsAFile_throwsNamingIt(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("occupied"), "x");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Reports.writeAll(RealRun.report(), file));
    assertTrue(e.getMessage().contains("occupied"), e.getMessage());
  }
}
