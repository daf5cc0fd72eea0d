package dev.perfgate.generator.internal;

import dev.perfgate.api.Benchmark;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.jspecify.annotations.Nullable;

/** Makes a private copy of {@link BatchLoop} per benchmark (as a hidden class); see there why. */
public final class Loops {
  private static final MethodType TYPE = MethodType.methodType(long.class, Benchmark.Instance.class, long.class,
      Sink.class, Ticker.class);
  private static final byte[] BYTES = bytes();

  private final MethodHandle loop;

  private Loops(MethodHandle loop) {
    this.loop = loop;
  }

  /**
   * A fresh loop with its own JIT profile.
   *
   * @return the loop
   */
  public static Loops fresh() {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    try {
      Class<?> copy = BYTES == null ? BatchLoop.class : lookup.defineHiddenClass(BYTES, true).lookupClass();
      return new Loops(MethodHandles.privateLookupIn(copy, lookup).findStatic(copy, "run", TYPE));
    } catch (ReflectiveOperationException | LinkageError e) {
      try {
        return new Loops(lookup.findStatic(BatchLoop.class, "run", TYPE));
      } catch (ReflectiveOperationException inner) {
        throw new IllegalStateException("cannot find the batch loop", inner);
      }
    }
  }

  /**
   * Runs a batch and times it.
   *
   * @param instance the benchmark instance
   * @param invocations how many times to invoke it
   * @param sink where results go
   * @param ticker the clock
   * @return the elapsed nanoseconds
   * @throws Exception what the benchmark threw
   */
  public long run(Benchmark.Instance instance, long invocations, Sink sink, Ticker ticker) throws Exception {
    try {
      return (long) loop.invokeExact(instance, invocations, sink, ticker);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static byte @Nullable [] bytes() {
    try (InputStream in = BatchLoop.class.getResourceAsStream("BatchLoop.class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }
}
