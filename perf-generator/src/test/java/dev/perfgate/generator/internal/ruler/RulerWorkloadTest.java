package dev.perfgate.generator.internal.ruler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.api.Ruler;
import dev.perfgate.generator.internal.Ticker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RulerWorkloadTest {

  @TempDir
  Path dir;

  @Test
  void measure_withTheSystemClock_givesEveryPartAPositiveMedianAndASpread() {
    Ruler ruler = new RulerWorkload(Ticker.system()).measure().orElseThrow();
    System.out.println("[ruler] " + ruler);
    assertEquals(List.of("cpu", "memory", "files"), ruler.parts().stream().map(Ruler.Part::name).toList());
    for (Ruler.Part p : ruler.parts()) {
      assertEquals(RulerWorkload.TRIALS, p.trials(), p.toString());
      assertTrue(p.median() > 0, p.toString());
      assertTrue(p.spread() >= 0 && p.spread() < p.median(), p.toString());
    }
    // Seven trials of real work on a real clock are never all equal to the nanosecond.
    assertTrue(ruler.parts().stream().anyMatch(p -> p.spread() > 0), ruler.toString());
    long partsTime = (long) ruler.parts().stream().mapToDouble(p -> p.median() * p.trials()).sum();
    assertTrue(ruler.elapsed().toNanos() >= partsTime, "the whole ruler took at least its recorded trials: " + ruler);
    // The cost the README states (at most about a second) with room for a loaded build machine.
    assertTrue(ruler.elapsed().getSeconds() < 5, "the ruler took " + ruler.elapsed());
  }

  @Test
  void measure_withAClockThatDoesNotMove_measuresNothing() {
    assertEquals(Optional.empty(), new RulerWorkload(() -> 42L).measure());
  }

  @Test
  void measure_withAFakeClock_timesEachPartWithIt() {
    AtomicLong now = new AtomicLong();
    Ruler ruler = new RulerWorkload(() -> now.addAndGet(1000)).measure().orElseThrow();
    // Each timed part reads the clock twice: one step of 1000 ns apart, with no spread.
    ruler.parts().forEach(p -> assertEquals(1000, p.median(), p.toString()));
    ruler.parts().forEach(p -> assertEquals(0, p.spread(), p.toString()));
  }

  @Test
  void theWork_dependsOnItsSeed_soItCannotBeFoldedAway() throws Exception {
    assertNotEquals(RulerWorkload.cpu(1000, 1), RulerWorkload.cpu(1000, 2));
    long[] buffer = new long[RulerWorkload.MEMORY_LONGS];
    assertNotEquals(RulerWorkload.memory(buffer, 1), RulerWorkload.memory(buffer, 2));
    assertEquals(RulerWorkload.FILES * (long) RulerWorkload.FILE_BYTES,
        RulerWorkload.files(dir, 0) - lastBytes(0) * RulerWorkload.FILES);
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count(), "the files part deletes its files");
    }
  }

  /** The last byte the files part writes for a seed, which it adds to its sum per file. */
  private static long lastBytes(long seed) {
    int i = RulerWorkload.FILE_BYTES - 1;
    return (byte) (seed >>> (i % 8) * 8 ^ i);
  }
}
