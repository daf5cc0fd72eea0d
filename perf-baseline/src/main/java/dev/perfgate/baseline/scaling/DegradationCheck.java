package dev.perfgate.baseline.scaling;

import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What {@link Scaling#checkDegradationAtMost} found: a degradation against the largest one
 * allowed. PASS if the whole interval is at or below the limit, FAIL if it is all above, otherwise
 * INCONCLUSIVE; a FAIL on a machine with too few CPUs for the threads is INCONCLUSIVE too
 * ({@link #onSharedCpus(int)}).
 *
 * @param subject the variant as the verdict names it, such as {@code render[threads=2]}
 * @param degradation the estimate judged
 * @param limit the largest degradation allowed, such as 0.25 for 25 %
 * @param sharedCpus the CPUs of a machine on which the threads had to share them with the JIT, the
 *     collector and the probes, so that a slowdown cannot fail; empty otherwise
 */
public record DegradationCheck(String subject, Degradation degradation, double limit, OptionalInt sharedCpus)
    implements Verdict.Detail {

  /**
   * Creates a check.
   *
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException if the limit is negative or not finite
   */
  public DegradationCheck {
    Objects.requireNonNull(subject, "subject must not be null");
    Objects.requireNonNull(degradation, "degradation must not be null");
    Objects.requireNonNull(sharedCpus, "sharedCpus must not be null");
    if (!(limit >= 0) || Double.isInfinite(limit)) {
      throw new IllegalArgumentException("largest degradation allowed (" + limit
          + ") must be a finite fraction >= 0, such as 0.25 for 25 %");
    }
  }

  /**
   * What the interval alone says: PASS, FAIL or INCONCLUSIVE.
   *
   * @return the status before the machine is taken into account
   */
  public Status judged() {
    Estimate e = degradation.estimate();
    return e.high() <= limit ? Status.PASS : e.low() > limit ? Status.FAIL : Status.INCONCLUSIVE;
  }

  /**
   * The status: {@link #judged()}, except that a FAIL on shared CPUs is INCONCLUSIVE.
   *
   * @return the status
   */
  public Status status() {
    Status s = judged();
    return s == Status.FAIL && sharedCpus.isPresent() ? Status.INCONCLUSIVE : s;
  }

  /**
   * This check measured on a machine with {@code cpus} CPUs, no more than the threads: a FAIL
   * becomes INCONCLUSIVE, since the slowdown may be the machine's rather than the code's.
   *
   * @param cpus the machine's CPUs
   * @return the check; this one if it does not fail
   */
  public DegradationCheck onSharedCpus(int cpus) {
    return judged() == Status.FAIL ? new DegradationCheck(subject, degradation, limit, OptionalInt.of(cpus)) : this;
  }

  /**
   * The check as its verdict names it, such as {@code degradation at 2 threads <= 10.0 %}.
   *
   * @return the check
   */
  public String check() {
    return "degradation at " + degradation.threads() + " threads <= " + limitText();
  }

  private String limitText() {
    return String.format(Locale.ROOT, "%.1f %%", limit * 100);
  }

  /** Prints {@code render[threads=2]  degradation at 2 threads +4.1 % (95 % CI +1.2 .. +7.0 %) <= 10.0 %  PASS}. */
  @Override
  public String message() {
    Estimate e = degradation.estimate();
    String reason = judged() == Status.INCONCLUSIVE ? ": the interval straddles the limit; measure more trials" : "";
    String line = String.format(Locale.ROOT, "%s  degradation at %d threads %s (%s CI %s .. %s) <= %s  %s%s",
        subject, degradation.threads(), Degradation.percent(e.value()), Estimate.percent(e.confidence()),
        Degradation.percent(e.low()), Degradation.percent(e.high()), limitText(), status(), reason);
    if (sharedCpus.isPresent()) {
      int threads = degradation.threads();
      line += "  (this machine has " + sharedCpus.getAsInt() + " CPUs, so " + threads + " busy threads share them"
          + " with the JIT, the garbage collector and the probes; gate on this on at least " + (threads + 1) + " CPUs)";
    }
    return line;
  }

  /** The figures {@code degradation}, {@code degradation.low}, {@code degradation.high}, {@code limit} and {@code threads}. */
  @Override
  public Map<String, Double> figures() {
    Estimate e = degradation.estimate();
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("degradation", e.value());
    figures.put("degradation.low", e.low());
    figures.put("degradation.high", e.high());
    figures.put("limit", limit);
    figures.put("threads", (double) degradation.threads());
    return figures;
  }

  /** The variant as the check was given it. */
  @Override
  public String subject(Subject s) {
    return subject;
  }
}
