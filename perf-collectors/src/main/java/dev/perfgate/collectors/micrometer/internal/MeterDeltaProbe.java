package dev.perfgate.collectors.micrometer.internal;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Differences of named counters, timers and distribution summaries over each sample, per
 * operation. Meters are looked up when a trial opens and kept for its samples; a meter not there
 * yet is looked for again after each sample until it appears (it then started from zero after the
 * previous look, so all of its count belongs to the sample). Holds no Micrometer type.
 */
public final class MeterDeltaProbe implements Probe {

  private final String id;
  private final MeterLookup lookup;
  private final List<MeterSpec> specs;
  private final List<Metric> metrics;

  /**
   * Creates the probe.
   *
   * @param id its id
   * @param lookup finds the meters
   * @param specs the meters and their metric names
   */
  public MeterDeltaProbe(String id, MeterLookup lookup, List<MeterSpec> specs) {
    this.id = id;
    this.lookup = lookup;
    this.specs = List.copyOf(specs);
    List<Metric> all = new ArrayList<>();
    this.specs.forEach(s -> all.addAll(s.metrics()));
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
    return lookup.problem();
  }

  @Override
  public Session open(RunContext context) {
    return new DeltaSession();
  }

  @Override
  public String toString() {
    return id + " probe on " + specs;
  }

  private final class DeltaSession implements Session {
    private final int n = specs.size();
    private final MeterLookup.Found[] found = new MeterLookup.Found[n];
    private final String[] problem = new String[n];
    private final Metric[][] metricsOf = new Metric[n][];
    private final double[][] before = new double[n][2];
    private final double[][] after = new double[n][2];
    private final double[][] total = new double[n][2];
    private final long[] operations = new long[n];
    private final int[] initialSize = new int[n];
    private final String blocked;

    DeltaSession() {
      blocked = lookup.problem().orElse(null);
      for (int i = 0; i < n; i++) {
        metricsOf[i] = specs.get(i).metrics().toArray(new Metric[0]);
        if (blocked == null) {
          look(i);
          initialSize[i] = found[i] == null ? 0 : found[i].size();
        }
      }
    }

    private boolean look(int i) {
      MeterLookup.Found f = lookup.find(specs.get(i));
      if (f.size() == 0) {
        problem[i] = f.problem();
        return false;
      }
      found[i] = f;
      return true;
    }

    @Override
    public void beforeSample() {
      for (int i = 0; i < n; i++) {
        if (found[i] != null) {
          found[i].read(before[i]);
        }
      }
    }

    @Override
    public void afterSample(Recorder recorder) {
      for (int i = 0; i < n; i++) {
        if (blocked != null) {
          notMeasured(recorder, i, blocked);
          continue;
        }
        if (found[i] == null) {
          if (!look(i)) {
            notMeasured(recorder, i, problem[i]);
            continue;
          }
          before[i][0] = 0;
          before[i][1] = 0;
        }
        found[i].read(after[i]);
        double count = after[i][0] - before[i][0];
        double sum = after[i][1] - before[i][1];
        total[i][0] += count;
        total[i][1] += sum;
        operations[i] += recorder.operations();
        recorder.recordPerOperation(metricsOf[i][0], count);
        if (metricsOf[i].length > 1) {
          recorder.recordPerOperation(metricsOf[i][1], sum);
        }
      }
    }

    @Override
    public void close(Recorder recorder) {
      for (int i = 0; i < n; i++) {
        if (blocked != null) {
          notMeasured(recorder, i, blocked);
        } else if (found[i] == null) {
          notMeasured(recorder, i, problem[i]);
        } else if (operations[i] == 0) {
          notMeasured(recorder, i, "no sample was taken in this trial");
        } else {
          // Samples before the meter appeared were not measured, so divide by the measured ones only.
          recorder.record(metricsOf[i][0], total[i][0] / operations[i]);
          if (metricsOf[i].length > 1) {
            recorder.record(metricsOf[i][1], total[i][1] / operations[i]);
          }
          int now = lookup.find(specs.get(i)).size();
          if (initialSize[i] > 0 && now > initialSize[i]) {
            recorder.warn((now - initialSize[i]) + " more meters matching " + specs.get(i).describe()
                + " appeared during the trial and were not counted in " + metricsOf[i][0].name()
                + "; create them before the run (for example in the benchmark's set-up)");
          }
        }
      }
    }

    private void notMeasured(Recorder recorder, int i, String reason) {
      for (Metric m : metricsOf[i]) {
        recorder.notMeasured(m, reason);
      }
    }
  }
}
