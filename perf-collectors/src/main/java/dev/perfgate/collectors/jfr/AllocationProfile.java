package dev.perfgate.collectors.jfr;

import dev.perfgate.api.Annotation;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

  /** The id of the annotation {@link #annotation()} makes. */
  public static final String ANNOTATION_ID = "jfr.allocation.sites";

  /**
   * This profile as an annotation of the benchmark's result: a table the reports show under its
   * figures, never judged. The JFR memory probe adds it after each trial, so a result shows its
   * last trial's sites.
   *
   * @return the table of sites, with a title that says how far to trust it
   */
  public Annotation annotation() {
    List<List<String>> rows = new ArrayList<>();
    for (AllocationSite site : sites) {
      rows.add(List.of(String.format(Locale.ROOT, "%.1f %%", site.share() * 100),
          "~" + AllocationSite.bytes(site.estimatedBytes()), site.className(), site.frame()));
    }
    return new Annotation(ANNOTATION_ID, "Top allocation sites, trial " + trial + " (sampled estimates from "
        + samples + " JFR samples standing for ~" + AllocationSite.bytes(sampledBytes) + "; not a gate)",
        List.of("share", "bytes", "class", "allocated at"), rows);
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
