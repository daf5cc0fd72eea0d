package dev.perfgate.api;

import dev.perfgate.api.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which code a run measured and which CI run measured it: the commit, the branch and the CI run's
 * id, each absent when it could not be found out. Stores keep it with every run, so that a branch's
 * runs are kept apart from the baseline branch's, change points name the commits between which they
 * happened, and the shards of one CI run can be found and merged.
 *
 * <pre>{@code
 * Provenance p = Provenance.fromCi(System::getenv);       // GITHUB_SHA, CI_COMMIT_SHA, ...
 * Result tagged = result.withProvenance(p);
 * }</pre>
 *
 * @param commit the commit measured, such as a full SHA-1
 * @param branch the branch measured, such as {@code main} or {@code feature/parser}; for a pull
 *     request its head branch
 * @param ciRunId the CI run (pipeline, workflow run, build) that measured it, as the CI names it
 * @param mergeBase for a run of a branch other than the baseline branch, the commit where it left the
 *     baseline branch ({@code git merge-base HEAD main}), so that it can be compared with the baseline
 *     branch's run of that commit; not stored with the run
 */
public record Provenance(Optional<String> commit, Optional<String> branch, Optional<String> ciRunId,
    Optional<String> mergeBase) {

  private static final Provenance UNKNOWN = new Provenance(Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * CI variables that name the branch, in the order tried: a pull request's head branch first,
   * since a CI checks a pull request out at a detached merge commit.
   */
  public static final List<String> BRANCH_VARIABLES = List.of("GITHUB_HEAD_REF", "GITHUB_REF_NAME",
      "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_REF_NAME", "CHANGE_BRANCH", "BRANCH_NAME",
      "BUILDKITE_BRANCH", "CIRCLE_BRANCH", "TRAVIS_PULL_REQUEST_BRANCH", "TRAVIS_BRANCH", "BITBUCKET_BRANCH",
      "BUILD_SOURCEBRANCHNAME", "GIT_BRANCH");

  /** CI variables that name the commit, in the order tried. */
  public static final List<String> COMMIT_VARIABLES = List.of("GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT",
      "BUILDKITE_COMMIT", "CIRCLE_SHA1", "TRAVIS_COMMIT", "BITBUCKET_COMMIT", "BUILD_SOURCEVERSION");

  /**
   * CI variables that name the CI run, in the order tried: one id shared by every job (shard) of the
   * run, so that the shards can be merged.
   */
  public static final List<String> CI_RUN_VARIABLES = List.of("GITHUB_RUN_ID", "CI_PIPELINE_ID", "BUILD_ID",
      "BUILDKITE_BUILD_ID", "CIRCLE_WORKFLOW_ID", "TRAVIS_BUILD_ID", "BITBUCKET_BUILD_NUMBER", "BUILD_BUILDID");

  /**
   * Creates a provenance.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a value is present but blank
   */
  public Provenance {
    Checks.notNull(commit, "commit");
    Checks.notNull(branch, "branch");
    Checks.notNull(ciRunId, "ciRunId");
    Checks.notNull(mergeBase, "mergeBase");
    Checks.argument(commit.map(s -> !s.isBlank()).orElse(true), "commit must not be blank; leave it empty");
    Checks.argument(branch.map(s -> !s.isBlank()).orElse(true), "branch must not be blank; leave it empty");
    Checks.argument(ciRunId.map(s -> !s.isBlank()).orElse(true), "ciRunId must not be blank; leave it empty");
    Checks.argument(mergeBase.map(s -> !s.isBlank()).orElse(true), "mergeBase must not be blank; leave it empty");
  }

  /**
   * Creates a provenance without a merge base.
   *
   * @param commit the commit measured
   * @param branch the branch measured
   * @param ciRunId the CI run that measured it
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a value is present but blank
   */
  public Provenance(Optional<String> commit, Optional<String> branch, Optional<String> ciRunId) {
    this(commit, branch, ciRunId, Optional.empty());
  }

  /**
   * Nothing known: a run made by hand, or read from a store of a Perfgate that did not record it.
   *
   * @return the provenance with every part empty
   */
  public static Provenance unknown() {
    return UNKNOWN;
  }

  /**
   * A provenance from values that may be missing: null or blank means unknown.
   *
   * @param commit the commit, or null
   * @param branch the branch, or null
   * @param ciRunId the CI run's id, or null
   * @return the provenance
   */
  public static Provenance of(String commit, String branch, String ciRunId) {
    return new Provenance(present(commit), present(branch), present(ciRunId));
  }

  /**
   * What the usual CI variables say: for each part, the first variable of {@link #COMMIT_VARIABLES},
   * {@link #BRANCH_VARIABLES} and {@link #CI_RUN_VARIABLES} that is set and not blank. A branch given
   * as a ref ({@code refs/heads/main}, {@code origin/main}) is shortened to its name.
   *
   * @param env reads an environment variable, null when unset ({@code System::getenv})
   * @return what was found, possibly {@link #unknown()}
   */
  public static Provenance fromCi(Function<String, String> env) {
    Checks.notNull(env, "env");
    Optional<String> branch = first(env, BRANCH_VARIABLES).map(Provenance::branchName);
    return new Provenance(first(env, COMMIT_VARIABLES), branch.filter(b -> !b.isBlank()), first(env, CI_RUN_VARIABLES));
  }

  /**
   * Each part of this one, or where it is empty, of {@code other}'s.
   *
   * @param other what to fill the gaps with
   * @return the combined provenance
   */
  public Provenance orElse(Provenance other) {
    Checks.notNull(other, "other");
    return new Provenance(commit.or(other::commit), branch.or(other::branch), ciRunId.or(other::ciRunId),
        mergeBase.or(other::mergeBase));
  }

  /**
   * This provenance with a merge base: the commit where the run's branch left the baseline branch.
   *
   * @param mergeBase the commit, or null or blank for none
   * @return the provenance with that merge base
   */
  public Provenance withMergeBase(String mergeBase) {
    return new Provenance(commit, branch, ciRunId, present(mergeBase));
  }

  /**
   * Whether a commit id names the same commit as another, either possibly abbreviated: one is a
   * prefix of the other, ignoring case, and the shorter has at least the four characters git
   * abbreviates to.
   *
   * @param a a commit id
   * @param b another
   * @return true if they name the same commit
   */
  public static boolean sameCommit(String a, String b) {
    Checks.notNull(a, "a");
    Checks.notNull(b, "b");
    String x = a.trim().toLowerCase(java.util.Locale.ROOT);
    String y = b.trim().toLowerCase(java.util.Locale.ROOT);
    return Math.min(x.length(), y.length()) >= 4 && (x.startsWith(y) || y.startsWith(x));
  }

  /**
   * The commit shortened as git shortens it for a person: its first seven characters.
   *
   * @return the short commit, empty if unknown
   */
  public Optional<String> shortCommit() {
    return commit.map(Provenance::abbreviate);
  }

  /**
   * The merge base abbreviated as git shows it: its first 7 characters.
   *
   * @return the short merge base, or empty if unknown
   */
  public Optional<String> shortMergeBase() {
    return mergeBase.map(Provenance::abbreviate);
  }

  private static String abbreviate(String id) {
    return id.length() > 7 ? id.substring(0, 7) : id;
  }

  /**
   * Whether nothing is known.
   *
   * @return true if every part is empty
   */
  public boolean isUnknown() {
    return equals(UNKNOWN);
  }

  /** {@code refs/heads/feature/x} and {@code origin/feature/x} name the branch {@code feature/x}. */
  private static String branchName(String ref) {
    String b = ref.trim();
    for (String prefix : List.of("refs/heads/", "refs/remotes/origin/", "origin/")) {
      if (b.startsWith(prefix)) {
        return b.substring(prefix.length());
      }
    }
    return b;
  }

  private static Optional<String> first(Function<String, String> env, List<String> variables) {
    for (String v : variables) {
      Optional<String> value = present(env.apply(v));
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> present(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
  }

  /** Reads like {@code a1b2c3d on feature/x, CI run 4711, merge base 9f8e7d6}, or {@code unknown commit}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    parts.add(shortCommit().orElse("unknown commit"));
    branch.ifPresent(b -> parts.set(0, parts.get(0) + " on " + b));
    ciRunId.ifPresent(id -> parts.add("CI run " + id));
    shortMergeBase().ifPresent(m -> parts.add("merge base " + m));
    return String.join(", ", parts);
  }
}
