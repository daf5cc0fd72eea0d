package dev.perfgate.collectors.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class RetentionCheckTest {
  private static Object kept;

  /**
   * Stands for a component with state: a generator, a service, a session. Its state is larger
   * than half a G1 region, so it is allocated outside any TLAB and JFR's old-object sampler always
   * sees it; a small object allocated inside a TLAB is sampled only by chance.
   */
  static final class Component implements AutoCloseable {
    private byte[] state = new byte[8 * 1024 * 1024];
    private boolean closed;

    @Override
    public void close() {
      closed = true;
      state = null;
    }
  }

  @AfterEach
  void release() {
    kept = null;
  }

  @Test
  void run_closedObjectNothingHolds_isCollectable() throws Exception {
    RetentionOutcome outcome = RetentionCheck.newBuilder().build().run(() -> {
      Component c = new Component();
      c.close();
      return c;
    });

    assertTrue(outcome.collectable(), outcome::message);
    assertEquals(Component.class.getName(), outcome.className());
    assertEquals(Status.PASS, outcome.verdict("generator").status());
  }

  @Test
  void run_objectKeptInStaticField_failsNamingClassAndPath() throws Exception {
    RetentionOutcome outcome = RetentionCheck.newBuilder().build().run(() -> {
      Component c = new Component();
      kept = c;
      return c;
    });

    assertFalse(outcome.collectable(), outcome::message);
    assertEquals(5, outcome.collections());
    assertTrue(outcome.message().contains(Component.class.getName()), outcome::message);
    assertTrue(outcome.pathToGcRoot().isPresent(), outcome::message);
    assertTrue(outcome.message().contains("static field kept -> " + Component.class.getName()), outcome::message);
    assertEquals(Status.FAIL, outcome.verdict("generator").status());
  }

  @Test
  void assertCollectable_objectKept_throwsAssertionErrorWithClassName() {
    AssertionError e = assertThrows(AssertionError.class,
        () -> RetentionCheck.newBuilder().tracePaths(false).build().assertCollectable(() -> {
          kept = new Component();
          return kept;
        }));
    assertTrue(e.getMessage().contains(Component.class.getName() + " is still reachable"), e.getMessage());
  }

  @Test
  void run_workReturnsNull_isRejected() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> RetentionCheck.newBuilder().tracePaths(false).build().run(() -> null));
    assertTrue(e.getMessage().contains("the object returned by the work"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void maxCollections_belowOne_isRejected(int collections) {
    assertThrows(IllegalArgumentException.class, () -> RetentionCheck.newBuilder().maxCollections(collections));
  }
}
