package dev.perfgate.api;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The benchmark {@link Benchmark.Builder} builds: immutable, with its state made per trial. */
final class LambdaBenchmark<S> implements Benchmark {
  private static final MethodType INSTANCE_CONSTRUCTOR = MethodType.methodType(void.class, Object.class,
      Object.class, Benchmark.StateTask.class, Benchmark.StateTask.class);

  private final String name;
  private final Mode mode;
  private final long operationsPerInvocation;
  private final List<Integer> sizes;
  private final @Nullable SetUp<S> setUp;
  private final Object operation;
  private final @Nullable StateTask<S> beforeInvocation;
  private final @Nullable StateTask<S> tearDown;
  /** This benchmark's own copy of {@link LambdaInstance}; see there why. */
  private final MethodHandle newInstance;

  LambdaBenchmark(String name, Mode mode, long operationsPerInvocation, List<Integer> sizes,
      @Nullable SetUp<S> setUp, Object operation, @Nullable StateTask<S> beforeInvocation,
      @Nullable StateTask<S> tearDown) {
    this.name = name;
    this.mode = mode;
    this.operationsPerInvocation = operationsPerInvocation;
    this.sizes = List.copyOf(sizes);
    this.setUp = setUp;
    this.operation = operation;
    this.beforeInvocation = beforeInvocation;
    this.tearDown = tearDown;
    Class<?> template = operation instanceof DoubleOperation || operation instanceof LongOperation
        || operation instanceof StateDoubleOperation || operation instanceof StateLongOperation
        ? PrimitiveLambdaInstance.class : LambdaInstance.class;
    this.newInstance = HiddenCopy.constructor(template, INSTANCE_CONSTRUCTOR)
        .asType(MethodType.methodType(Benchmark.Instance.class, Object.class, Object.class,
            Benchmark.StateTask.class, Benchmark.StateTask.class));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Mode mode() {
    return mode;
  }

  @Override
  public long operationsPerInvocation() {
    return operationsPerInvocation;
  }

  @Override
  public List<Integer> sizes() {
    return sizes;
  }

  @Override
  public Instance open(RunContext context) throws Exception {
    S state = setUp == null ? null : setUp.create(context);
    try {
      return (Instance) newInstance.invokeExact((Object) state, operation, (StateTask) beforeInvocation,
          (StateTask) tearDown);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  @Override
  public String toString() {
    return "Benchmark[" + name + ", " + mode + (sizes.isEmpty() ? "" : ", sizes " + sizes) + "]";
  }
}
