package dev.perfgate.collectors.heap;

import dev.perfgate.api.Status;
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
    return new Verdict(subject, "collectable after close", collectable ? Status.PASS : Status.FAIL,
        subject + "  collectable after close  " + (collectable ? "PASS" : "FAIL") + ": " + message(),
        Map.of("collections", (double) collections));
  }

  @Override
  public String toString() {
    return message();
  }
}
