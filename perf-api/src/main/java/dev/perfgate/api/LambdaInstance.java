package dev.perfgate.api;

/** One trial's state bound to the builder's lambdas. */
final class LambdaInstance<S> implements Benchmark.Instance {
  private final S state;
  private final Benchmark.StateOperation<S> operation;
  private final Benchmark.StateTask<S> beforeInvocation;
  private final Benchmark.StateTask<S> tearDown;

  LambdaInstance(S state, Benchmark.StateOperation<S> operation, Benchmark.StateTask<S> beforeInvocation,
      Benchmark.StateTask<S> tearDown) {
    this.state = state;
    this.operation = operation;
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
    return operation.run(state);
  }

  @Override
  public void close() throws Exception {
    if (tearDown != null) {
      tearDown.run(state);
    }
  }
}
