package dev.perfgate.collectors.jfr.internal;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.collectors.internal.jfr.JfrNames;
import dev.perfgate.collectors.jfr.AllocationProfile;
import dev.perfgate.collectors.jfr.AllocationSite;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/** The figures the JFR memory probe takes from a finished recording. Internal. */
public final class RecordingAnalysis {
  static final int TOP_SITES = 10;
  private static final String WINDOW_OPENED = "dev.perfgate.WindowOpened";

  private int gcCount;
  private long pauseTotalNanos;
  private long pauseMaxNanos;
  private long peakAroundGc;
  /** Per gcId: {used before, used after, time before, time after}, -1 where missing. */
  private final TreeMap<Long, long[]> heapByGc = new TreeMap<>();
  private final java.util.Set<Long> concurrent = new java.util.HashSet<>();
  private final Map<Long, long[]> threadAllocation = new HashMap<>();
  /** Allocation samples by thread id: {time, weight, site index}. */
  private final Map<Long, List<long[]>> samplesByThread = new HashMap<>();
  private final List<String> siteKeys = new ArrayList<>();
  private final Map<String, Integer> siteIndex = new HashMap<>();
  private int allocationSamples;
  private int threadsEnded;
  private Instant firstAllocationEvent = Instant.MAX;
  private Instant lastAllocationEvent = Instant.MIN;

  private RecordingAnalysis() {}

  /**
   * Reads the events of a recording file that started at or after {@code from}, or after the last
   * {@link WindowOpened} marker where the recording has one.
   *
   * @param file the recording
   * @param from the start of the window; earlier events (from another recording's chunk) are ignored
   * @return the analysis
   * @throws IOException if the file cannot be read
   */
  public static RecordingAnalysis read(Path file, Instant from) throws IOException {
    // The window opens at the WindowOpened marker where the recording has one: its time is on the
    // same clock as the other events', which Instant.now() is not (see WindowOpened).
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent e = recording.readEvent();
        if (e.getEventType().getName().equals(WINDOW_OPENED)) {
          from = e.getStartTime();
        }
      }
    }
    RecordingAnalysis a = new RecordingAnalysis();
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent e = recording.readEvent();
        // Thread allocation counters are cumulative: their first batch comes as the recording
        // starts, just before the window opens, and is needed as the starting point.
        if (e.getStartTime().isBefore(from) && !e.getEventType().getName().equals("jdk.ThreadAllocationStatistics")) {
          continue;
        }
        a.accept(e);
      }
    }
    return a;
  }

  private void accept(RecordedEvent e) {
    switch (e.getEventType().getName()) {
      case "jdk.GarbageCollection":
        gcCount++;
        long sum = e.getDuration("sumOfPauses").toNanos();
        pauseTotalNanos += sum;
        // A collection that ran mostly while the application ran (G1's concurrent cycle, ZGC)
        // reports its "after" when it ends, and did not free what was allocated in the meantime.
        if (sum < 0.9 * e.getDuration().toNanos()) {
          concurrent.add(e.getLong("gcId"));
        }
        pauseMaxNanos = Math.max(pauseMaxNanos, e.getDuration("longestPause").toNanos());
        break;
      case "jdk.GCHeapSummary":
        long used = e.getLong("heapUsed");
        long time = nanos(e.getStartTime());
        long[] pair = heapByGc.computeIfAbsent(e.getLong("gcId"), id -> new long[] {-1, -1, -1, -1});
        int side = "Before GC".equals(e.getString("when")) ? 0 : 1;
        pair[side] = used;
        pair[side + 2] = time;
        peakAroundGc = Math.max(peakAroundGc, used);
        break;
      case "jdk.ThreadAllocationStatistics":
        acceptThreadAllocation(e);
        break;
      case "jdk.ObjectAllocationSample":
        acceptAllocationSample(e);
        break;
      case "jdk.ThreadEnd":
        threadsEnded++;
        break;
      default:
        break;
    }
  }

  private void acceptThreadAllocation(RecordedEvent e) {
    RecordedThread thread = e.getThread("thread");
    if (thread == null) {
      return;
    }
    long allocated = e.getLong("allocated");
    long time = nanos(e.getStartTime());
    // {first value, last value, first time, last time}
    long[] seen = threadAllocation.get(thread.getJavaThreadId());
    if (seen == null) {
      threadAllocation.put(thread.getJavaThreadId(), new long[] {allocated, allocated, time, time});
    } else {
      if (time < seen[2]) {
        seen[0] = allocated;
        seen[2] = time;
      }
      if (time >= seen[3]) {
        seen[1] = allocated;
        seen[3] = time;
      }
    }
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  private void acceptAllocationSample(RecordedEvent e) {
    long weight = e.getLong("weight");
    RecordedClass type = e.getClass("objectClass");
    String className = type == null ? "unknown" : JfrNames.typeName(type.getName());
    String key = className + "\u0000" + frame(e.getStackTrace());
    int site = siteIndex.computeIfAbsent(key, k -> {
      siteKeys.add(k);
      return siteKeys.size() - 1;
    });
    RecordedThread thread = e.getThread();
    long threadId = thread == null ? -1 : thread.getJavaThreadId();
    samplesByThread.computeIfAbsent(threadId, t -> new ArrayList<>())
        .add(new long[] {nanos(e.getStartTime()), weight, site});
    allocationSamples++;
  }

  private static String frame(RecordedStackTrace stack) {
    if (stack == null || stack.getFrames().isEmpty()) {
      return "(no stack trace)";
    }
    List<RecordedFrame> frames = stack.getFrames();
    for (RecordedFrame f : frames) {
      if (f.isJavaFrame() && !JfrNames.isJdk(f.getMethod().getType().getName())) {
        return JfrNames.frame(f);
      }
    }
    return JfrNames.frame(frames.get(0));
  }

  /**
   * Collections seen.
   *
   * @return the count
   */
  public int gcCount() {
    return gcCount;
  }

  /**
   * Sum of pauses.
   *
   * @return nanoseconds
   */
  public long pauseTotalNanos() {
    return pauseTotalNanos;
  }

  /**
   * Longest pause.
   *
   * @return nanoseconds, 0 without collections
   */
  public long pauseMaxNanos() {
    return pauseMaxNanos;
  }

  /**
   * The largest heap used before or after any collection in the window.
   *
   * @return bytes, 0 without collections
   */
  public long peakAroundCollections() {
    return peakAroundGc;
  }

  /**
   * GC efficiency: the share of what was allocated before the last collection of the window that
   * the collections reclaimed.
   *
   * <p>With S the heap used at the start, E at the end, L right after the last stop-the-world
   * collection and A
   * the bytes all threads allocated (exact, from {@code jdk.ThreadAllocationStatistics}): used heap
   * changes only by allocation and collection, so the collections reclaimed {@code S + A - E}; of A,
   * {@code E - L} came after the last collection and was never offered to one; the efficiency is
   * {@code (S + A - E) / (A - (E - L))}. Taking the reclaimed bytes from each collection's
   * before/after summaries instead would be biased: G1's "before" figure leaves out the allocation
   * regions in use, up to a region (4 MB or more) per collection.
   *
   * @param usedAtStart heap used when the window opened (S)
   * @param usedAtEnd heap used when it closed (E)
   * @param allocated bytes allocated by all threads in the window (A)
   * @return the ratio clamped to 0..1, empty when no collection ran or allocation is unknown
   */
  public OptionalDouble efficiency(long usedAtStart, long usedAtEnd, OptionalDouble allocated) {
    long lastAfterTime = Long.MIN_VALUE;
    long lastAfter = -1;
    for (Map.Entry<Long, long[]> en : heapByGc.entrySet()) {
      long[] pair = en.getValue();
      if (pair[1] >= 0 && pair[3] > lastAfterTime && !concurrent.contains(en.getKey())) {
        lastAfterTime = pair[3];
        lastAfter = pair[1];
      }
    }
    if (lastAfter < 0 || allocated.isEmpty()) {
      return OptionalDouble.empty();
    }
    double a = allocated.getAsDouble();
    double offered = a - (usedAtEnd - lastAfter);
    if (offered <= 0) {
      return OptionalDouble.empty();
    }
    double reclaimed = usedAtStart + a - usedAtEnd;
    return OptionalDouble.of(Math.max(0, Math.min(1, reclaimed / offered)));
  }

  /**
   * Bytes allocated by all threads in the window: per thread the last figure minus the first, or the
   * whole last figure for a thread first seen after the recording began (it started during it).
   * Threads that ended before the recording stopped are missing (see {@link #threadsEnded()}).
   *
   * @return bytes, empty without thread allocation statistics
   */
  public OptionalDouble allocatedByAllThreads() {
    if (threadAllocation.isEmpty()) {
      return OptionalDouble.empty();
    }
    long begin = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (long[] seen : threadAllocation.values()) {
      begin = Math.min(begin, seen[2]);
      end = Math.max(end, seen[3]);
    }
    double total = 0;
    for (long[] seen : threadAllocation.values()) {
      boolean bornDuring = seen[2] - begin > end - seen[2];
      total += bornDuring ? seen[1] : seen[1] - seen[0];
    }
    return OptionalDouble.of(total);
  }

  /**
   * Java threads that ended during the window; JFR's per-thread statistics miss their allocation.
   *
   * @return the count
   */
  public int threadsEnded() {
    return threadsEnded;
  }

  /**
   * The heaviest allocation sites.
   *
   * @param key the benchmark variant
   * @param trial the trial
   * @return the profile
   */
  public AllocationProfile profile(BenchmarkKey key, int trial) {
    long[] bytesBySite = new long[siteKeys.size()];
    for (Map.Entry<Long, List<long[]>> en : samplesByThread.entrySet()) {
      List<long[]> samples = en.getValue();
      samples.sort(Comparator.comparingLong(sample -> sample[0]));
      // A sample's weight is what its thread allocated since that thread's previous sample, which for
      // the first sample in the window may lie long before it (in an earlier trial). Cap it by what
      // the thread allocated in the window and the later samples do not already account for.
      long later = 0;
      for (int i = 1; i < samples.size(); i++) {
        later += samples.get(i)[1];
      }
      long[] seen = threadAllocation.get(en.getKey());
      long firstWeight = samples.get(0)[1];
      long inWindow = seen == null ? 0 : Math.max(0, seen[1] - seen[0]);
      samples.get(0)[1] = Math.min(firstWeight, Math.max(0, inWindow - later));
      for (long[] sample : samples) {
        bytesBySite[(int) sample[2]] += sample[1];
      }
    }
    long sampledBytes = 0;
    Map<String, long[]> sites = new HashMap<>();
    for (int i = 0; i < bytesBySite.length; i++) {
      sampledBytes += bytesBySite[i];
      sites.put(siteKeys.get(i), new long[] {bytesBySite[i]});
    }
    long total = sampledBytes;
    List<AllocationSite> top = new ArrayList<>();
    sites.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, long[]> en) -> en.getValue()[0]).reversed())
        .limit(TOP_SITES)
        .forEach(en -> {
          String[] parts = en.getKey().split("\u0000", 2);
          long bytes = en.getValue()[0];
          top.add(new AllocationSite(parts[0], parts[1], bytes, total == 0 ? 0 : (double) bytes / total));
        });
    return new AllocationProfile(key, trial, allocationSamples, sampledBytes, top);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("collections by gcId (heap used before, after):");
    heapByGc.forEach((id, pair) -> sb.append(' ').append(id).append('=').append(pair[0]).append('/').append(pair[1])
        .append(pair[2] >= 0 && pair[3] >= 0 ? "" : "(incomplete)"));
    return sb.toString();
  }
}
