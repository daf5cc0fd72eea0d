package dev.perfgate.collectors.caffeine;

import dev.perfgate.api.Status;
import dev.perfgate.api.Subject;
import dev.perfgate.api.Verdict;
import dev.perfgate.api.internal.Checks;
import java.util.List;
import java.util.Map;

/**
 * What a {@link CaffeineChecks} check found about a cache: what it measured and what broke its
 * bounds, or why it measured nothing.
 *
 * @param cache the cache's name
 * @param check the check, such as {@code invalidation of 2 entries in cache 'schema'}
 * @param status the outcome
 * @param measured what was measured, such as {@code worst hit ratio 95.0 %, size 10..12}; empty when
 *     nothing was
 * @param problems each bound or expectation broken, such as {@code round 3 size 14 > 12}
 * @param reason why nothing was measured (an invalidation that threw, keys not in the cache); empty
 *     when something was
 * @param figures the counts behind it, by name (affected, still.present, round.3.hit.ratio, ...)
 */
public record CacheCheck(String cache, String check, Status status, String measured, List<String> problems,
    String reason, Map<String, Double> figures) implements Verdict.Detail {

  /**
   * Creates a finding.
   *
   * @throws NullPointerException if an argument is null
   */
  public CacheCheck {
    Checks.notNull(cache, "cache");
    Checks.notNull(check, "check");
    Checks.notNull(status, "status");
    Checks.notNull(measured, "measured");
    problems = List.copyOf(Checks.notNull(problems, "problems"));
    Checks.notNull(reason, "reason");
    figures = Map.copyOf(Checks.notNull(figures, "figures"));
  }

  /**
   * A check that measured nothing, for the reason given.
   *
   * @return the finding
   */
  static CacheCheck unmeasured(String cache, String check, Status status, String reason, Map<String, Double> figures) {
    return new CacheCheck(cache, check, status, "", List.of(), reason, figures);
  }

  /**
   * The subject of the verdict, {@code cache.<name>}.
   *
   * @return the subject
   */
  public Subject subject() {
    return Subject.benchmark("cache." + cache);
  }

  /**
   * This finding as a verdict.
   *
   * @return the verdict
   */
  public Verdict toVerdict() {
    return Verdict.of(subject(), check, status, this);
  }

  /**
   * Prints {@code cache.schema  stability of cache 'schema' over 10 rounds: size <= 12: size 10..14  FAIL; round 3 size 14 > 12},
   * or, when nothing was measured, {@code cache.schema  <check>  ERROR: <reason>}.
   */
  @Override
  public String message() {
    String subject = "cache." + cache;
    if (measured.isEmpty()) {
      return subject + "  " + check + "  " + status + ": " + reason;
    }
    StringBuilder sb = new StringBuilder(subject).append("  ").append(check).append(": ").append(measured)
        .append("  ").append(status);
    problems.forEach(p -> sb.append("; ").append(p));
    return sb.toString();
  }
}
