package dev.perfgate.api;

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
  private final Object state;
  private final Benchmark.Operation operation;
  private final Benchmark.Task task;
  private final Benchmark.StateOperation<Object> stateOperation;
  private final Benchmark.StateTask<Object> stateTask;
  private final Benchmark.StateTask<Object> beforeInvocation;
  private final Benchmark.StateTask<Object> tearDown;

  LambdaInstance(Object state, Object work, Benchmark.StateTask<Object> beforeInvocation,
      Benchmark.StateTask<Object> tearDown) {
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
  public Object invoke() throws Exception {
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
