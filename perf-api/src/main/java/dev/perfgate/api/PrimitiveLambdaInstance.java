package dev.perfgate.api;

import org.jspecify.annotations.Nullable;

/**
 * One trial's state bound to a builder's operation that returns a {@code double} or a {@code long}.
 * The runner calls {@link #invokeAsLong()}, so the result never becomes a box. Loaded as a hidden copy
 * per benchmark, like {@link LambdaInstance} and for the same reason.
 */
final class PrimitiveLambdaInstance implements Benchmark.PrimitiveInstance {
  private final @Nullable Object state;
  private final Benchmark.@Nullable DoubleOperation doubleOperation;
  private final Benchmark.@Nullable LongOperation longOperation;
  private final Benchmark.@Nullable StateDoubleOperation<@Nullable Object> stateDoubleOperation;
  private final Benchmark.@Nullable StateLongOperation<@Nullable Object> stateLongOperation;
  private final Benchmark.@Nullable StateTask<@Nullable Object> beforeInvocation;
  private final Benchmark.@Nullable StateTask<@Nullable Object> tearDown;

  @SuppressWarnings("unchecked")
  PrimitiveLambdaInstance(@Nullable Object state, Object work,
      Benchmark.@Nullable StateTask<@Nullable Object> beforeInvocation, Benchmark.@Nullable StateTask<@Nullable Object> tearDown) {
    this.state = state;
    this.doubleOperation = work instanceof Benchmark.DoubleOperation ? (Benchmark.DoubleOperation) work : null;
    this.longOperation = work instanceof Benchmark.LongOperation ? (Benchmark.LongOperation) work : null;
    this.stateDoubleOperation = work instanceof Benchmark.StateDoubleOperation
        ? (Benchmark.StateDoubleOperation<Object>) work : null;
    this.stateLongOperation = work instanceof Benchmark.StateLongOperation
        ? (Benchmark.StateLongOperation<Object>) work : null;
    this.beforeInvocation = beforeInvocation;
    this.tearDown = tearDown;
  }

  @Override
  public void beforeInvocation() throws Exception {
    if (beforeInvocation != null) {
      beforeInvocation.run(state);
    }
  }

  @Override
  public long invokeAsLong() throws Exception {
    if (stateDoubleOperation != null) {
      return Double.doubleToRawLongBits(stateDoubleOperation.run(state));
    }
    if (stateLongOperation != null) {
      return stateLongOperation.run(state);
    }
    if (doubleOperation != null) {
      return Double.doubleToRawLongBits(doubleOperation.run());
    }
    return longOperation.run();
  }

  @Override
  public Object invoke() throws Exception {
    if (stateDoubleOperation != null) {
      return stateDoubleOperation.run(state);
    }
    if (doubleOperation != null) {
      return doubleOperation.run();
    }
    return invokeAsLong();
  }

  @Override
  public void close() throws Exception {
    if (tearDown != null) {
      tearDown.run(state);
    }
  }
}
