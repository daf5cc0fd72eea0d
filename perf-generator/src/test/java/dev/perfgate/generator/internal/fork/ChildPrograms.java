package dev.perfgate.generator.internal.fork;

import dev.perfgate.api.Benchmark;
import dev.perfgate.generator.RunOptions;
import dev.perfgate.generator.Suite;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Main classes a fork reruns in the tests: one that runs suites, and ones that misbehave. */
final class ChildPrograms {
  private ChildPrograms() {}

  static final RunOptions TINY = RunOptions.quick().toBuilder().trials(2).samples(2)
      .sampleTime(Duration.ofMillis(2)).warmup(Duration.ofMillis(20)).build();

  /** Two run calls, the second with two benchmarks whose lambdas capture a local of main. */
  static final class TwoCalls {
    public static void main(String[] args) {
      Suite.newBuilder().quiet().options(TINY).benchmark(Benchmark.of("first", () -> 1)).build().run();
      int[] data = new int[256];
      java.util.Arrays.fill(data, Integer.parseInt(args[0]));
      Suite.newBuilder().quiet().options(TINY)
          .benchmark(Benchmark.of("sum", () -> {
            int s = 0;
            for (int v : data) {
              s += v;
            }
            return s;
          }))
          .benchmark(Benchmark.of("copy", () -> data.clone()))
          .build().run();
      System.out.println("this line runs in the parent only");
    }
  }

  /**
   * A parent whose only fork writes its pid to the file named by the first argument and then sleeps
   * in its benchmark: the test kills this parent with {@code kill -9} and watches the child.
   */
  static final class KillableParent {
    public static void main(String[] args) {
      java.nio.file.Path marker = java.nio.file.Path.of(args[0]);
      Suite.newBuilder().quiet().forks(1).options(TINY.toBuilder().timeout(Duration.ofMinutes(5)).build())
          .benchmark(Benchmark.of("sleepy", () -> {
            java.nio.file.Files.writeString(marker, Long.toString(ProcessHandle.current().pid()));
            Thread.sleep(600_000);
            return 0;
          })).build().run();
    }
  }

  /** Exits in the middle of its work. */
  static final class Exits {
    public static void main(String[] args) {
      System.out.println("about to exit with 7");
      System.exit(7);
    }
  }

  /** Runs out of heap (start it with a small -Xmx). */
  static final class RunsOutOfMemory {
    public static void main(String[] args) {
      List<long[]> hoard = new ArrayList<>();
      while (true) {
        hoard.add(new long[1 << 20]);
      }
    }
  }

  /** Crashes the JVM with a write to address 0. */
  static final class Crashes {
    public static void main(String[] args) throws Exception {
      Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
      f.setAccessible(true);
      Object unsafe = f.get(null);
      System.out.println("writing to address 0");
      System.out.flush();
      unsafe.getClass().getMethod("putAddress", long.class, long.class).invoke(unsafe, 0L, 42L);
    }
  }

  /** Never ends. */
  static final class Hangs {
    public static void main(String[] args) throws InterruptedException {
      System.out.println("sleeping forever");
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
