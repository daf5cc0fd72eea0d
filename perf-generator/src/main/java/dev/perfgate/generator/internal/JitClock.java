package dev.perfgate.generator.internal;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What warm-up reads besides the wall clock: the measuring thread's CPU time and page faults, and the
 * JVM's total JIT compilation time. Injected, like {@link Ticker}, so the warm-up logic can be tested
 * with a fake one.
 */
interface JitClock {
  /**
   * The current thread's CPU time.
   *
   * @return nanoseconds, or -1 when the JVM does not measure thread CPU time
   */
  long threadCpuNanos();

  /**
   * How much the JIT has worked so far: the JVM's total compilation time, plus on Linux the CPU time
   * of its compiler threads. It only grows, and it grows while the JIT works.
   *
   * @return milliseconds, or -1 when the JVM reports neither
   */
  long compileMillis();

  /**
   * The page faults the current thread has taken so far. A fresh JVM's heap is paged in by the
   * thread that first allocates into it, one fault per page, on that thread's CPU time.
   *
   * @return the count, or -1 when not known (not Linux; the default, for clocks that do not read it)
   */
  default long threadPageFaults() {
    return -1;
  }

  /**
   * The clock of this JVM.
   *
   * @return the system clock
   */
  static JitClock system() {
    return SystemJitClock.INSTANCE;
  }
}

/**
 * Reads {@link ThreadMXBean}, {@link CompilationMXBean} and, on Linux, the compiler threads' CPU time
 * from {@code /proc/self/task} and the current thread's page faults from
 * {@code /proc/thread-self/stat}. The compilation time of the MXBean grows only when a compilation
 * ends; on a loaded machine the compiler threads get little CPU and one C2 compilation can last a
 * second, during which the MXBean stands still while the code is still about to get faster. Their
 * CPU time grows while they work.
 */
enum SystemJitClock implements JitClock {
  INSTANCE;

  private static final Path TASKS = Path.of("/proc/self/task");
  /** Linux reports thread times in clock ticks of 10 ms on every common configuration. */
  private static final long MILLIS_PER_TICK = 10;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
  private final boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
  private final boolean compileTime = compilation != null && compilation.isCompilationTimeMonitoringSupported();
  /** The stat file of whichever thread reads it: the measuring thread, in warm-up. */
  private final Path threadStatFile = Path.of("/proc/thread-self/stat");
  private volatile boolean threadStat = Files.isReadable(threadStatFile);
  /** The last tick count seen per compiler thread, so a thread that ends takes nothing back. */
  private final Map<String, Long> ticks = new HashMap<>();
  private long compilerTicks;
  private volatile boolean proc = Files.isDirectory(Path.of("/proc/self/task"));

  @Override
  public long threadCpuNanos() {
    return cpu ? threads.getCurrentThreadCpuTime() : -1;
  }

  @Override
  public long threadPageFaults() {
    if (!threadStat) {
      return -1;
    }
    try {
      String stat = Files.readString(threadStatFile);
      return statField(stat, 10) + statField(stat, 12); // minflt + majflt
    } catch (IOException | RuntimeException e) {
      threadStat = false; // not the /proc we expect: warm-up judges without page faults
      return -1;
    }
  }

  @Override
  public long compileMillis() {
    long compiled = compileTime ? compilation.getTotalCompilationTime() : -1;
    long compilers = compilerMillis();
    if (compiled < 0 && compilers < 0) {
      return -1;
    }
    return Math.max(0, compiled) + Math.max(0, compilers);
  }

  private synchronized long compilerMillis() {
    if (!proc) {
      return -1;
    }
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        String name;
        String stat;
        try {
          name = Files.readString(task.resolve("comm"));
          if (!name.contains("CompilerThre")) {
            continue;
          }
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread ended meanwhile
        }
        long now = statField(stat, 14) + statField(stat, 15); // utime + stime
        Long before = ticks.put(task.getFileName().toString(), now);
        compilerTicks += Math.max(0, now - (before == null ? 0 : before));
      }
      return compilerTicks * MILLIS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      proc = false; // not Linux, or /proc is not what we expect: the MXBean alone
      return -1;
    }
  }

  /**
   * A numeric field of a {@code /proc/.../stat} line, numbered as proc(5) numbers them (1 is the pid,
   * 2 the command name in parentheses, which may hold spaces; so fields are counted after its last
   * closing parenthesis, where field 3 starts).
   */
  private static long statField(String stat, int field) {
    return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[field - 3]);
  }
}
