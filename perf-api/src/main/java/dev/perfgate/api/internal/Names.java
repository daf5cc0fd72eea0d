package dev.perfgate.api.internal;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds the name a person most likely meant, for messages about a misspelt name: a metric of a
 * target, a {@code perfgate.*} setting. Internal: shared by the Perfgate modules, not an API.
 */
public final class Names {
  private Names() {}

  /**
   * The candidate closest to a name by edit distance, if it is close enough to be a typo: at most
   * a third of the name's length, and at least 2, edits away.
   *
   * @param name the name as given
   * @param candidates the names that exist
   * @return the closest candidate, empty if none is close enough
   */
  public static Optional<String> nearest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(name, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, name.length() / 3) ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance, with a swap of two neighbours counted as one edit. */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
