package dev.perfgate.examples;

import java.util.HashMap;
import java.util.Map;

/** A small piece of real work for the examples: counting the words of a text. */
public final class WordCount {
  private WordCount() {}

  /**
   * Counts each word of a text, ignoring case.
   *
   * @param text the text
   * @return each word and how often it occurs
   */
  public static Map<String, Integer> count(String text) {
    Map<String, Integer> counts = new HashMap<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        counts.merge(text.substring(start, i).toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        start = -1;
      }
    }
    return counts;
  }

  /**
   * A text of about {@code words} words, the same every time.
   *
   * @param words how many words
   * @return the text
   */
  public static String sampleText(int words) {
    String[] vocabulary = {"perf", "gate", "measures", "the", "real", "work", "of", "a", "jvm", "project",
        "budgets", "baselines", "and", "trends", "never", "simulated"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(vocabulary[(i * 7 + i / 3) % vocabulary.length]).append(i % 11 == 10 ? ". " : " ");
    }
    return sb.toString();
  }
}
