package dev.perfgate.generator.internal;

/**
 * Consumes the values operations return so that the JIT cannot prove them unused and remove the
 * work that made them.
 *
 * <p>An object is stored into a field on a pseudo-random, ever rarer schedule. Because the store may
 * happen, escape analysis must treat the object as escaping (so allocations stay real), and it must
 * be computed; because it almost never happens, the cost is a multiply, an add and a well-predicted
 * branch. Comparing with a volatile field instead would not do: C2 folds the comparison of a freshly
 * allocated object to false and removes the allocation.
 *
 * <p>Boxed primitives are unboxed and folded into an accumulator instead, so that an operation
 * returning a {@code double} is charged for computing it but not for boxing it: once inlined, the
 * box does not escape and C2 removes it, as a benchmark harness that consumes primitives would.
 */
public final class Sink {
  private int seed = 0x2545F491;
  private int mask = 1;
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
   * Consumes a value.
   *
   * @param value the value; null costs nothing
   */
  public void consume(Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Number) {
      if (value instanceof Double) {
        accumulator ^= Double.doubleToRawLongBits((Double) value);
        return;
      }
      if (value instanceof Long) {
        accumulator ^= (Long) value;
        return;
      }
      if (value instanceof Integer) {
        accumulator ^= (Integer) value;
        return;
      }
      if (value instanceof Float) {
        accumulator ^= Float.floatToRawIntBits((Float) value);
        return;
      }
      if (value instanceof Short) {
        accumulator ^= (Short) value;
        return;
      }
      if (value instanceof Byte) {
        accumulator ^= (Byte) value;
        return;
      }
    } else if (value instanceof Boolean) {
      accumulator ^= ((Boolean) value) ? 1 : 2;
      return;
    } else if (value instanceof Character) {
      accumulator ^= (Character) value;
      return;
    }
    int s = seed * 1664525 + 1013904223;
    seed = s;
    if ((s & mask) == 0) {
      escaped = value;
      mask = (mask << 1) | 1;
    }
  }
}
