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
