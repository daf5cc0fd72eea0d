package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A named piece of work to measure (SPI). Most benchmarks are made from lambdas with
 * {@link #of(String, Operation)} or {@link #builder(String)}; implement the interface directly for
 * full control over state.
 *
 * <p>The runner calls {@link #open(RunContext)} once per trial (set-up, outside the timing), then
 * {@link Instance#invoke()} many times, then {@link Instance#close()} (tear-down, outside the
 * timing). The value {@code invoke} returns is consumed by a sink the JIT cannot see through, so
 * the work cannot be optimised away: return the result of the work rather than dropping it. An
 * operation whose result is a {@code double} or a {@code long} is declared with
 * {@link #ofDouble(String, DoubleOperation)}, {@link #ofLong(String, LongOperation)} or the builder's
 * {@link Builder#doubleOperation(StateDoubleOperation)} / {@link Builder#longOperation(StateLongOperation)},
 * so the result reaches the sink unboxed and the operation is not charged for a box.
 *
 * <pre>{@code
 * Benchmark parse = Benchmark.of("json.parse", () -> mapper.readTree(json));
 *
 * Benchmark render = Benchmark.builder("template.render")
 *     .setUp(ctx -> new Fixture(ctx.size().orElse(10)))
 *     .operation(Fixture::renderAll)
 *     .operationsPerInvocation(300)
 *     .sizes(10, 100)
 *     .build();
 * }</pre>
 */
public interface Benchmark {

  /**
   * The benchmark's name, unique within a suite, used in reports and as its baseline's name.
   *
   * @return the name, never blank
   */
  String name();

  /**
   * How the operation is run.
   *
   * @return the mode; {@link Mode#REPEATED} by default
   */
  default Mode mode() {
    return Mode.REPEATED;
  }

  /**
   * How many units of work one {@link Instance#invoke()} performs (one call that renders 300
   * templates performs 300). Per-operation metrics are divided by it.
   *
   * @return at least 1; 1 by default
   */
  default long operationsPerInvocation() {
    return 1;
  }

  /**
   * The sizes this benchmark runs at, one variant each; the size reaches set-up through
   * {@link RunContext#size()}.
   *
   * @return the sizes, empty (the default) for a benchmark without a size parameter
   */
  default List<Integer> sizes() {
    return List.of();
  }

  /**
   * Sets up the state of one trial. Runs outside the timing.
   *
   * @param context the variant and trial being run
   * @return an instance bound to that state
   * @throws Exception if set-up fails; the runner reports it under the benchmark's name
   */
  Instance open(RunContext context) throws Exception;

  /** A benchmark bound to the state of one trial. */
  interface Instance extends AutoCloseable {

    /**
     * Prepares fresh state before one operation, outside the timing. Called before every
     * operation in {@link Mode#SINGLE_SHOT}, never in {@link Mode#REPEATED}.
     *
     * @throws Exception if it fails
     */
    default void beforeInvocation() throws Exception {}

    /**
     * Performs the operation once (that is, {@link Benchmark#operationsPerInvocation()} units).
     *
     * @return the result of the work, consumed so that the JIT cannot remove it; may be null
     * @throws Exception if the work fails; the runner stops the benchmark and reports it
     */
    @Nullable Object invoke() throws Exception;

    /**
     * Tears down the trial's state, outside the timing.
     *
     * @throws Exception if it fails
     */
    @Override
    default void close() throws Exception {}
  }

  /**
   * A benchmark instance whose operation returns a primitive. The runner calls
   * {@link #invokeAsLong()} instead of {@link #invoke()}, so the result is consumed without being
   * boxed: boxing it would add an allocation (16 bytes for a {@code Double}) to every operation that
   * the operation itself does not make.
   */
  interface PrimitiveInstance extends Instance {

    /**
     * Performs the operation once and returns its result as a {@code long}: a {@code long} as it
     * is, a {@code double} as its raw bits ({@link Double#doubleToRawLongBits(double)}).
     *
     * @return the result of the work, consumed so that the JIT cannot remove it
     * @throws Exception if the work fails; the runner stops the benchmark and reports it
     */
    long invokeAsLong() throws Exception;

    /**
     * Performs the operation once and returns its result boxed, for callers that take any result.
     * The runner does not call it. Instances made by {@link Benchmark}'s factories return a
     * {@code Double} for a {@code double} operation; this default returns {@link #invokeAsLong()}.
     *
     * @return the result, boxed
     * @throws Exception if the work fails
     */
    @Override
    default Object invoke() throws Exception {
      return invokeAsLong();
    }
  }

  /** An operation without state that returns the result of its work. */
  @FunctionalInterface
  interface Operation {
    /**
     * Performs the work once.
     *
     * @return the result of the work
     * @throws Exception if it fails
     */
    @Nullable Object run() throws Exception;
  }

  /** An operation without state whose result is a {@code double}, consumed without boxing. */
  @FunctionalInterface
  interface DoubleOperation {
    /**
     * Performs the work once.
     *
     * @return the result of the work
     * @throws Exception if it fails
     */
    double run() throws Exception;
  }

  /** An operation without state whose result is a {@code long} (or an {@code int}), consumed without boxing. */
  @FunctionalInterface
  interface LongOperation {
    /**
     * Performs the work once.
     *
     * @return the result of the work
     * @throws Exception if it fails
     */
    long run() throws Exception;
  }

  /** An operation without state and without a result. */
  @FunctionalInterface
  interface Task {
    /**
     * Performs the work once.
     *
     * @throws Exception if it fails
     */
    void run() throws Exception;
  }

  /**
   * Builds the state of a trial.
   *
   * @param <S> the state's type
   */
  @FunctionalInterface
  interface SetUp<S> {
    /**
     * Builds the state.
     *
     * @param context the variant and trial being run
     * @return the state
     * @throws Exception if it fails
     */
    S create(RunContext context) throws Exception;
  }

  /**
   * An operation on state that returns the result of its work.
   *
   * @param <S> the state's type
   */
  @FunctionalInterface
  interface StateOperation<S> {
    /**
     * Performs the work once.
     *
     * @param state the trial's state
     * @return the result of the work
     * @throws Exception if it fails
     */
    @Nullable Object run(S state) throws Exception;
  }

  /**
   * An operation on state whose result is a {@code double}, consumed without boxing.
   *
   * @param <S> the state's type
   */
  @FunctionalInterface
  interface StateDoubleOperation<S> {
    /**
     * Performs the work once.
     *
     * @param state the trial's state
     * @return the result of the work
     * @throws Exception if it fails
     */
    double run(S state) throws Exception;
  }

  /**
   * An operation on state whose result is a {@code long} (or an {@code int}), consumed without boxing.
   *
   * @param <S> the state's type
   */
  @FunctionalInterface
  interface StateLongOperation<S> {
    /**
     * Performs the work once.
     *
     * @param state the trial's state
     * @return the result of the work
     * @throws Exception if it fails
     */
    long run(S state) throws Exception;
  }

  /**
   * Something done with state and without a result: the operation, a reset, a tear-down.
   *
   * @param <S> the state's type
   */
  @FunctionalInterface
  interface StateTask<S> {
    /**
     * Does it.
     *
     * @param state the trial's state
     * @throws Exception if it fails
     */
    void run(S state) throws Exception;
  }

  /**
   * A benchmark of an operation that returns a value.
   *
   * @param name the benchmark's name
   * @param operation the work; its result is consumed
   * @return the benchmark
   */
  static Benchmark of(String name, Operation operation) {
    Checks.notNull(operation, "operation");
    return builder(name).work(operation).build();
  }

  /**
   * A benchmark of an operation whose result is a {@code double}. The result is consumed without
   * boxing, so the figures are those of the work alone.
   *
   * <pre>{@code
   * Benchmark sum = Benchmark.ofDouble("sum", () -> fixture.sum());
   * }</pre>
   *
   * @param name the benchmark's name
   * @param operation the work; its result is consumed
   * @return the benchmark
   */
  static Benchmark ofDouble(String name, DoubleOperation operation) {
    Checks.notNull(operation, "operation");
    return builder(name).work(operation).build();
  }

  /**
   * A benchmark of an operation whose result is a {@code long} or an {@code int}. The result is
   * consumed without boxing, so the figures are those of the work alone.
   *
   * @param name the benchmark's name
   * @param operation the work; its result is consumed
   * @return the benchmark
   */
  static Benchmark ofLong(String name, LongOperation operation) {
    Checks.notNull(operation, "operation");
    return builder(name).work(operation).build();
  }

  /**
   * A benchmark of an operation without a result. Prefer {@link #of(String, Operation)} where the
   * work has a result: a result that is dropped lets the JIT remove the work.
   *
   * @param name the benchmark's name
   * @param task the work
   * @return the benchmark
   */
  static Benchmark of(String name, Task task) {
    Checks.notNull(task, "task");
    return builder(name).work(task).build();
  }

  /**
   * Starts a builder for a benchmark with state, options or sizes.
   *
   * @param name the benchmark's name
   * @return a builder without state
   */
  static Builder<Void> builder(String name) {
    return new Builder<>(Checks.name(name, "benchmark name"));
  }

  /**
   * Builds a {@link Benchmark} from lambdas. Each option may be set once; {@link #build()} checks
   * the combination and may be called again.
   *
   * @param <S> the type of the trial's state
   */
  final class Builder<S> {
    private final String name;
    private SetUp<S> setUp;
    /**
     * One of Operation, Task, StateOperation, StateTask or their double and long forms: called
     * directly, without adapters.
     */
    private Object operation;
    private StateTask<S> beforeInvocation;
    private StateTask<S> tearDown;
    private Mode mode;
    private long operationsPerInvocation;
    private List<Integer> sizes;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the state of each trial; built outside the timing.
     *
     * @param setUp builds the state from the trial's context (its size, for instance)
     * @param <T> the state's type
     * @return a builder for that state
     * @throws IllegalStateException if set-up or an operation was already set
     */
    @SuppressWarnings("unchecked")
    public <T> Builder<T> setUp(SetUp<T> setUp) {
      Checks.state(this.setUp == null, "setUp was already set for benchmark '%s'", name);
      Checks.state(operation == null && beforeInvocation == null && tearDown == null,
          "call setUp before operation, beforeInvocation and tearDown for benchmark '%s'", name);
      Builder<T> next = (Builder<T>) this;
      next.setUp = Checks.notNull(setUp, "setUp");
      return next;
    }

    /**
     * Sets the operation, which returns the result of its work.
     *
     * @param operation the work
     * @return this builder
     * @throws IllegalStateException if an operation was already set
     */
    public Builder<S> operation(StateOperation<S> operation) {
      return work(Checks.notNull(operation, "operation"));
    }

    /**
     * Sets an operation whose result is a {@code double}; the result is consumed without boxing.
     *
     * <pre>{@code
     * Benchmark.builder("sum").setUp(ctx -> new Fixture()).doubleOperation(Fixture::sum).build();
     * }</pre>
     *
     * @param operation the work
     * @return this builder
     * @throws IllegalStateException if an operation was already set
     */
    public Builder<S> doubleOperation(StateDoubleOperation<S> operation) {
      return work(Checks.notNull(operation, "operation"));
    }

    /**
     * Sets an operation whose result is a {@code long} or an {@code int}; the result is consumed
     * without boxing.
     *
     * @param operation the work
     * @return this builder
     * @throws IllegalStateException if an operation was already set
     */
    public Builder<S> longOperation(StateLongOperation<S> operation) {
      return work(Checks.notNull(operation, "operation"));
    }

    private Builder<S> work(Object work) {
      Checks.state(this.operation == null, "the operation was already set for benchmark '%s'", name);
      this.operation = work;
      return this;
    }

    /**
     * Sets an operation without a result.
     *
     * @param task the work
     * @return this builder
     * @throws IllegalStateException if an operation was already set
     */
    public Builder<S> task(StateTask<S> task) {
      return work(Checks.notNull(task, "task"));
    }

    /**
     * Sets what prepares fresh state before each operation in {@link Mode#SINGLE_SHOT}.
     *
     * @param beforeInvocation the preparation, outside the timing
     * @return this builder
     * @throws IllegalStateException if it was already set
     */
    public Builder<S> beforeInvocation(StateTask<S> beforeInvocation) {
      Checks.state(this.beforeInvocation == null, "beforeInvocation was already set for benchmark '%s'", name);
      this.beforeInvocation = Checks.notNull(beforeInvocation, "beforeInvocation");
      return this;
    }

    /**
     * Sets the tear-down of each trial's state.
     *
     * @param tearDown the tear-down, outside the timing
     * @return this builder
     * @throws IllegalStateException if it was already set
     */
    public Builder<S> tearDown(StateTask<S> tearDown) {
      Checks.state(this.tearDown == null, "tearDown was already set for benchmark '%s'", name);
      this.tearDown = Checks.notNull(tearDown, "tearDown");
      return this;
    }

    /**
     * Sets the mode.
     *
     * @param mode the mode
     * @return this builder
     * @throws IllegalStateException if it was already set
     */
    public Builder<S> mode(Mode mode) {
      Checks.state(this.mode == null, "mode was already set for benchmark '%s'", name);
      this.mode = Checks.notNull(mode, "mode");
      return this;
    }

    /**
     * Shorthand for {@code mode(Mode.SINGLE_SHOT)}.
     *
     * @return this builder
     */
    public Builder<S> singleShot() {
      return mode(Mode.SINGLE_SHOT);
    }

    /**
     * Sets how many units of work one operation performs.
     *
     * @param operations at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder<S> operationsPerInvocation(long operations) {
      Checks.state(this.operationsPerInvocation == 0, "operationsPerInvocation was already set for benchmark '%s'", name);
      Checks.argument(operations >= 1, "operationsPerInvocation (%s) must be >= 1", operations);
      this.operationsPerInvocation = operations;
      return this;
    }

    /**
     * Sets the sizes to run at.
     *
     * @param sizes one or more distinct sizes
     * @return this builder
     * @throws IllegalArgumentException if there are none or one repeats
     */
    public Builder<S> sizes(int... sizes) {
      Checks.state(this.sizes == null, "sizes were already set for benchmark '%s'", name);
      Checks.argument(sizes.length > 0, "sizes of benchmark '%s' must not be empty", name);
      Checks.argument(Arrays.stream(sizes).distinct().count() == sizes.length,
          "sizes %s of benchmark '%s' must be distinct", Arrays.toString(sizes), name);
      this.sizes = Arrays.stream(sizes).boxed().toList();
      return this;
    }

    /**
     * Builds the benchmark.
     *
     * @return an immutable benchmark
     * @throws IllegalStateException if no operation was set, or beforeInvocation was set without
     *     {@link Mode#SINGLE_SHOT}
     */
    public Benchmark build() {
      Checks.state(operation != null, "benchmark '%s' has no operation; call operation(...) or task(...)", name);
      Mode m = mode == null ? Mode.REPEATED : mode;
      Checks.state(beforeInvocation == null || m == Mode.SINGLE_SHOT,
          "benchmark '%s' sets beforeInvocation, which only runs in SINGLE_SHOT mode; call singleShot()", name);
      return new LambdaBenchmark<>(name, m, operationsPerInvocation == 0 ? 1 : operationsPerInvocation,
          sizes == null ? List.of() : sizes, setUp, operation, beforeInvocation, tearDown);
    }
  }
}
