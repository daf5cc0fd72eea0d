package dev.perfgate.generator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Environment;
import dev.perfgate.api.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ProvenanceDetectorTest {

  private static final Environment ENV = Environment.current();

  @Test
  void settingsWin_thenCiVariables_thenGit_partByPart() {
    List<List<String>> asked = new ArrayList<>();
    ProvenanceDetector.Git git = args -> {
      asked.add(args);
      return Optional.of(args.contains("--abbrev-ref") ? "from-git" : "gitcommit");
    };
    Provenance p = ProvenanceDetector.detect(Provenance.of(null, "override", null), ENV,
        Map.of("GITHUB_SHA", "cisha", "GITHUB_RUN_ID", "12", "GITHUB_HEAD_REF", "pr-branch")::get, git);
    assertEquals(Provenance.of("cisha", "override", "12"), p);
    assertTrue(asked.isEmpty(), "git is not asked what is known: " + asked);

    Provenance local = ProvenanceDetector.detect(Provenance.unknown(), ENV, name -> null, git);
    assertEquals(Provenance.of("gitcommit", "from-git", null), local);
  }

  @Test
  void detachedHead_hasNoBranch() {
    ProvenanceDetector.Git git = args -> Optional.of(args.contains("--abbrev-ref") ? "HEAD" : "abc");
    assertEquals(Provenance.of("abc", null, null), ProvenanceDetector.detect(Provenance.unknown(), ENV, n -> null, git));
  }

  @Test
  void git_inARealRepository_namesTheBranchAndCommit_outsideOneNothing(@TempDir Path dir) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    if (!run(repo, "git", "init", "-q", "-b", "trunk") || !run(repo, "git", "-c", "user.name=t", "-c", "user.email=t@t",
        "commit", "-q", "--allow-empty", "-m", "first")) {
      return; // no git on this machine: nothing to check against
    }
    ProvenanceDetector.Git git = ProvenanceDetector.git(repo);
    Provenance p = ProvenanceDetector.detect(Provenance.unknown(), ENV, n -> null, git);
    assertEquals(Optional.of("trunk"), p.branch());
    assertEquals(40, p.commit().orElseThrow().length());
    Path outside = Files.createDirectories(dir.resolve("plain"));
    assertEquals(Optional.empty(), ProvenanceDetector.git(outside).run(List.of("rev-parse", "--no-such-option-x")));
  }

  @Test
  void branchRun_inARealRepository_findsTheMergeBaseWithTheBaselineBranch(@TempDir Path dir) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    String[] commit = {"git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m"};
    if (!run(repo, "git", "init", "-q", "-b", "main") || !run(repo, concat(commit, "first"))) {
      return; // no git on this machine: nothing to check against
    }
    ProvenanceDetector.Git git = ProvenanceDetector.git(repo);
    assertTrue(run(repo, concat(commit, "second")));
    String second = git.run(List.of("rev-parse", "HEAD")).orElseThrow();
    assertTrue(run(repo, "git", "checkout", "-q", "-b", "feature/x"));
    assertTrue(run(repo, concat(commit, "on the branch")));
    Provenance p = ProvenanceDetector.detect(Provenance.unknown(), ENV, n -> null, git, "main");
    assertEquals(Optional.of("feature/x"), p.branch());
    assertEquals(Optional.of(second), p.mergeBase());
    assertTrue(!p.commit().orElseThrow().equals(second), p.toString());

    // On the baseline branch there is no merge base to find; a setting wins over git.
    assertTrue(run(repo, "git", "checkout", "-q", "main"));
    assertEquals(Optional.empty(), ProvenanceDetector.detect(Provenance.unknown(), ENV, n -> null, git, "main")
        .mergeBase());
    assertEquals(Optional.of("abc1234"), ProvenanceDetector.detect(Provenance.of(null, "feature/y", null)
        .withMergeBase("abc1234"), ENV, n -> null, git, "main").mergeBase());
  }

  @Test
  void mergeBase_fallsBackToTheRemoteBaselineBranch() {
    List<List<String>> asked = new ArrayList<>();
    ProvenanceDetector.Git git = args -> {
      asked.add(args);
      return args.contains("origin/trunk") ? Optional.of("base") : Optional.empty();
    };
    Provenance p = ProvenanceDetector.detect(Provenance.of("head", "feature/x", null), ENV, n -> null, git, "trunk");
    assertEquals(Optional.of("base"), p.mergeBase());
    assertEquals(List.of(List.of("merge-base", "HEAD", "trunk"), List.of("merge-base", "HEAD", "origin/trunk")), asked);
  }

  private static String[] concat(String[] head, String last) {
    String[] all = java.util.Arrays.copyOf(head, head.length + 1);
    all[head.length] = last;
    return all;
  }

  private static boolean run(Path dir, String... command) throws Exception {
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
