package dev.perfgate.api;

import org.jspecify.annotations.Nullable;

/**
 * One trial's state bound to the builder's lambdas.
 *
 * <p>Each built benchmark loads its own hidden copy of this class (see {@link HiddenCopy}), so the
 * JIT's type profile at {@code invoke()}'s call sites sees only that benchmark's lambda and can
 * inline it. One shared class would see every benchmark's lambda, turn megamorphic, and add a few
 * nanoseconds of virtual dispatch to every operation. For the same reason the four shapes of
 * operation are called from here directly rather than through adapters.
 */
final class LambdaInstance implements Benchmark.Instance {
  private final @Nullable Object state;
  private final Benchmark.@Nullable Operation operation;
  private final Benchmark.@Nullable Task task;
  private final Benchmark.@Nullable StateOperation<@Nullable Object> stateOperation;
  private final Benchmark.@Nullable StateTask<@Nullable Object> stateTask;
  private final Benchmark.@Nullable StateTask<@Nullable Object> beforeInvocation;
  private final Benchmark.@Nullable StateTask<@Nullable Object> tearDown;

  LambdaInstance(@Nullable Object state, Object work,
      Benchmark.@Nullable StateTask<@Nullable Object> beforeInvocation, Benchmark.@Nullable StateTask<@Nullable Object> tearDown) {
    this.state = state;
    this.operation = work instanceof Benchmark.Operation ? (Benchmark.Operation) work : null;
    this.task = work instanceof Benchmark.Task ? (Benchmark.Task) work : null;
    @SuppressWarnings("unchecked")
    Benchmark.StateOperation<Object> so =
        work instanceof Benchmark.StateOperation ? (Benchmark.StateOperation<Object>) work : null;
    this.stateOperation = so;
    @SuppressWarnings("unchecked")
    Benchmark.StateTask<Object> st = work instanceof Benchmark.StateTask ? (Benchmark.StateTask<Object>) work : null;
    this.stateTask = st;
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
  public @Nullable Object invoke() throws Exception {
    if (operation != null) {
      return operation.run();
    }
    if (stateOperation != null) {
      return stateOperation.run(state);
    }
    if (task != null) {
      task.run();
    } else {
      stateTask.run(state);
    }
    return null;
  }

  @Override
  public void close() throws Exception {
    if (tearDown != null) {
      tearDown.run(state);
    }
  }
}
