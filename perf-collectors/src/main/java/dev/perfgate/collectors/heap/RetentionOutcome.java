package dev.perfgate.collectors.heap;

import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import dev.perfgate.api.internal.Checks;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link RetentionCheck} found about one object.
 *
 * @param className the class of the object checked
 * @param collectable whether it became unreachable (its weak reference was cleared)
 * @param collections the full collections run before it was cleared, or in vain
 * @param pathToGcRoot for an object still reachable, the chain from a GC root to it, where JFR's
 *     old-object sampler recorded one
 */
public record RetentionOutcome(String className, boolean collectable, int collections,
    Optional<String> pathToGcRoot) {

  /**
   * Creates an outcome.
   *
   * @throws IllegalArgumentException if collections is negative
   * @throws NullPointerException if the class name or the path is null
   */
  public RetentionOutcome {
    Checks.notNull(className, "className");
    Checks.notNull(pathToGcRoot, "pathToGcRoot");
    Checks.argument(collections >= 0, "collections (%s) must be >= 0", collections);
  }

  /**
   * One paragraph for a person: what was checked, what happened and, for a failure, what keeps the
   * object alive.
   *
   * @return the message
   */
  public String message() {
    if (collectable) {
      return "an instance of " + className + " became unreachable after the work was closed ("
          + collections + " full collection" + (collections == 1 ? "" : "s") + ")";
    }
    return "an instance of " + className + " is still reachable after the work was closed and "
        + collections + " full collection" + (collections == 1 ? "" : "s") + "; "
        + pathToGcRoot.map(p -> "it is kept alive by: " + p)
            .orElse("JFR's old-object sampler recorded no path to it (it samples allocations and "
                + "catches large ones best); look for static fields, caches, listeners, thread-locals "
                + "and executors that still hold it");
  }

  /**
   * This outcome as the verdict of a "collectable after close" check.
   *
   * @param subject the benchmark or component checked
   * @return a passing verdict if the object was collectable, else a failing one
   */
  public Verdict verdict(String subject) {
    return verdict(Subject.benchmark(subject));
  }

  /**
   * This outcome as the verdict of a "collectable after close" check.
   *
   * @param subject the benchmark, variant or component checked
   * @return a passing verdict if the object was collectable, else a failing one
   */
  public Verdict verdict(Subject subject) {
    Finding f = new Finding(subject.toString(), this);
    return Verdict.of(subject, "collectable after close", f.status(), f);
  }

  /**
   * The detail of a "collectable after close" verdict: the outcome, about a subject.
   *
   * @param subject the subject as the verdict names it
   * @param outcome what the check found
   */
  public record Finding(String subject, RetentionOutcome outcome) implements Verdict.Detail {

    /**
     * Creates a finding.
     *
     * @throws NullPointerException if an argument is null
     */
    public Finding {
      Checks.notNull(subject, "subject");
      Checks.notNull(outcome, "outcome");
    }

    /**
     * PASS if the object was collectable, else FAIL.
     *
     * @return the status
     */
    public Status status() {
      return outcome.collectable() ? Status.PASS : Status.FAIL;
    }

    @Override
    public String message() {
      return subject + "  collectable after close  " + status() + ": " + outcome.message();
    }

    /** The figure {@code collections}. */
    @Override
    public Map<String, Double> figures() {
      return Map.of("collections", (double) outcome.collections());
    }
  }

  @Override
  public String toString() {
    return message();
  }
}
