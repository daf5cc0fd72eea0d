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

  /**
   * A parent that runs a suite in one fork with a probe that throws when it opens: the probe throws
   * only in the child (it says where it is), and this parent prints its own pid and every verdict of
   * its report, one a line, for the test to read.
   */
  static final class ProbeThrowsInFork {
    public static void main(String[] args) {
      dev.perfgate.api.Probe thrower = new dev.perfgate.api.Probe() {
        @Override
        public String id() {
          return "thrower";
        }

        @Override
        public List<dev.perfgate.api.Metric> metrics() {
          return List.of(dev.perfgate.api.Metric.of("thrower.count", dev.perfgate.api.Unit.COUNT,
              dev.perfgate.api.Direction.NEUTRAL));
        }

        @Override
        public Session open(dev.perfgate.api.RunContext context) {
          throw new IllegalStateException("boom in pid " + ProcessHandle.current().pid() + ", forked "
              + (System.getProperty(ForkRequest.PROPERTY) != null));
        }
      };
      dev.perfgate.generator.Report report = Suite.newBuilder().quiet().forks(1).options(TINY).probe(thrower)
          .benchmark(Benchmark.of("sum", () -> 1 + 1)).build().run();
      System.out.println("parent pid " + ProcessHandle.current().pid());
      for (dev.perfgate.api.Verdict v : report.verdicts()) {
        System.out.println("VERDICT " + v.status() + " | " + v.check() + " | " + v.message());
      }
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
