package dev.perfgate.examples.generator.files;

/**
 * Counts of what a {@link FileService} did since it started (or between two snapshots, with {@link #minus}).
 *
 * @param created files that did not exist and were written
 * @param updated files whose content changed and were overwritten
 * @param unchanged files left alone because their content was the same
 * @param bytesWritten bytes written to disk (created and updated files)
 */
public record FileCounts(long created, long updated, long unchanged, long bytesWritten) {

  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public FileCounts {
    if (created < 0 || updated < 0 || unchanged < 0 || bytesWritten < 0) {
      throw new IllegalArgumentException("file counts must be >= 0: created " + created + ", updated " + updated
          + ", unchanged " + unchanged + ", bytes " + bytesWritten);
    }
  }

  /**
   * Returns the files written to disk.
   *
   * @return created plus updated
   */
  public long written() {
    return created + updated;
  }

  /**
   * Returns the counts between an earlier snapshot and this one.
   *
   * @param earlier a snapshot taken before this one from the same service
   * @return this minus {@code earlier}
   * @throws IllegalArgumentException if {@code earlier} has a larger count (it was not earlier)
   */
  public FileCounts minus(FileCounts earlier) {
    return new FileCounts(created - earlier.created, updated - earlier.updated, unchanged - earlier.unchanged,
        bytesWritten - earlier.bytesWritten);
  }
}
