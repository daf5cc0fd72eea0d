package dev.perfgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ProvenanceTest {

  @Test
  void fromCi_githubPullRequest_takesTheHeadBranchNotTheMergeRef() {
    Provenance p = Provenance.fromCi(Map.of("GITHUB_HEAD_REF", "feature/parser", "GITHUB_REF_NAME", "42/merge",
        "GITHUB_SHA", "a1b2c3d4e5f6", "GITHUB_RUN_ID", "987")::get);
    assertEquals(Provenance.of("a1b2c3d4e5f6", "feature/parser", "987"), p);
  }

  @Test
  void fromCi_githubPush_hasAnEmptyHeadRef_andTakesTheRefName() {
    Provenance p = Provenance.fromCi(Map.of("GITHUB_HEAD_REF", "", "GITHUB_REF_NAME", "main", "GITHUB_SHA", "f00",
        "GITHUB_RUN_ID", "1")::get);
    assertEquals(Optional.of("main"), p.branch());
  }

  @Test
  void fromCi_gitlabAndJenkins() {
    assertEquals(Provenance.of("c0ffee", "topic", "55"), Provenance.fromCi(Map.of("CI_COMMIT_REF_NAME", "topic",
        "CI_COMMIT_SHA", "c0ffee", "CI_PIPELINE_ID", "55")::get));
    assertEquals(Provenance.of("beef", "release/2", "b-9"), Provenance.fromCi(Map.of("BRANCH_NAME", "release/2",
        "GIT_COMMIT", "beef", "BUILD_ID", "b-9")::get));
    assertEquals(Optional.of("dev"), Provenance.fromCi(Map.of("GIT_BRANCH", "origin/dev")::get).branch());
  }

  @Test
  void fromCi_nothingSet_isUnknown() {
    assertTrue(Provenance.fromCi(name -> null).isUnknown());
  }

  @Test
  void orElse_fillsOnlyTheGaps_andToStringShortensTheCommit() {
    Provenance p = Provenance.of(null, "main", null).orElse(Provenance.of("0123456789", "other", "7"));
    assertEquals(Provenance.of("0123456789", "main", "7"), p);
    assertEquals("0123456 on main, CI run 7", p.toString());
    assertEquals("unknown commit", Provenance.unknown().toString());
  }

  @Test
  void blankPart_isRejected_nullOrBlankInOfIsUnknown() {
    assertThrows(IllegalArgumentException.class, () -> new Provenance(Optional.of(" "), Optional.empty(), Optional.empty()));
    assertTrue(Provenance.of(" ", null, "").isUnknown());
  }

  @Test
  void mergeBase_isOptional_keptByOrElse_namedInWords_andCommitsMatchByPrefix() {
    Provenance p = Provenance.of("0123456789", "feature/x", null).withMergeBase("abcdef0123");
    assertEquals(Optional.of("abcdef0123"), p.mergeBase());
    assertEquals(Optional.empty(), Provenance.of("0123456789", "feature/x", null).mergeBase());
    assertEquals(Optional.of("abcdef0123"), Provenance.of(null, "y", null).orElse(p).mergeBase());
    assertEquals("0123456 on feature/x, merge base abcdef0", p.toString());
    assertEquals(Optional.of("abcdef0"), p.shortMergeBase());
    assertEquals(Optional.of("abc"), p.withMergeBase("abc").shortMergeBase(), "a short id stays as it is");
    assertEquals(Optional.empty(), p.withMergeBase(" ").mergeBase());
    assertTrue(Provenance.sameCommit("abcdef0", "ABCDEF0123"));
    assertTrue(Provenance.sameCommit("abcdef0123", "abcdef0"));
    assertTrue(!Provenance.sameCommit("abcdef0", "abcdef1123"));
    assertTrue(!Provenance.sameCommit("abc", "abcdef0"), "three characters name no commit");
  }
}
