package dev.perfgate.examples.generator.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Writes generated files under an output directory, skipping a file whose content on disk is already the same,
 * so that a second generation touches nothing (build tools then see no change) and costs reads, not writes.
 *
 * <p>The comparison is of the bytes themselves: a file of another size is different without reading it; one
 * of the same size is read and compared. A hash would still need the read and could collide. Thread-safe for
 * different files; two threads writing the same file at once both write it.
 *
 * <pre>{@code
 * FileService files = registry.files();
 * WriteOutcome outcome = files.write("java/com/acme/Customer.java", source);
 * }</pre>
 */
public final class FileService {
  private final Path root;
  private final LongAdder created = new LongAdder();
  private final LongAdder updated = new LongAdder();
  private final LongAdder unchanged = new LongAdder();
  private final LongAdder bytes = new LongAdder();

  private FileService(Path root) {
    this.root = root;
  }

  /**
   * Creates a file service writing under a directory (created on the first write if missing).
   *
   * @param root the output directory
   * @return a new service with zero counts
   */
  public static FileService create(Path root) {
    return new FileService(Objects.requireNonNull(root, "root").toAbsolutePath().normalize());
  }

  /**
   * Writes a file unless its content on disk is the same.
   *
   * @param relativePath the path under the output directory, with '/' separators
   * @param content the file content, written as UTF-8
   * @return what was done
   * @throws IllegalArgumentException if the path is absolute or leads outside the output directory
   * @throws UncheckedIOException if the file cannot be read or written
   */
  public WriteOutcome write(String relativePath, String content) {
    Objects.requireNonNull(content, "content");
    Path target = resolve(relativePath);
    byte[] bytesToWrite = content.getBytes(StandardCharsets.UTF_8);
    try {
      WriteOutcome outcome;
      try {
        if (Files.size(target) == bytesToWrite.length && Arrays.equals(Files.readAllBytes(target), bytesToWrite)) {
          unchanged.increment();
          return WriteOutcome.UNCHANGED;
        }
        outcome = WriteOutcome.UPDATED;
      } catch (NoSuchFileException e) {
        outcome = WriteOutcome.CREATED;
        Files.createDirectories(target.getParent());
      }
      Files.write(target, bytesToWrite);
      (outcome == WriteOutcome.CREATED ? created : updated).increment();
      bytes.add(bytesToWrite.length);
      return outcome;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write generated file " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Resolves a relative path under the output directory, refusing one that leads outside it.
   *
   * @param relativePath the path under the output directory
   * @return the absolute path
   * @throws IllegalArgumentException if the path is blank, absolute or leads outside the output directory
   */
  public Path resolve(String relativePath) {
    if (relativePath == null || relativePath.isBlank()) {
      throw new IllegalArgumentException("relative path (" + relativePath + ") must not be blank");
    }
    Path relative = Path.of(relativePath);
    Path target = root.resolve(relative).normalize();
    if (relative.isAbsolute() || !target.startsWith(root) || target.equals(root)) {
      throw new IllegalArgumentException("path " + relativePath + " leads outside the output directory " + root
          + "; give a path below it, such as java/Customer.java");
    }
    return target;
  }

  /**
   * Returns what the service did since it started.
   *
   * @return a snapshot of the counts
   */
  public FileCounts counts() {
    return new FileCounts(created.sum(), updated.sum(), unchanged.sum(), bytes.sum());
  }

  /**
   * Returns the output directory.
   *
   * @return the absolute, normalised output directory
   */
  public Path root() {
    return root;
  }
}
