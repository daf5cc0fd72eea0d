package dev.perfgate.examples.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH side: one method per {@link Op}, named like it, each calling the same {@link Fixture}
 * method that the Perfgate side calls. Run by {@link SideBySide}, which sets forks, iterations and
 * JVM flags; the annotations only fix the mode and unit.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JmhBenchmarks {
  private Fixture fixture;

  /** Creates the benchmark state; JMH calls this. */
  public JmhBenchmarks() {}

  /** Builds the fixture once per fork, as Perfgate builds one per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    fixture = new Fixture();
  }

  /** Nothing: the harness's own cost per operation. */
  @Benchmark
  public void empty() {}

  /**
   * See {@link Fixture#mix()}.
   *
   * @return the hash
   */
  @Benchmark
  public long mix() {
    return fixture.mix();
  }

  /**
   * See {@link Fixture#allocate()}.
   *
   * @return the new array
   */
  @Benchmark
  public byte[] alloc() {
    return fixture.allocate();
  }

  /**
   * See {@link Fixture#hash()}.
   *
   * @return the hash
   */
  @Benchmark
  public int hash1k() {
    return fixture.hash();
  }

  /**
   * See {@link Fixture#sortCopy()}.
   *
   * @return the sorted copy
   */
  @Benchmark
  public int[] sort100() {
    return fixture.sortCopy();
  }

  /**
   * See {@link Fixture#sum()}.
   *
   * @return the sum
   */
  @Benchmark
  public double sum2m() {
    return fixture.sum();
  }
}
