package dev.perfgate.collectors.heap;

import dev.perfgate.api.Probe;
import dev.perfgate.api.ProbeProvider;

/**
 * Provides {@link HeapProbes#retainedHeap()} to {@link java.util.ServiceLoader} under the id
 * {@code heap.retained}. Not enabled by default: it collects the heap after every sample.
 */
public final class RetainedHeapProbeProvider implements ProbeProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} needs this constructor. */
  public RetainedHeapProbeProvider() {}

  @Override
  public String id() {
    return "heap.retained";
  }

  @Override
  public String description() {
    return "retained heap after each sample (full GC), growth per cycle with its interval, leaks";
  }

  @Override
  public Probe create() {
    return HeapProbes.retainedHeap();
  }
}
