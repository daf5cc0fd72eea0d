package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import java.util.Map;

/**
 * The outcome of one check of one benchmark variant, in words and numbers. The message states
 * what was measured against what, for example
 * {@code template.render  p95 time/op 0.84 ms  <= 100 ms  PASS}.
 *
 * @param subject the benchmark variant checked, such as {@code render[size=50]}
 * @param check what was checked, such as {@code p95 time.wall <= 100 ms}
 * @param status the outcome
 * @param message one line for a person
 * @param figures the numbers behind it, by name (measured, limit, ratio, ...), in base units
 */
public record Verdict(String subject, String check, Status status, String message, Map<String, Double> figures) {

  /**
   * Creates a verdict.
   *
   * @throws NullPointerException if an argument is null
   */
  public Verdict {
    Checks.notNull(subject, "subject");
    Checks.notNull(check, "check");
    Checks.notNull(status, "status");
    Checks.notNull(message, "message");
    figures = Map.copyOf(Checks.notNull(figures, "figures"));
  }

  /**
   * Whether this verdict fails a test or a build.
   *
   * @return true if the status is a failure
   */
  public boolean failed() {
    return status.isFailure();
  }

  @Override
  public String toString() {
    return message;
  }
}
