package dev.perfgate.api;

/** Adapts a task without a result to an operation; a named class so stack traces read well. */
final class TaskOperation<S> implements Benchmark.StateOperation<S> {
  private final Benchmark.StateTask<S> task;

  TaskOperation(Benchmark.StateTask<S> task) {
    this.task = task;
  }

  @Override
  public Object run(S state) throws Exception {
    task.run(state);
    return null;
  }
}
