package dev.perfgate.collectors.jfr;

import dev.perfgate.api.Probe;
import java.util.List;

/**
 * The JFR memory probe: a {@link Probe} that also keeps the top allocation sites of each measured
 * trial, which have no metric slot because they are estimates. Made by {@link JfrProbes#memory()}.
 */
public interface JfrMemoryProbe extends Probe {

  /**
   * The allocation profiles of the measured trials closed so far, in the order they closed.
   * Thread-safe.
   *
   * @return the profiles, possibly empty
   */
  List<AllocationProfile> allocationProfiles();
}
