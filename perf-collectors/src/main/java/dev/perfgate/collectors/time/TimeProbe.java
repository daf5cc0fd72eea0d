package dev.perfgate.collectors.time;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.RunContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/** Wall time from the runner's own reads; CPU time of the measuring thread beside it. */
final class TimeProbe implements Probe {

  /** Below this a CPU time read (~0.6 us) would be more than about 1 % of the sample. */
  static final long MIN_CPU_SAMPLE_NANOS = 100_000;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final boolean cpuTime = cpuTimeUsable(threads);

  @Override
  public String id() {
    return "time";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(Metric.WALL_TIME, Metric.CPU_TIME);
  }

  @Override
  public boolean precise() {
    return true;
  }

  @Override
  public Session open(RunContext context) {
    boolean cpuHere = cpuTime && context.key().threads() == 1;
    return new Session() {
      private long cpuBefore;
      private boolean cpuRecorded;

      @Override
      public void beforeSample() {
        if (cpuHere) {
          cpuBefore = threads.getCurrentThreadCpuTime();
        }
      }

      @Override
      public void afterSample(Recorder recorder) {
        recorder.recordPerOperation(Metric.WALL_TIME, recorder.elapsedNanos());
        if (cpuHere) {
          long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
          if (recorder.elapsedNanos() >= MIN_CPU_SAMPLE_NANOS) {
            recorder.recordPerOperation(Metric.CPU_TIME, cpu);
            cpuRecorded = true;
          }
        }
      }

      @Override
      public void close(Recorder recorder) {
        if (!cpuTime) {
          recorder.notMeasured(Metric.CPU_TIME, "this JVM cannot measure thread CPU time"
              + " (ThreadMXBean.isCurrentThreadCpuTimeSupported() is false or it is disabled)");
        } else if (!cpuHere) {
          recorder.notMeasured(Metric.CPU_TIME, "CPU time is read for the measuring thread only, and "
              + context.key() + " runs its work on " + context.key().threads() + " other threads");
        } else if (!cpuRecorded) {
          recorder.notMeasured(Metric.CPU_TIME, "every sample was shorter than "
              + MIN_CPU_SAMPLE_NANOS / 1000 + " us, where reading CPU time (~0.6 us) would distort it");
        }
      }
    };
  }

  private static boolean cpuTimeUsable(ThreadMXBean threads) {
    try {
      return threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "time probe (time.wall, time.cpu)";
  }
}
