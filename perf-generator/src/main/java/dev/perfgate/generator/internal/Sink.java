package dev.perfgate.generator.internal;

/**
 * Consumes the values operations return so that the JIT cannot prove them unused and remove the
 * work that made them.
 *
 * <p>An object is stored into a field on an ever rarer schedule. Because the store may happen, escape
 * analysis must treat the object as escaping (so allocations stay real), and it must be computed;
 * because it almost never happens, the cost is an add, a test and a well-predicted branch. Comparing
 * with a volatile field instead would not do: C2 folds the comparison of a freshly allocated object
 * to false and removes the allocation.
 *
 * <p>Boxed primitives are unboxed and folded into an accumulator instead, so that an operation
 * returning a {@code double} is charged for computing it but not for boxing it: once inlined, the
 * box does not escape and C2 removes it, as a benchmark harness that consumes primitives would.
 *
 * <p>{@link BatchLoop} keeps the schedule and the accumulator in local variables for the length of a
 * batch and stores them here after it: kept in fields, they would chain every operation to the one
 * before through a store and a load (about 4 ns an operation measured for an operation returning a
 * constant object, against about 1 ns with locals).
 */
public final class Sink {
  /** Added to the schedule for every object; odd, so the low bits of the schedule cycle fully. */
  static final int STEP = 0x61c88647;

  /** The schedule: an object is stored when {@code (schedule & mask) == 0}. */
  int schedule = 0x2545F491;
  /** Grows by a bit each time an object is stored, so stores get rarer (at most about 64 in all). */
  int mask = 1;
  /** Folded primitives; public so that no analysis can prove it is never read. */
  public long accumulator;
  /** Written rarely; public so that no analysis can prove it is never read. */
  public Object escaped;
  /**
   * Never written. {@link #fence()} reads it after every operation: the JIT may not move memory reads
   * across a volatile read, so an operation on fields is computed afresh every time instead of once
   * before the batch (loop-invariant code motion), and an empty operation still costs a loop
   * iteration instead of the whole loop being removed. JMH's loop reads its volatile {@code isDone}
   * for the same reason. On x86 the read is an ordinary load.
   */
  private volatile boolean fence;

  /** Called by the batch loop after every operation; see {@link #fence}. */
  void fence() {
    if (fence) {
      accumulator++;
    }
  }

  /**
   * Consumes a value, keeping the schedule in this object's fields. {@link BatchLoop} does the same
   * with local variables.
   *
   * @param value the value; null costs nothing
   */
  public void consume(Object value) {
    if (isBoxedPrimitive(value)) {
      accumulator ^= bits(value);
    } else if (value != null) {
      int s = schedule + STEP;
      schedule = s;
      if ((s & mask) == 0) {
        escaped = value;
        mask = (mask << 1) | 1;
      }
    }
  }

  /** Whether a value is a box of a primitive; the checks fold away once the value's type is known. */
  static boolean isBoxedPrimitive(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Double
        || value instanceof Boolean || value instanceof Float || value instanceof Short
        || value instanceof Byte || value instanceof Character;
  }

  /** The bits of a boxed primitive (see {@link #isBoxedPrimitive}), 0 for anything else. */
  static long bits(Object value) {
    if (value instanceof Integer) {
      return (Integer) value;
    }
    if (value instanceof Long) {
      return (Long) value;
    }
    if (value instanceof Double) {
      return Double.doubleToRawLongBits((Double) value);
    }
    if (value instanceof Boolean) {
      return ((Boolean) value) ? 1 : 2;
    }
    if (value instanceof Float) {
      return Float.floatToRawIntBits((Float) value);
    }
    if (value instanceof Short) {
      return (Short) value;
    }
    if (value instanceof Byte) {
      return (Byte) value;
    }
    if (value instanceof Character) {
      return (Character) value;
    }
    return 0;
  }
}
