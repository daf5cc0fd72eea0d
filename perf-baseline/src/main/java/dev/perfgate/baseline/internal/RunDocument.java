package dev.perfgate.baseline.internal;

import dev.perfgate.api.Result;
import dev.perfgate.baseline.format.FormatException;
import dev.perfgate.baseline.format.ResultFormat;
import dev.perfgate.baseline.format.StoredRun;
import java.util.Optional;

/**
 * (Drop-in for pgstore's RunDocument after branch "home" is merged: StoreFormat/StoreMapping are
 * gone; the one result format is dev.perfgate.baseline.format.ResultFormat. Same public API.)
 *
 * One run as a JSON document of the result format: a version 2 history document that holds this
 * run alone, byte for byte what the directory store writes as a history file of one run (then made
 * ASCII). A store that keeps runs one by one writes and reads runs through here, so that it shares
 * the files' format, its checks and its version, and a row can be pasted into a file and read.
 *
 * <p>The text is ASCII: every other character is escaped, so that a database text column of any
 * encoding takes it; an unpaired surrogate and a NUL are escaped by the format itself.
 */
public final class RunDocument {
  private RunDocument() {}

  /** A run read back with what the store noted beside it. */
  public record Read(Result result, String savedAt, String revision) {}

  /** The run with its provenance, saved at the given time. */
  public static String write(Result result, String savedAt) {
    String json = ResultFormat.write(StoredRun.saved(result, Optional.of(savedAt)));
    StringBuilder sb = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      // Outside strings JSON is ASCII, so this escapes exactly characters inside strings.
      if (c < 0x80) {
        sb.append(c);
      } else {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
      }
    }
    return sb.toString();
  }

  /**
   * @throws IllegalArgumentException with what is wrong ("it has format version 3, newer than this
   *     Perfgate reads (2); upgrade Perfgate, or delete the file", "it holds 2 runs, not one", ...)
   */
  public static Read read(String json) {
    try {
      StoredRun run = ResultFormat.read(json);
      return new Read(run.result(), run.savedAt().orElse(null), run.revision().orElse(null));
    } catch (FormatException e) {
      throw new IllegalArgumentException("it " + e.getMessage(), e);
    }
  }
}
