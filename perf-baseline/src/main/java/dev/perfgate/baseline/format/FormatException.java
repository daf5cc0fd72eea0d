package dev.perfgate.baseline.format;

/**
 * A document that is not in the result format, or in a version this code does not read. The
 * message completes a sentence that starts with the document's name ("baseline file x.json "):
 * "is not valid JSON at line 3, column 5: ...".
 */
public final class FormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean newerVersion;

  FormatException(String problem, boolean newerVersion, Throwable cause) {
    super(problem, cause);
    this.newerVersion = newerVersion;
  }

  /**
   * Whether the document is of a newer format version: upgrading Perfgate, not fixing the document,
   * is the remedy.
   *
   * @return true for a newer version
   */
  public boolean newerVersion() {
    return newerVersion;
  }
}
