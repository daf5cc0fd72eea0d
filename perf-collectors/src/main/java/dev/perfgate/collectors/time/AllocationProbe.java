package dev.perfgate.collectors.time;

import dev.perfgate.api.Metric;
import dev.perfgate.api.Probe;
import dev.perfgate.api.RunContext;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

/**
 * Exact bytes allocated per operation by the measuring thread. The read costs about 10 ns and
 * allocates nothing, so it sits right around the batch.
 */
final class AllocationProbe implements Probe {

  private final com.sun.management.ThreadMXBean threads;
  private final String unavailable;

  AllocationProbe() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    String reason = null;
    com.sun.management.ThreadMXBean sun = null;
    if (!(bean instanceof com.sun.management.ThreadMXBean)) {
      reason = "this JVM's ThreadMXBean (" + bean.getClass().getName()
          + ") is not a com.sun.management.ThreadMXBean, so allocation cannot be counted";
    } else {
      sun = (com.sun.management.ThreadMXBean) bean;
      if (!sun.isThreadAllocatedMemorySupported()) {
        reason = "this JVM does not support thread allocation counting";
      } else if (!sun.isThreadAllocatedMemoryEnabled()) {
        reason = "thread allocation counting is disabled (enable it with"
            + " ThreadMXBean.setThreadAllocatedMemoryEnabled(true))";
      }
    }
    this.threads = sun;
    this.unavailable = reason;
  }

  @Override
  public String id() {
    return "alloc";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(Metric.ALLOCATED_BYTES);
  }

  @Override
  public Optional<String> unavailable() {
    return Optional.ofNullable(unavailable);
  }

  @Override
  public boolean precise() {
    return true;
  }

  @Override
  public Session open(RunContext context) {
    if (context.key().threads() > 1) {
      return new Session() {
        @Override
        public void close(Recorder recorder) {
          recorder.notMeasured(Metric.ALLOCATED_BYTES, "the alloc probe counts the measuring thread only, and "
              + context.key() + " runs its work on " + context.key().threads()
              + " other threads; use the jfr.memory probe for allocation by all threads");
        }
      };
    }
    return new Session() {
      private long before;

      @Override
      public void beforeSample() {
        before = threads.getCurrentThreadAllocatedBytes();
      }

      @Override
      public void afterSample(Recorder recorder) {
        long after = threads.getCurrentThreadAllocatedBytes();
        recorder.recordPerOperation(Metric.ALLOCATED_BYTES, after - before);
      }
    };
  }

  @Override
  public String toString() {
    return "allocation probe (alloc.bytes)";
  }
}
