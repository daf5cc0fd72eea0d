package dev.perfgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** perfgate.baseline.budget and Suite.Builder.baselineBudget: the time a variant may spend measuring more. */
final class BaselineBudgetSettingTest {

  @Test
  void budget_parsesDurations_zeroTurnsItOff_unsetIsTheDefault() {
    assertEquals(Optional.of(Duration.ofSeconds(30)), Settings.from(Map.of(Settings.BASELINE_BUDGET, "30s")).baselineBudget());
    assertEquals(Optional.of(Duration.ofMillis(1500)),
        Settings.from(Map.of(Settings.BASELINE_BUDGET, "1500ms")).baselineBudget());
    assertEquals(Optional.of(Duration.ZERO), Settings.from(Map.of(Settings.BASELINE_BUDGET, "0")).baselineBudget());
    assertEquals(Optional.of(Duration.ZERO), Settings.from(Map.of(Settings.BASELINE_BUDGET, "0s")).baselineBudget());
    assertEquals(Optional.empty(), Settings.from(Map.of()).baselineBudget());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1s", "soon", "30"})
  void budget_invalid_namesTheKey(String value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.from(Map.of(Settings.BASELINE_BUDGET, value)).baselineBudget());
    assertTrue(e.getMessage().startsWith("perfgate.baseline.budget (" + value + ")"), e.getMessage());
  }

  @Test
  void builder_budget_isSetOnce_andNeverNegative() {
    Suite.Builder b = Suite.newBuilder().baselineBudget(Duration.ofSeconds(5));
    assertThrows(IllegalStateException.class, () -> b.baselineBudget(Duration.ofSeconds(6)));
    assertThrows(IllegalArgumentException.class, () -> Suite.newBuilder().baselineBudget(Duration.ofSeconds(-1)));
  }
}
