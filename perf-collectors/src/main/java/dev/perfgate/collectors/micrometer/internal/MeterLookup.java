package dev.perfgate.collectors.micrometer.internal;

import java.util.Optional;

/**
 * Finds the meters of a {@link MeterSpec}. An interface without Micrometer types, so that the probe
 * classes a runner loads do not need Micrometer; {@link RegistryLookup} implements it.
 */
public interface MeterLookup {

  /**
   * Why the registry cannot give deltas at all, if it cannot.
   *
   * @return the reason, or empty
   */
  Optional<String> problem();

  /**
   * Looks up the meters of a spec now.
   *
   * @param spec the spec
   * @return the meters found
   */
  Found find(MeterSpec spec);

  /** The meters of a spec found by one lookup, read together. */
  interface Found {

    /**
     * How many meters were found.
     *
     * @return the number, 0 if none
     */
    int size();

    /**
     * Why none were found, naming what was looked for.
     *
     * @return the reason; meaningful only when {@link #size()} is 0
     */
    String problem();

    /**
     * Reads the summed running count into {@code into[0]} and total into {@code into[1]}.
     *
     * @param into receives the values
     */
    void read(double[] into);
  }
}
