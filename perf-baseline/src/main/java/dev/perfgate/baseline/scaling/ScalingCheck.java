package dev.perfgate.baseline.scaling;

import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Scaling#checkNoWorseThan(Complexity, ComplexityFit, String)} found: the fit judged
 * against a complexity class, with the two exponents that frame the judgement. Reports draw the
 * fit from here (exponent, best class and its coefficients).
 *
 * @param subject the benchmark as the verdict names it, such as {@code sort} or {@code sort time.wall}
 * @param limit the fastest growth allowed
 * @param fit the fit judged
 * @param status PASS, FAIL or INCONCLUSIVE
 * @param limitExponent the exponent {@code limit} shows on the measured sizes ({@code eC})
 * @param beyondExponent the exponent where growth becomes recognizably faster than {@code limit} ({@code eUp})
 * @param reason why the status is what it is, in words starting with {@code ": "}; empty for a pass
 */
public record ScalingCheck(String subject, Complexity limit, ComplexityFit fit, Status status, double limitExponent,
    double beyondExponent, String reason) implements Verdict.Detail {

  /**
   * Creates a check.
   *
   * @throws NullPointerException if an object argument is null
   */
  public ScalingCheck {
    Objects.requireNonNull(subject, "subject must not be null");
    Objects.requireNonNull(limit, "limit must not be null");
    Objects.requireNonNull(fit, "fit must not be null");
    Objects.requireNonNull(status, "status must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
  }

  /**
   * The check as its verdict names it, such as {@code scaling no worse than O(n)}.
   *
   * @return the check
   */
  public String check() {
    return "scaling no worse than " + limit.label();
  }

  /**
   * Prints {@code sort time.wall  scaling O(n) (exponent 1.02, 95 % CI 0.97 .. 1.08) no worse than O(n)  PASS}.
   */
  @Override
  public String message() {
    Estimate e = fit.exponent();
    return String.format(Locale.ROOT, "%s  scaling %s (exponent %s, %s CI %s .. %s) no worse than %s  %s%s",
        subject, fit.describe(), Estimate.format(e.value()), Estimate.percent(e.confidence()),
        Estimate.format(e.low()), Estimate.format(e.high()), limit.label(), status, reason);
  }

  /**
   * The figures {@code exponent}, {@code exponent.low}, {@code exponent.high}, {@code limit.exponent},
   * {@code beyond.exponent}, {@code best.c0}, {@code best.c1}, {@code best.delta.aicc} (the gap to the
   * second-best class) and {@code observations}.
   */
  @Override
  public Map<String, Double> figures() {
    Estimate e = fit.exponent();
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("exponent", e.value());
    figures.put("exponent.low", e.low());
    figures.put("exponent.high", e.high());
    figures.put("limit.exponent", limitExponent);
    figures.put("beyond.exponent", beyondExponent);
    figures.put("best.c0", fit.best().c0());
    figures.put("best.c1", fit.best().c1());
    figures.put("best.delta.aicc", fit.models().size() > 1 ? fit.models().get(1).deltaAicc() : 0.0);
    figures.put("observations", (double) fit.observations());
    return figures;
  }

  /** The benchmark and, for a check of one metric, the metric: {@code sort time.wall}. */
  @Override
  public String subject(Subject s) {
    return subject;
  }
}
