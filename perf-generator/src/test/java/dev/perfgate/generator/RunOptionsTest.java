package dev.perfgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class RunOptionsTest {

  @Test
  void quickOverride_switchesToQuickMode() {
    RunOptions o = RunOptions.defaults().withOverrides(Map.of("perfgate.quick", "true")::get);
    assertEquals(RunOptions.quick(), o);
  }

  @Test
  void countOverrides_applyOnTopOfQuickMode() {
    RunOptions o = RunOptions.defaults().withOverrides(Map.of("perfgate.quick", "true", "perfgate.trials", "4")::get);
    assertEquals(4, o.trials());
    assertEquals(RunOptions.quick().samples(), o.samples());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void trials_belowTwo_areRejectedWithTheValue(int trials) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunOptions.newBuilder().trials(trials).build());
    assertTrue(e.getMessage().startsWith("trials (" + trials + ") must be >= 2"), e.getMessage());
  }

  @Test
  void badBoolean_namesTheProperty() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunOptions.defaults().withOverrides(Map.of("perfgate.quick", "yes please")::get));
    assertEquals("perfgate.quick (yes please) must be true or false", e.getMessage());
  }

  @Test
  void negativeWarmup_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> RunOptions.newBuilder().warmup(Duration.ofMillis(-1)).build());
  }
}
