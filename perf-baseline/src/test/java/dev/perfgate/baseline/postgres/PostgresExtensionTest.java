package dev.perfgate.baseline.postgres;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Without PostgreSQL the store's tests skip on a developer's machine and fail on CI, never pass silently. */
final class PostgresExtensionTest {

  @Test
  void withoutBinaries_underCi_fails() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PostgresExtension.requireBinaries(Optional.empty(), "true"));
    assertTrue(e.getMessage().contains("CI=true") && e.getMessage().contains("apt-get install postgresql"), e.getMessage());
  }

  @Test
  void withoutBinaries_outsideCi_skipsSayingWhy() {
    TestAbortedException e = assertThrows(TestAbortedException.class,
        () -> PostgresExtension.requireBinaries(Optional.empty(), null));
    assertTrue(e.getMessage().contains("initdb") && e.getMessage().contains("PERFGATE_PG_BIN"), e.getMessage());
    assertThrows(TestAbortedException.class, () -> PostgresExtension.requireBinaries(Optional.empty(), "false"));
  }

  @Test
  void withBinaries_runs() {
    assertDoesNotThrow(() -> PostgresExtension.requireBinaries(Optional.of(Path.of("/usr/lib/postgresql/15/bin")), "true"));
  }
}
