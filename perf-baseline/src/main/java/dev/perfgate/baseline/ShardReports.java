package dev.perfgate.baseline;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Where the shards of one CI run leave their reports, so that one command can merge them: a suite
 * too long for one CI machine runs split across machines (by JUnit tags or Maven modules), each
 * shard writes its report here under the commit and the CI run id they share, and
 * {@code dev.perfgate.generator.Shards} merges what all shards left into one report with one status.
 * Both stores of this module keep them: the directory store in {@code shards/<ci run>--<commit>/},
 * the PostgreSQL store in the table {@code perfgate_shard}.
 */
public interface ShardReports {

  /**
   * One shard's report.
   *
   * @param commit the commit the CI run measured
   * @param ciRunId the CI run
   * @param shard the shard's name, unique within the CI run
   * @param passed whether nothing failed in the shard
   * @param report the shard's complete JSON report ({@code Reports.json})
   */
  record ShardReport(String commit, String ciRunId, String shard, boolean passed, String report) {
    /**
     * Creates a shard's report.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the commit, the CI run or the shard is blank
     */
    public ShardReport {
      for (String part : List.of(Objects.requireNonNull(commit, "commit must not be null"),
          Objects.requireNonNull(ciRunId, "ciRunId must not be null"), Objects.requireNonNull(shard, "shard must not be null"))) {
        if (part.isBlank()) {
          throw new IllegalArgumentException("commit, CI run id and shard must not be blank: " + commit + ", " + ciRunId
              + ", " + shard);
        }
      }
      Objects.requireNonNull(report, "report must not be null");
    }
  }

  /**
   * Stores a shard's report, replacing the one the same shard of the same CI run stored before (a
   * re-run of a shard).
   *
   * @param report the report
   * @throws IOException if it cannot be written
   */
  void saveShardReport(ShardReport report) throws IOException;

  /**
   * The reports every shard of one CI run stored, sorted by shard name.
   *
   * @param commit the commit
   * @param ciRunId the CI run
   * @return the reports, possibly empty
   * @throws IOException if they cannot be read
   */
  List<ShardReport> shardReports(String commit, String ciRunId) throws IOException;
}
