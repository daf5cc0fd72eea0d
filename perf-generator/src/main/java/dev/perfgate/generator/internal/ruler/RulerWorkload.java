package dev.perfgate.generator.internal.ruler;

import dev.perfgate.api.Ruler;
import dev.perfgate.api.internal.stats.Mad;
import dev.perfgate.api.internal.stats.Median;
import dev.perfgate.generator.internal.Ticker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The ruler: a fixed calibration workload whose times tell a slower machine from slower code. Three
 * parts, each a fixed amount of work that never changes between versions: {@code cpu} (an integer
 * and floating-point loop), {@code memory} (allocating 1 MB in short-lived 16 KB arrays, then
 * writing an 8 MB array, beyond any L2 cache, and reading it back in a stride that misses the
 * caches) and {@code files} (writing, reading
 * and deleting small files in a temporary directory). The parts run interleaved, after
 * {@link #WARMUP_ROUNDS} unrecorded rounds that let the JIT compile them, for {@link #TRIALS}
 * rounds, so each part has its own median and spread. Every time is read from the suite's
 * {@link Ticker}.
 */
public final class RulerWorkload {
  private static final System.Logger LOG = System.getLogger(RulerWorkload.class.getName());

  /** Recorded rounds: enough for a median and a spread, few enough to cost well under a second. */
  public static final int TRIALS = 9;
  /** Unrecorded rounds first, for the JIT. */
  public static final int WARMUP_ROUNDS = 2;

  /** Iterations of the CPU loop in one trial (about 10-20 ms on a current x86 core). */
  static final int CPU_ITERATIONS = 3_000_000;
  /** 2^20 longs: 8 MB, beyond any L2 cache. */
  static final int MEMORY_LONGS = 1 << 20;
  /**
   * Short-lived arrays allocated per trial: 64 of 2048 longs (16 KB, below G1's humongous size),
   * 1 MB in all. The 8 MB array itself is allocated once per ruler run, outside the timing: fresh
   * 8 MB arrays are humongous objects whose cost (fresh pages, collections they start) depends on
   * the heap the benchmarks left, not on the machine.
   */
  static final int ALLOCATIONS = 64;
  static final int ALLOCATION_LONGS = 2048;
  /** An odd stride of 8191 longs (64 KB): every read is a new cache line and most a new page. */
  static final int MEMORY_STRIDE = 8191;
  static final int FILES = 8;
  static final int FILE_BYTES = 4096;

  /** The work's results land here, so that the JIT cannot drop the work as dead code. */
  private static volatile long sink;

  private final Ticker ticker;

  /**
   * Creates the workload.
   *
   * @param ticker the clock the suite measures with
   */
  public RulerWorkload(Ticker ticker) {
    this.ticker = ticker;
  }

  /**
   * Runs the ruler. A part that cannot run (no writable temporary directory) is left out and logged.
   *
   * @return the figures, empty if the clock did not advance (a fake ticker) or no part ran
   */
  public Optional<Ruler> measure() {
    long start = ticker.read();
    Path dir = tempDir();
    try {
      long[][] times = new long[3][TRIALS];
      long[] buffer = new long[MEMORY_LONGS];
      boolean files = dir != null;
      for (int round = 0; round < WARMUP_ROUNDS + TRIALS; round++) {
        long seed = 0x9E3779B97F4A7C15L * (round + 1);
        long cpu = time(() -> cpu(CPU_ITERATIONS, seed));
        long memory = time(() -> memory(buffer, seed));
        long file = -1;
        if (files) {
          try {
            file = timeIo(dir, seed);
          } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "the ruler's files part cannot run in " + dir + ": " + e);
            files = false;
          }
        }
        if (round >= WARMUP_ROUNDS) {
          int t = round - WARMUP_ROUNDS;
          times[0][t] = cpu;
          times[1][t] = memory;
          times[2][t] = file;
        }
      }
      List<Ruler.Part> parts = new ArrayList<>();
      part("cpu", times[0]).ifPresent(parts::add);
      part("memory", times[1]).ifPresent(parts::add);
      if (files) {
        part("files", times[2]).ifPresent(parts::add);
      }
      if (parts.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Ruler(parts, Duration.ofNanos(Math.max(0, ticker.read() - start))));
    } finally {
      delete(dir);
    }
  }

  private static Optional<Ruler.Part> part(String name, long[] nanos) {
    double[] values = new double[nanos.length];
    for (int i = 0; i < nanos.length; i++) {
      values[i] = nanos[i];
    }
    double median = Median.of(values);
    if (!(median > 0)) {
      return Optional.empty(); // a clock that does not move measures nothing
    }
    return Optional.of(new Ruler.Part(name, median, Mad.NORMAL_CONSISTENCY * Mad.of(values), nanos.length));
  }

  private long time(java.util.function.LongSupplier work) {
    long t0 = ticker.read();
    long r = work.getAsLong();
    long t1 = ticker.read();
    sink ^= r;
    return t1 - t0;
  }

  private long timeIo(Path dir, long seed) throws IOException {
    long t0 = ticker.read();
    long r = files(dir, seed);
    long t1 = ticker.read();
    sink ^= r;
    return t1 - t0;
  }

  /** A dependent chain of integer (xorshift) and floating-point (multiply-add) steps. */
  static long cpu(int iterations, long seed) {
    long h = seed | 1;
    double x = 1.0;
    for (int i = 0; i < iterations; i++) {
      h ^= h << 13;
      h ^= h >>> 7;
      h ^= h << 17;
      x = x * 1.0000001 + (h & 1023) * 1e-9;
      if (x > 2) {
        x -= 1;
      }
    }
    return h ^ Double.doubleToRawLongBits(x);
  }

  /**
   * Allocates {@link #ALLOCATIONS} short-lived arrays and fills them, then writes every element of
   * the 8 MB buffer and reads them all in a cache-missing stride.
   */
  static long memory(long[] buffer, long seed) {
    long sum = 0;
    for (int k = 0; k < ALLOCATIONS; k++) {
      long[] small = new long[ALLOCATION_LONGS];
      for (int i = 0; i < small.length; i++) {
        small[i] = seed ^ i;
      }
      sum += small[(int) ((seed >>> 1) % ALLOCATION_LONGS)] + small.length;
    }
    for (int i = 0; i < buffer.length; i++) {
      buffer[i] = seed + i;
    }
    int mask = buffer.length - 1;
    int j = 0;
    for (int i = 0; i < buffer.length; i++) {
      j = (j + MEMORY_STRIDE) & mask;
      sum += buffer[j];
    }
    return sum;
  }

  /** Writes, reads back and deletes {@link #FILES} files of {@link #FILE_BYTES} each. */
  static long files(Path dir, long seed) throws IOException {
    byte[] content = new byte[FILE_BYTES];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (seed >>> (i % 8) * 8 ^ i);
    }
    long sum = 0;
    List<Path> written = new ArrayList<>(FILES);
    for (int f = 0; f < FILES; f++) {
      written.add(Files.write(dir.resolve("ruler-" + f + ".bin"), content));
    }
    for (Path p : written) {
      byte[] back = Files.readAllBytes(p);
      sum += back.length + back[back.length - 1];
    }
    for (Path p : written) {
      Files.delete(p);
    }
    return sum;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("perfgate-ruler");
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the ruler has no temporary directory for its files part: " + e);
      return null;
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "the ruler could not delete " + dir + ": " + e);
    }
  }
}
