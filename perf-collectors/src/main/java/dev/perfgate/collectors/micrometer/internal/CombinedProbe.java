package dev.perfgate.collectors.micrometer.internal;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Several probes shown to the runner as one. Holds no Micrometer type. */
public final class CombinedProbe implements Probe {

  private final String id;
  private final List<Probe> parts;
  private final List<Metric> metrics;
  private final Supplier<Optional<String>> unavailable;

  /**
   * Creates the probe.
   *
   * @param id its id
   * @param parts the probes, opened in this order
   * @param unavailable why it cannot measure, asked each time
   */
  public CombinedProbe(String id, List<Probe> parts, Supplier<Optional<String>> unavailable) {
    this.id = id;
    this.parts = List.copyOf(parts);
    this.unavailable = unavailable;
    List<Metric> all = new ArrayList<>();
    this.parts.forEach(p -> all.addAll(p.metrics()));
    this.metrics = List.copyOf(all);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Metric> metrics() {
    return metrics;
  }

  @Override
  public Optional<String> unavailable() {
    return unavailable.get();
  }

  @Override
  public Session open(RunContext context) throws Exception {
    Session[] sessions = new Session[parts.size()];
    for (int i = 0; i < sessions.length; i++) {
      sessions[i] = parts.get(i).open(context);
    }
    return new Session() {
      @Override
      public void beforeSample() throws Exception {
        for (Session s : sessions) {
          s.beforeSample();
        }
      }

      @Override
      public void afterSample(Recorder recorder) throws Exception {
        for (int i = sessions.length - 1; i >= 0; i--) {
          sessions[i].afterSample(recorder);
        }
      }

      @Override
      public void close(Recorder recorder) throws Exception {
        // Every part releases what it holds even when another part's close fails.
        Exception first = null;
        for (int i = sessions.length - 1; i >= 0; i--) {
          try {
            sessions[i].close(recorder);
          } catch (Exception e) {
            if (first == null) {
              first = e;
            } else {
              first.addSuppressed(e);
            }
          }
        }
        if (first != null) {
          throw first;
        }
      }
    };
  }

  @Override
  public String toString() {
    return id + " probe of " + parts;
  }
}
