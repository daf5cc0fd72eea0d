package dev.perfgate.collectors.jfr.internal;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Probe;
import dev.perfgate.api.RunContext;
import dev.perfgate.collectors.internal.HeapReadings;
import dev.perfgate.collectors.jfr.AllocationProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Consumer;
import jdk.jfr.Recording;

/** One trial's recording. */
final class JfrMemorySession implements Probe.Session {
  /** Allocation samples per second; JDK's default.jfc uses 150, profile.jfc 300. */
  static final String ALLOCATION_SAMPLE_RATE = "150/s";

  private final BenchmarkKey key;
  private final int trial;
  private final Consumer<AllocationProfile> profiles;
  private final Runtime runtime = Runtime.getRuntime();
  private final long retainedAtStart;
  private final Recording recording;
  private final Instant recordingStart;
  private final long usedAtStart;
  private final OptionalLong allocatedAtStart;
  private long peakSeen;

  JfrMemorySession(RunContext context, Consumer<AllocationProfile> profiles) {
    this.key = context.key();
    this.trial = context.trial();
    this.profiles = profiles;
    this.recording = newRecording();
    recording.start();
    // Collected after start(): JFR's start-up allocates megabytes and keeps some of them, which
    // belong to the starting level, not to the work. The window opens after this collection, so
    // it is not counted as the work's.
    this.retainedAtStart = HeapReadings.retained();
    new WindowOpened().commit();
    this.recordingStart = Instant.now();
    this.allocatedAtStart = TotalAllocation.bytes();
    this.usedAtStart = usedNow();
    this.peakSeen = usedAtStart;
  }

  private static Recording newRecording() {
    Recording r = new Recording();
    r.setName("perfgate-memory");
    r.setToDisk(true);
    r.enable(WindowOpened.class);
    r.enable("jdk.GarbageCollection").withThreshold(Duration.ZERO);
    r.enable("jdk.GCHeapSummary");
    r.enable("jdk.ThreadAllocationStatistics").with("period", "everyChunk");
    r.enable("jdk.ThreadEnd");
    r.enable("jdk.ObjectAllocationSample").with("throttle", ALLOCATION_SAMPLE_RATE).withStackTrace();
    return r;
  }

  /**
   * Heap in use now. Runtime's figure rather than MemoryMXBean's: on G1 the latter is refreshed only
   * when an allocation region is retired, so it can lag by a whole region (4 MB and more).
   */
  private long usedNow() {
    return runtime.totalMemory() - runtime.freeMemory();
  }

  @Override
  public void afterSample(Probe.Recorder recorder) {
    peakSeen = Math.max(peakSeen, usedNow());
  }

  @Override
  public void close(Probe.Recorder recorder) throws Exception {
    OptionalLong allocatedAtEnd = TotalAllocation.bytes();
    long usedAtEnd = usedNow();
    peakSeen = Math.max(peakSeen, usedAtEnd);
    Path file = Files.createTempFile("perfgate-memory-", ".jfr");
    RecordingAnalysis analysis;
    try {
      recording.stop();
      recording.dump(file);
      analysis = RecordingAnalysis.read(file, recordingStart);
    } finally {
      recording.close();
      Files.deleteIfExists(file);
    }
    recorder.record(JfrMetrics.GC_COUNT, analysis.gcCount());
    recorder.record(JfrMetrics.GC_PAUSE_TOTAL, analysis.pauseTotalNanos());
    recorder.record(JfrMetrics.GC_PAUSE_MAX, analysis.pauseMaxNanos());
    long peak = Math.max(peakSeen, analysis.peakAroundCollections());
    recorder.record(JfrMetrics.HEAP_PEAK, peak);
    recorder.record(JfrMetrics.HEAP_PEAK_ABOVE_START, peak - retainedAtStart);
    OptionalDouble allocated = allocatedAtStart.isPresent() && allocatedAtEnd.isPresent()
        ? OptionalDouble.of(allocatedAtEnd.getAsLong() - allocatedAtStart.getAsLong())
        : analysis.allocatedByAllThreads();
    if (allocatedAtStart.isEmpty() && analysis.threadsEnded() > 0) {
      recorder.warn(analysis.threadsEnded() + " thread(s) ended during the trial; before Java 21 their "
          + "allocation may be missing from " + JfrMetrics.ALLOCATED_ALL_THREADS.name() + " and "
          + JfrMetrics.GC_EFFICIENCY.name() + "; run on Java 21 or later, or keep worker threads alive "
          + "(a pool) across the trial");
    }
    OptionalDouble efficiency = analysis.efficiency(usedAtStart, usedAtEnd, allocated);
    if (efficiency.isPresent()) {
      recorder.record(JfrMetrics.GC_EFFICIENCY, efficiency.getAsDouble());
    } else {
      recorder.notMeasured(JfrMetrics.GC_EFFICIENCY, "no collection ran during the trial, so there was "
          + "nothing to rate; make trials longer or the heap smaller (-Xmx) to see collections");
    }
    if (allocated.isPresent()) {
      recorder.recordPerOperation(JfrMetrics.ALLOCATED_ALL_THREADS, allocated.getAsDouble());
    } else {
      recorder.notMeasured(JfrMetrics.ALLOCATED_ALL_THREADS,
          "JFR wrote no jdk.ThreadAllocationStatistics events; check that the event is not disabled");
    }
    AllocationProfile profile = analysis.profile(key, trial);
    profiles.accept(profile);
    recorder.annotate(profile.annotation());
  }
}
