package dev.perfgate.collectors.internal.cache;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.RunContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A probe over bound caches: counter snapshots before and after each sample, their differences
 * recorded per cache, and the sums over the trial's samples recorded as the trial's values, per
 * cache and for all caches together. Holds no Caffeine or Micrometer type, so a runner can load it without
 * either library.
 *
 * <p>Public only because the Micrometer integration builds it too; not an API.
 */
public final class CacheProbe implements Probe {

  private static final System.Logger LOG = System.getLogger(CacheProbe.class.getName());

  private static final String NO_SAMPLE = "no sample was taken in this trial";

  private final String id;
  private final List<CacheSource> sources;
  private final List<CacheMetricSet> perCache;
  private final CacheMetricSet overall;
  private final List<Metric> metrics;
  /** Variants already warned about, so a warning appears once per result, not once per trial. */
  private final Set<BenchmarkKey> warned = ConcurrentHashMap.newKeySet();
  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  /**
   * Creates the probe.
   *
   * @param id the probe's id
   * @param sources the caches, at least one, with distinct names
   */
  public CacheProbe(String id, List<CacheSource> sources) {
    this.id = id;
    this.sources = List.copyOf(sources);
    List<CacheMetricSet> sets = new ArrayList<>();
    int common = -1;
    List<Metric> all = new ArrayList<>();
    for (CacheSource s : this.sources) {
      sets.add(new CacheMetricSet("cache." + s.name(), "cache '" + s.name() + "'", s.declared()));
      common &= s.declared();
    }
    this.perCache = List.copyOf(sets);
    this.overall = new CacheMetricSet("cache", this.sources.size() == 1
        ? "cache '" + this.sources.get(0).name() + "'" : "the bound caches", common);
    all.addAll(overall.metrics());
    sets.forEach(set -> all.addAll(set.metrics()));
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
  public Session open(RunContext context) {
    int n = sources.size();
    String[] blocked = new String[n];
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      CacheSource source = sources.get(i);
      Optional<String> problem = source.open();
      if (problem.isPresent()) {
        blocked[i] = problem.get();
        problems.add(problem.get());
        if (logged.add(source.name())) {
          LOG.log(System.Logger.Level.WARNING, problem.get());
        }
      }
    }
    // Every trial opens its sessions, so the same problem is warned once per variant, not per trial.
    if (!problems.isEmpty() && warned.add(context.key())) {
      problems.forEach(context::warn);
    }
    return new CacheSession(blocked);
  }

  @Override
  public String toString() {
    return id + " probe on " + sources.stream().map(CacheSource::name).toList();
  }

  /** One trial: snapshots of every source's counters, the sums over the samples. */
  private final class CacheSession implements Session {
    private final int n = sources.size();
    private final String[] blocked;
    private final int[] present = new int[n];
    private final String[][] missing = new String[n][CacheSource.SLOTS];
    private final long[][] before = new long[n][CacheSource.SLOTS];
    private final long[][] after = new long[n][CacheSource.SLOTS];
    private final long[][] total = new long[n][CacheSource.SLOTS];
    private final long[] delta = new long[CacheSource.SLOTS];
    private final long[] overallDelta = new long[CacheSource.SLOTS];
    private int overallPresent;
    private final String[] overallMissing = new String[CacheSource.SLOTS];
    private boolean goneWarned;
    private String pendingWarning;
    private int samples;

    CacheSession(String[] blocked) {
      this.blocked = blocked;
      for (int i = 0; i < n; i++) {
        if (blocked[i] == null) {
          CacheSource source = sources.get(i);
          present[i] = source.present();
          for (int slot = 0; slot < CacheSource.SLOTS; slot++) {
            if (!CacheMetricSet.has(present[i], slot)) {
              missing[i][slot] = source.missingReason(slot);
            }
          }
        }
      }
      overallPresent = -1;
      for (int i = 0; i < n; i++) {
        overallPresent &= present[i];
        for (int slot = 0; slot < CacheSource.SLOTS; slot++) {
          if (overallMissing[slot] == null && missing[i][slot] != null) {
            overallMissing[slot] = missing[i][slot];
          }
        }
      }
    }

    @Override
    public void beforeSample() {
      for (int i = 0; i < n; i++) {
        if (blocked[i] == null && !sources.get(i).read(before[i])) {
          gone(i);
        }
      }
    }

    /** A cache collected during the trial: its metrics are not measured from now on, and a warning says why. */
    private void gone(int i) {
      blocked[i] = sources.get(i).goneReason();
      if (pendingWarning == null && !goneWarned) {
        pendingWarning = blocked[i];
      }
    }

    @Override
    public void afterSample(Recorder recorder) {
      for (int i = 0; i < n; i++) {
        if (blocked[i] == null && !sources.get(i).read(after[i])) {
          gone(i);
        }
      }
      if (pendingWarning != null) {
        recorder.warn(pendingWarning);
        pendingWarning = null;
        goneWarned = true;
      }
      for (int i = 0; i < n; i++) {
        CacheMetricSet set = perCache.get(i);
        if (blocked[i] != null) {
          set.notMeasured(recorder, blocked[i], false);
          continue;
        }
        long[] b = before[i];
        long[] a = after[i];
        long[] t = total[i];
        for (int slot = 0; slot < CacheSource.SLOTS; slot++) {
          long d = a[slot] - b[slot];
          delta[slot] = d;
          t[slot] += d;
        }
        set.record(recorder, delta, present[i], missing[i], false);
      }
      // The totals over all caches are trial values only: per sample they would double the
      // recording cost and, with one cache, repeat its figures.
      samples++;
    }

    @Override
    public void close(Recorder recorder) {
      String overallBlocked = null;
      long overallSize = 0;
      String sizeReason = null;
      Arrays.fill(overallDelta, 0);
      for (int i = 0; i < n; i++) {
        CacheMetricSet set = perCache.get(i);
        CacheSource source = sources.get(i);
        if (blocked[i] != null) {
          set.notMeasured(recorder, blocked[i], true);
          overallBlocked = overallBlocked == null ? blocked[i] : overallBlocked;
          continue;
        }
        long entries = source.size();
        set.recordSize(recorder, entries, entries < 0 ? source.goneReason() : "");
        if (entries < 0) {
          sizeReason = sizeReason == null ? source.goneReason() : sizeReason;
        } else {
          overallSize += entries;
        }
        if (samples == 0) {
          set.notMeasured(recorder, NO_SAMPLE, false);
          continue;
        }
        for (int slot = 0; slot < CacheSource.SLOTS; slot++) {
          overallDelta[slot] += total[i][slot];
        }
        set.record(recorder, total[i], present[i], missing[i], true);
      }
      // A total that silently left out one cache would overstate or understate the ratio.
      if (overallBlocked != null) {
        overall.notMeasured(recorder, overallBlocked, true);
        return;
      }
      overall.recordSize(recorder, sizeReason == null ? overallSize : -1, sizeReason);
      if (samples > 0) {
        overall.record(recorder, overallDelta, overallPresent, overallMissing, true);
      } else {
        overall.notMeasured(recorder, NO_SAMPLE, false);
      }
    }
  }
}
