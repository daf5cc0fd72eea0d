package dev.perfgate.generator.internal;

import dev.perfgate.api.Environment;
import dev.perfgate.api.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Finds out which commit, branch and CI run a suite measures: what the settings say first, then
 * the environment property {@code vcs.revision} (the commit), then the usual CI variables
 * ({@link Provenance#fromCi}), then {@code git} in the working directory, each part on its own. A CI
 * checks a pull request out at a detached merge commit, which is why its variables come before git.
 */
public final class ProvenanceDetector {
  private static final System.Logger LOG = System.getLogger(ProvenanceDetector.class.getName());

  /** The environment property that carries a commit the caller knows. */
  public static final String REVISION_PROPERTY = "vcs.revision";

  private ProvenanceDetector() {}

  /** Runs git with arguments in a directory, giving its first output line, empty when it fails. */
  @FunctionalInterface
  public interface Git {
    /**
     * Runs git.
     *
     * @param args the arguments
     * @return the first line it printed, empty if it failed or is not installed
     */
    Optional<String> run(List<String> args);
  }

  /**
   * Detects the provenance.
   *
   * @param overrides what the settings say, parts empty where not set
   * @param environment the run's environment, for {@code vcs.revision}
   * @param env reads environment variables
   * @param git runs git
   * @return the provenance, each part from the first source that knows it
   */
  public static Provenance detect(Provenance overrides, Environment environment, Function<String, String> env,
      Git git) {
    Provenance p = overrides
        .orElse(Provenance.of(environment.properties().get(REVISION_PROPERTY), null, null))
        .orElse(Provenance.fromCi(env));
    if (p.commit().isEmpty() || p.branch().isEmpty()) {
      Optional<String> commit = p.commit().isPresent() ? Optional.empty() : git.run(List.of("rev-parse", "HEAD"));
      // A detached HEAD prints "HEAD": no branch.
      Optional<String> branch = p.branch().isPresent() ? Optional.empty()
          : git.run(List.of("rev-parse", "--abbrev-ref", "HEAD")).filter(b -> !b.equals("HEAD"));
      p = p.orElse(Provenance.of(commit.orElse(null), branch.orElse(null), null));
    }
    return p;
  }

  /**
   * Detects the provenance and, for a run of a branch other than the baseline branch, the merge base
   * that the settings do not name: {@code git merge-base HEAD <baselineBranch>}, else with
   * {@code origin/<baselineBranch>}, since a CI clone often holds the baseline branch only as a
   * remote branch.
   *
   * @param overrides what the settings say, parts empty where not set
   * @param environment the run's environment, for {@code vcs.revision}
   * @param env reads environment variables
   * @param git runs git
   * @param baselineBranch the branch whose runs keep the baselines
   * @return the provenance, each part from the first source that knows it
   */
  public static Provenance detect(Provenance overrides, Environment environment, Function<String, String> env,
      Git git, String baselineBranch) {
    Provenance p = detect(overrides, environment, env, git);
    boolean otherBranch = p.branch().filter(b -> !b.equals(baselineBranch)).isPresent();
    // A name starting with "-" is no branch git accepts, but git would read it as an option.
    if (!otherBranch || p.mergeBase().isPresent() || baselineBranch.startsWith("-")) {
      return p;
    }
    Optional<String> base = git.run(List.of("merge-base", "HEAD", baselineBranch))
        .or(() -> git.run(List.of("merge-base", "HEAD", "origin/" + baselineBranch)));
    return p.withMergeBase(base.orElse(null));
  }

  /**
   * Git in a directory, with a five-second limit, its errors silenced: a run outside a repository,
   * or without git, simply knows less.
   *
   * @param directory the working directory
   * @return the runner
   */
  public static Git git(Path directory) {
    return args -> {
      List<String> command = new java.util.ArrayList<>();
      command.add("git");
      command.addAll(args);
      try {
        Process p = new ProcessBuilder(command).directory(directory.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out;
        try (InputStream in = p.getInputStream()) {
          out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return Optional.empty();
        }
        if (p.exitValue() != 0 || out.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(out.lines().findFirst().orElse("").trim()).filter(s -> !s.isEmpty());
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "git is not available: " + e.getMessage());
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    };
  }
}
