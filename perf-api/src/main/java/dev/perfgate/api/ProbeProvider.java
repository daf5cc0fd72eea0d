package dev.perfgate.api;

/**
 * Makes a {@link Probe}; the service that {@link java.util.ServiceLoader} finds. Register an
 * implementation in {@code META-INF/services/dev.perfgate.api.ProbeProvider}. An implementation
 * must be a public class with a public no-argument constructor.
 *
 * <pre>{@code
 * public final class QueueDepthProbeProvider implements ProbeProvider {
 *   public String id() { return "queue.depth"; }
 *   public String description() { return "items waiting in the work queue"; }
 *   public Probe create() { return new QueueDepthProbe(); }
 * }
 * }</pre>
 */
public interface ProbeProvider {

  /**
   * A short, stable id by which a suite selects the probe, such as {@code alloc}.
   *
   * @return the id
   */
  String id();

  /**
   * One line that says what the probe measures.
   *
   * @return the description
   */
  String description();

  /**
   * Whether a suite uses this probe without being asked. Built-in timing and allocation probes are;
   * costly or specialised probes are not.
   *
   * @return false by default
   */
  default boolean enabledByDefault() {
    return false;
  }

  /**
   * Creates a probe. Called once per suite run.
   *
   * @return a new probe
   */
  Probe create();
}
