package dev.perfgate.api;

import java.util.List;

/** The benchmark {@link Benchmark.Builder} builds: immutable, with its state made per trial. */
final class LambdaBenchmark<S> implements Benchmark {
  private final String name;
  private final Mode mode;
  private final long operationsPerInvocation;
  private final List<Integer> sizes;
  private final SetUp<S> setUp;
  private final StateOperation<S> operation;
  private final StateTask<S> beforeInvocation;
  private final StateTask<S> tearDown;

  LambdaBenchmark(String name, Mode mode, long operationsPerInvocation, List<Integer> sizes, SetUp<S> setUp,
      StateOperation<S> operation, StateTask<S> beforeInvocation, StateTask<S> tearDown) {
    this.name = name;
    this.mode = mode;
    this.operationsPerInvocation = operationsPerInvocation;
    this.sizes = List.copyOf(sizes);
    this.setUp = setUp;
    this.operation = operation;
    this.beforeInvocation = beforeInvocation;
    this.tearDown = tearDown;
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
    return new LambdaInstance<>(state, operation, beforeInvocation, tearDown);
  }

  @Override
  public String toString() {
    return "Benchmark[" + name + ", " + mode + (sizes.isEmpty() ? "" : ", sizes " + sizes) + "]";
  }
}
