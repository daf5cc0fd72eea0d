package dev.perfgate.examples.generator;

/**
 * What one full generation did, counted as it happened.
 *
 * @param tables the tables read from the schema
 * @param modelsGenerated the model classes rendered (one per table)
 * @param filesCreated files that did not exist and were written
 * @param filesUpdated files whose content changed and were overwritten
 * @param filesSkipped files left alone because their content was the same
 * @param bytesWritten bytes written to disk
 */
public record GenerationSummary(int tables, int modelsGenerated, int filesCreated, int filesUpdated,
    int filesSkipped, long bytesWritten) {

  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public GenerationSummary {
    if (tables < 0 || modelsGenerated < 0 || filesCreated < 0 || filesUpdated < 0 || filesSkipped < 0
        || bytesWritten < 0) {
      throw new IllegalArgumentException("generation counts must be >= 0: " + describe(tables, modelsGenerated,
          filesCreated, filesUpdated, filesSkipped, bytesWritten));
    }
  }

  /**
   * Returns the files written to disk.
   *
   * @return created plus updated
   */
  public int filesWritten() {
    return filesCreated + filesUpdated;
  }

  /**
   * Returns every file the generation produced, written or skipped.
   *
   * @return written plus skipped
   */
  public int files() {
    return filesWritten() + filesSkipped;
  }

  @Override
  public String toString() {
    return describe(tables, modelsGenerated, filesCreated, filesUpdated, filesSkipped, bytesWritten);
  }

  private static String describe(int tables, int models, int created, int updated, int skipped, long bytes) {
    return tables + " tables, " + models + " models generated, " + (created + updated) + " files written ("
        + created + " created, " + updated + " updated), " + skipped + " skipped, " + bytes + " bytes written";
  }
}
