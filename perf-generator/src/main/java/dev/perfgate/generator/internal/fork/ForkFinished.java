package dev.perfgate.generator.internal.fork;

/**
 * Thrown in a child JVM once the requested run call has been measured and its results written, to
 * stop the user's method there: its later calls and its assertions belong to the parent. An
 * {@link Error}, so that a {@code catch (Exception e)} in the user's code lets it through.
 */
public final class ForkFinished extends Error {
  private static final long serialVersionUID = 1L;

  ForkFinished() {
    super("this forked JVM measured its run call and wrote the results; the rest of the method runs in the parent",
        null, false, false);
  }
}
