package dev.perfgate.generator.internal;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The probes of a run: those enabled by default, those asked for by id, and those given to the suite,
 * less the ones that cannot measure on this JVM.
 *
 * @param active the probes that measure
 * @param names every probe found, with where it came from
 * @param unavailable the metrics of unavailable probes, with the reasons
 * @param warnings problems found while loading and checking them
 */
public record ProbeSelection(List<Probe> active, List<String> names, Map<Metric, String> unavailable,
    List<String> warnings) {

  private static final System.Logger LOG = System.getLogger(ProbeSelection.class.getName());

  /**
   * Loads the catalog through the thread's context class loader and selects the probes.
   *
   * @param probeIds ids or class names of probes asked for
   * @param given probe objects given to the suite
   * @return the selection
   * @throws IllegalArgumentException if a probe id asked for is unknown
   */
  public static ProbeSelection select(List<String> probeIds, List<Probe> given) {
    List<String> warnings = new ArrayList<>();
    ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
        .orElse(ProbeSelection.class.getClassLoader());
    ProbeCatalog catalog = ProbeCatalog.load(loader);
    warnings.addAll(catalog.problems());
    List<Probe> active = new ArrayList<>();
    List<String> probeNames = new ArrayList<>();
    Map<Metric, String> unavailable = new LinkedHashMap<>();
    Set<String> wanted = new LinkedHashSet<>();
    catalog.entries().stream().filter(e -> e.provider().enabledByDefault()).forEach(e -> wanted.add(e.provider().id()));
    wanted.addAll(probeIds);
    List<Probe> candidates = new ArrayList<>();
    for (String id : wanted) {
      ProbeCatalog.Entry entry = catalog.find(id, loader);
      candidates.add(entry.provider().create());
      probeNames.add(entry.provider().id() + " (" + entry.source() + ")");
    }
    for (Probe p : given) {
      candidates.add(p);
      probeNames.add(p.id() + " (given to the suite)");
    }
    for (Probe p : candidates) {
      Optional<String> why = p.unavailable();
      if (why.isPresent()) {
        String reason = "probe '" + p.id() + "' is unavailable: " + why.get();
        warnings.add(reason + "; its metrics were skipped");
        p.metrics().forEach(m -> unavailable.putIfAbsent(m, reason));
      } else {
        active.add(p);
      }
    }
    LOG.log(System.Logger.Level.DEBUG, "perfgate probes: {0}", probeNames);
    return new ProbeSelection(List.copyOf(active), List.copyOf(probeNames), unavailable, List.copyOf(warnings));
  }

  /**
   * This selection with a probe the suite adds by itself (the ruler's pass of a baseline-judged run),
   * measuring after the others.
   *
   * @param probe the probe
   * @param why where it came from, for the list of probe names
   * @return the selection
   */
  public ProbeSelection with(Probe probe, String why) {
    List<Probe> more = new ArrayList<>(active);
    more.add(probe);
    List<String> moreNames = new ArrayList<>(names);
    moreNames.add(probe.id() + " (" + why + ")");
    return new ProbeSelection(List.copyOf(more), List.copyOf(moreNames), unavailable, warnings);
  }
}
