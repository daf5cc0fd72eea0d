package dev.perfgate.collectors.jfr;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.internal.Checks;
import java.util.List;

/**
 * The top allocation sites of one trial, from JFR's {@code jdk.ObjectAllocationSample} events. The
 * figures are sampled estimates (JFR throttles the samples and weighs each by the allocation it
 * stands for): show them in a report, never judge them against a target.
 *
 * @param key the benchmark variant
 * @param trial the trial's number
 * @param samples how many allocation samples the trial produced
 * @param sampledBytes the bytes all samples stand for
 * @param sites the heaviest sites, heaviest first
 */
public record AllocationProfile(BenchmarkKey key, int trial, int samples, long sampledBytes,
    List<AllocationSite> sites) {

  /**
   * Creates a profile.
   *
   * @throws IllegalArgumentException if a count is negative
   * @throws NullPointerException if the key or the sites are null
   */
  public AllocationProfile {
    Checks.notNull(key, "key");
    Checks.argument(trial >= 0, "trial (%s) must be >= 0", trial);
    Checks.argument(samples >= 0, "samples (%s) must be >= 0", samples);
    Checks.argument(sampledBytes >= 0, "sampled bytes (%s) must be >= 0", sampledBytes);
    sites = List.copyOf(Checks.notNull(sites, "sites"));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append("top allocation sites of ").append(key).append(" trial ")
        .append(trial).append(" (sampled estimates from ").append(samples).append(" JFR samples standing for ~")
        .append(AllocationSite.bytes(sampledBytes)).append("; not a gate)");
    for (AllocationSite site : sites) {
      sb.append(System.lineSeparator()).append("  ").append(site);
    }
    return sb.toString();
  }
}
