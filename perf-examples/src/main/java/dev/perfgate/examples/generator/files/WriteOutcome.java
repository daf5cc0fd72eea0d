package dev.perfgate.examples.generator.files;

/** What {@link FileService#write} did with one file. */
public enum WriteOutcome {
  /** The file did not exist and was written. */
  CREATED,
  /** The file existed with other content and was overwritten. */
  UPDATED,
  /** The file existed with the same content and was left alone. */
  UNCHANGED;

  /**
   * Tells whether the file was written to disk.
   *
   * @return true for {@link #CREATED} and {@link #UPDATED}
   */
  public boolean written() {
    return this != UNCHANGED;
  }
}
