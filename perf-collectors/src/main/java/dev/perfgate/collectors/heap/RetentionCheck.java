package dev.perfgate.collectors.heap;

import dev.perfgate.api.internal.Checks;
import dev.perfgate.collectors.heap.internal.JvmSettings;
import dev.perfgate.collectors.heap.internal.OldObjectPaths;
import dev.perfgate.collectors.internal.jfr.JfrSupport;
import java.lang.ref.WeakReference;
import java.util.Optional;

/**
 * Checks that an object becomes unreachable once the work that used it is closed: the
 * "collectable after close" target. Immutable and reusable; made by {@link #newBuilder()}.
 *
 * <pre>{@code
 * RetentionCheck.newBuilder().build().assertCollectable(() -> {
 *   Generator generator = Generator.start(config);
 *   generator.generateAll();
 *   generator.close();
 *   return generator;          // must be unreachable from here on
 * });
 * }</pre>
 *
 * <p>The object the work returns is held only through a {@link WeakReference}; then up to
 * {@link Builder#maxCollections(int) a few} full collections run until the reference is cleared.
 * When it is not, the failure names the object's class and, where JFR's old-object sampler
 * recorded one, the chain of references from a GC root that keeps it alive (the work runs under a
 * short JFR recording for that; the first one in a JVM costs a few hundred milliseconds to start).
 */
public final class RetentionCheck {
  private final int maxCollections;
  private final boolean tracePaths;

  private RetentionCheck(Builder b) {
    this.maxCollections = b.maxCollections;
    this.tracePaths = b.tracePaths;
  }

  /**
   * Starts a check with the defaults: up to 5 full collections, paths traced with JFR where it is
   * available.
   *
   * @return a builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * The work under test: it makes, uses and closes an object and returns it.
   *
   * @param <T> the object's type
   */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Runs the work.
     *
     * @return the object that must be unreachable once this returns; not null
     * @throws Exception if the work fails; the check rethrows it
     */
    T run() throws Exception;
  }

  /**
   * Runs the work and checks that the object it returns becomes unreachable.
   *
   * @param work the work
   * @return the outcome
   * @throws Exception what the work threw
   * @throws IllegalStateException if explicit collections are disabled in this JVM
   * @throws NullPointerException if the work returns null
   */
  public RetentionOutcome run(Work<?> work) throws Exception {
    Checks.notNull(work, "work");
    Optional<String> unusable = JvmSettings.explicitGcUnusable();
    Checks.state(unusable.isEmpty(), "cannot check retention: %s", unusable.orElse(""));
    OldObjectPaths paths = tracePaths && JfrSupport.unavailable().isEmpty() ? OldObjectPaths.start() : null;
    try {
      Tracked tracked = track(work);
      int collections = 0;
      while (tracked.reference.get() != null && collections < maxCollections) {
        System.gc();
        collections++;
      }
      boolean collectable = tracked.reference.get() == null;
      Optional<String> path = !collectable && paths != null ? paths.pathTo(tracked.className) : Optional.empty();
      return new RetentionOutcome(tracked.className, collectable, collections, path);
    } finally {
      if (paths != null) {
        paths.close();
      }
    }
  }

  /**
   * Runs the work and fails unless the object it returns becomes unreachable.
   *
   * @param work the work
   * @throws AssertionError if the object is still reachable; the message says what holds it where
   *     JFR could tell
   * @throws Exception what the work threw
   */
  public void assertCollectable(Work<?> work) throws Exception {
    RetentionOutcome outcome = run(work);
    if (!outcome.collectable()) {
      throw new AssertionError(outcome.message());
    }
  }

  /** The strong reference lives only in this frame, so nothing in the caller's frame keeps it. */
  private static Tracked track(Work<?> work) throws Exception {
    Object object = Checks.notNull(work.run(), "the object returned by the work");
    return new Tracked(new WeakReference<>(object), object.getClass().getName());
  }

  private static final class Tracked {
    final WeakReference<Object> reference;
    final String className;

    Tracked(WeakReference<Object> reference, String className) {
      this.reference = reference;
      this.className = className;
    }
  }

  @Override
  public String toString() {
    return "RetentionCheck[maxCollections=" + maxCollections + ", tracePaths=" + tracePaths + "]";
  }

  /** Configures a {@link RetentionCheck}. Each option may be set once. */
  public static final class Builder {
    private int maxCollections = 5;
    private boolean tracePaths = true;
    private final java.util.Set<String> set = new java.util.HashSet<>();

    private Builder() {}

    private void once(String option) {
      Checks.state(set.add(option), "%s was already set; set each option once", option);
    }

    /**
     * The most full collections to run before the object counts as retained.
     *
     * @param collections at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     * @throws IllegalStateException if already set
     */
    public Builder maxCollections(int collections) {
      once("maxCollections");
      Checks.argument(collections >= 1, "max collections (%s) must be >= 1", collections);
      this.maxCollections = collections;
      return this;
    }

    /**
     * Whether to run the work under JFR's old-object sampler so that a failure can show what keeps
     * the object alive.
     *
     * @param trace true to trace (the default)
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder tracePaths(boolean trace) {
      once("tracePaths");
      this.tracePaths = trace;
      return this;
    }

    /**
     * Builds the check; may be called again.
     *
     * @return an immutable check
     */
    public RetentionCheck build() {
      return new RetentionCheck(this);
    }
  }
}
