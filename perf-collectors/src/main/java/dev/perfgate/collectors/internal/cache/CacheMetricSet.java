package dev.perfgate.collectors.internal.cache;

import static dev.perfgate.collectors.internal.cache.CacheSource.EVICTIONS;
import static dev.perfgate.collectors.internal.cache.CacheSource.HITS;
import static dev.perfgate.collectors.internal.cache.CacheSource.LOAD_FAILURES;
import static dev.perfgate.collectors.internal.cache.CacheSource.LOAD_NANOS;
import static dev.perfgate.collectors.internal.cache.CacheSource.LOAD_SUCCESSES;
import static dev.perfgate.collectors.internal.cache.CacheSource.MISSES;
import static dev.perfgate.collectors.internal.cache.CacheSource.PUTS;

import dev.perfgate.api.Direction;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe.Recorder;
import dev.perfgate.api.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics of one cache (prefix {@code cache.<name>}) or of all bound caches together (prefix
 * {@code cache}), and how they derive from a window's counter deltas.
 *
 * <p>Names, all under the prefix: {@code hit.ratio} (ratio, higher is better); {@code hits},
 * {@code misses}, {@code loads}, {@code load.failures}, {@code evictions}, {@code puts} (counts per
 * operation); {@code load.time} (mean nanoseconds per load); {@code size} (entries at the end of the
 * trial, trial value only). A metric appears only when the source kind can give it.
 */
public final class CacheMetricSet {

  /** Reasons built once, since building them per sample would cost more than the rest of the probe. */
  private final String noRequestsSample;
  private final String noRequestsTrial;
  private final String noLoadsSample;
  private final String noLoadsTrial;
  private final Metric hitRatio;
  private final Metric hits;
  private final Metric misses;
  private final Metric loads;
  private final Metric loadFailures;
  private final Metric loadTime;
  private final Metric evictions;
  private final Metric puts;
  private final Metric size;
  private final List<Metric> all;

  /**
   * Creates the metric set.
   *
   * @param prefix {@code cache} or {@code cache.<name>}
   * @param what the caches, in words, such as {@code cache 'schema'}
   * @param declared the slots the sources can give
   */
  public CacheMetricSet(String prefix, String what, int declared) {
    noRequestsSample = "no requests to " + what + " in this sample, so there is no hit ratio to report";
    noRequestsTrial = "no requests to " + what + " in this trial, so there is no hit ratio to report";
    noLoadsSample = "no loads by " + what + " in this sample, so there is no load time to report";
    noLoadsTrial = "no loads by " + what + " in this trial, so there is no load time to report";
    boolean requests = has(declared, HITS) && has(declared, MISSES);
    boolean loadCounts = has(declared, LOAD_SUCCESSES) && has(declared, LOAD_FAILURES);
    hitRatio = requests ? Metric.of(prefix + ".hit.ratio", Unit.RATIO, Direction.HIGHER_IS_BETTER) : null;
    hits = has(declared, HITS) ? Metric.of(prefix + ".hits", Unit.COUNT, Direction.NEUTRAL) : null;
    misses = has(declared, MISSES) ? Metric.of(prefix + ".misses", Unit.COUNT, Direction.LOWER_IS_BETTER) : null;
    loads = loadCounts ? Metric.of(prefix + ".loads", Unit.COUNT, Direction.LOWER_IS_BETTER) : null;
    loadFailures = has(declared, LOAD_FAILURES)
        ? Metric.of(prefix + ".load.failures", Unit.COUNT, Direction.LOWER_IS_BETTER) : null;
    loadTime = loadCounts && has(declared, LOAD_NANOS)
        ? Metric.of(prefix + ".load.time", Unit.NANOSECONDS, Direction.LOWER_IS_BETTER) : null;
    evictions = has(declared, EVICTIONS)
        ? Metric.of(prefix + ".evictions", Unit.COUNT, Direction.LOWER_IS_BETTER) : null;
    puts = has(declared, PUTS) ? Metric.of(prefix + ".puts", Unit.COUNT, Direction.NEUTRAL) : null;
    size = Metric.of(prefix + ".size", Unit.COUNT, Direction.NEUTRAL);
    List<Metric> list = new ArrayList<>();
    for (Metric m : new Metric[] {hitRatio, hits, misses, loads, loadFailures, loadTime, evictions, puts, size}) {
      if (m != null) {
        list.add(m);
      }
    }
    all = List.copyOf(list);
  }

  /**
   * Every metric of this set.
   *
   * @return the metrics
   */
  public List<Metric> metrics() {
    return all;
  }

  /**
   * Records the values of one window (a sample, or the whole trial).
   *
   * @param recorder takes the values; counts are divided by its operations
   * @param delta the counters' increase over the window, by slot
   * @param present the slots available
   * @param missing why each missing slot is missing
   * @param trial whether the window is the whole trial rather than a sample
   */
  void record(Recorder recorder, long[] delta, int present, String[] missing, boolean trial) {
    if (hitRatio != null) {
      if (!has(present, HITS) || !has(present, MISSES)) {
        recorder.notMeasured(hitRatio, missing[has(present, HITS) ? MISSES : HITS]);
      } else {
        long requests = delta[HITS] + delta[MISSES];
        if (requests == 0) {
          recorder.notMeasured(hitRatio, trial ? noRequestsTrial : noRequestsSample);
        } else {
          recorder.record(hitRatio, (double) delta[HITS] / requests);
        }
      }
    }
    perOperation(recorder, hits, present, missing, delta, HITS);
    perOperation(recorder, misses, present, missing, delta, MISSES);
    if (loads != null) {
      if (!has(present, LOAD_SUCCESSES) || !has(present, LOAD_FAILURES)) {
        String reason = missing[has(present, LOAD_SUCCESSES) ? LOAD_FAILURES : LOAD_SUCCESSES];
        recorder.notMeasured(loads, reason);
        if (loadTime != null) {
          recorder.notMeasured(loadTime, reason);
        }
      } else {
        long count = delta[LOAD_SUCCESSES] + delta[LOAD_FAILURES];
        recorder.recordPerOperation(loads, count);
        if (loadTime != null) {
          if (!has(present, LOAD_NANOS)) {
            recorder.notMeasured(loadTime, missing[LOAD_NANOS]);
          } else if (count == 0) {
            recorder.notMeasured(loadTime, trial ? noLoadsTrial : noLoadsSample);
          } else {
            recorder.record(loadTime, (double) delta[LOAD_NANOS] / count);
          }
        }
      }
    }
    perOperation(recorder, loadFailures, present, missing, delta, LOAD_FAILURES);
    perOperation(recorder, evictions, present, missing, delta, EVICTIONS);
    perOperation(recorder, puts, present, missing, delta, PUTS);
  }

  /**
   * Records the size at the end of the trial.
   *
   * @param recorder takes the value
   * @param entries the number of entries, or -1 if unknown
   * @param reason why it is unknown
   */
  void recordSize(Recorder recorder, long entries, String reason) {
    if (entries < 0) {
      recorder.notMeasured(size, reason);
    } else {
      recorder.record(size, entries);
    }
  }

  /**
   * Marks every metric of this set not measured.
   *
   * @param recorder takes the marks
   * @param reason why
   * @param withSize whether the size metric is included (trial end) or not (a sample)
   */
  void notMeasured(Recorder recorder, String reason, boolean withSize) {
    for (Metric m : all) {
      if (withSize || m != size) {
        recorder.notMeasured(m, reason);
      }
    }
  }

  private static void perOperation(Recorder recorder, Metric metric, int present, String[] missing,
      long[] delta, int slot) {
    if (metric == null) {
      return;
    }
    if (has(present, slot)) {
      recorder.recordPerOperation(metric, delta[slot]);
    } else {
      recorder.notMeasured(metric, missing[slot]);
    }
  }

  static boolean has(int mask, int slot) {
    return (mask & (1 << slot)) != 0;
  }
}
