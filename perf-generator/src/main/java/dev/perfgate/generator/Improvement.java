package dev.perfgate.generator;

import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import dev.perfgate.api.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link SuiteChecks#improvementAtLeast} found: the share {@code 1 - time(better) / time(reference)}
 * with its interval against the least share allowed.
 *
 * @param better the faster benchmark's name, such as {@code render.warm}
 * @param reference the slower benchmark's name, such as {@code render.cold}
 * @param minImprovement the least improvement allowed, such as 0.80
 * @param improvement the improvement (point estimate); NaN when the two did not both run
 * @param low the lower end of its interval
 * @param high the upper end of its interval
 * @param status PASS if the interval is at or above the limit, FAIL if it is all below, otherwise INCONCLUSIVE
 */
public record Improvement(String better, String reference, double minImprovement, double improvement, double low,
    double high, Status status) implements Verdict.Detail {

  /**
   * Creates an improvement.
   *
   * @throws NullPointerException if an object argument is null
   */
  public Improvement {
    Checks.notNull(better, "better");
    Checks.notNull(reference, "reference");
    Checks.notNull(status, "status");
  }

  /**
   * Whether both benchmarks ran, so that there is an estimate.
   *
   * @return false when one of them is missing or failed
   */
  public boolean measured() {
    return !Double.isNaN(improvement);
  }

  /** Prints {@code render.warm vs render.cold  time/op improvement 91.2 % (95 % CI 90.1 .. 92.0 %)  >= 80 %  PASS}. */
  @Override
  public String message() {
    String subject = better + " vs " + reference;
    if (!measured()) {
      return subject + "  improvement: both '" + reference + "' and '" + better + "' must run successfully in the suite";
    }
    return String.format(Locale.ROOT, "%s  time/op improvement %.1f %% (95 %% CI %.1f .. %.1f %%)  >= %.0f %%  %s",
        subject, improvement * 100, low * 100, high * 100, minImprovement * 100, status);
  }

  /** The figures {@code improvement}, {@code improvement.low}, {@code improvement.high} and {@code limit}. */
  @Override
  public Map<String, Double> figures() {
    if (!measured()) {
      return Map.of();
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("improvement", improvement);
    figures.put("improvement.low", low);
    figures.put("improvement.high", high);
    figures.put("limit", minImprovement);
    return figures;
  }

  /** Both benchmarks: {@code render.warm vs render.cold}. */
  @Override
  public String subject(Subject s) {
    return better + " vs " + reference;
  }
}
