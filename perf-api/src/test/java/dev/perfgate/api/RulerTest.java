package dev.perfgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class RulerTest {

  private static final Ruler RULER = new Ruler(List.of(new Ruler.Part("cpu", 20e6, 4e5, 9),
      new Ruler.Part("memory", 2.5e6, 1e5, 9)), Duration.ofMillis(380));

  private static final Environment ENV = new Environment("V", "17", "VM", List.of("G1"), 1L << 30, List.of("-Xmx1g"),
      "CPU", 2, "Linux", "amd64", List.of(), Map.of("k", "v"));

  @Test
  void withRuler_keepsTheFingerprint_butNotEquality() {
    Environment measured = ENV.withRuler(RULER);
    assertEquals(Optional.of(RULER), measured.ruler());
    assertEquals(Optional.empty(), ENV.ruler());
    assertEquals(ENV.fingerprint(), measured.fingerprint());
    assertNotEquals(ENV, measured);
    assertEquals(Optional.of(RULER), measured.withProperty("a", "b").ruler(), "a property keeps the ruler");
  }

  @Test
  void toString_givesEachPartsMedianAndRelativeSpread() {
    assertEquals("ruler cpu 20 ms (+/- 2.0 %), memory 2.50 ms (+/- 4.0 %), 380 ms", RULER.toString());
    assertEquals(0.02, RULER.part("cpu").orElseThrow().relativeSpread(), 1e-12);
    assertEquals(Optional.empty(), RULER.part("files"));
  }

  @Test
  void invalidFigures_areRefusedWithTheirName() {
    assertEquals("ruler part cpu: median (0.0) must be > 0 ns",
        assertThrows(IllegalArgumentException.class, () -> new Ruler.Part("cpu", 0, 0, 9)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Ruler.Part("cpu", 1, -1, 9));
    assertThrows(IllegalArgumentException.class, () -> new Ruler.Part("cpu", 1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Ruler(List.of(), Duration.ZERO));
    Ruler.Part p = new Ruler.Part("cpu", 1, 0, 1);
    assertEquals("ruler part cpu is given twice",
        assertThrows(IllegalArgumentException.class, () -> new Ruler(List.of(p, p), Duration.ZERO)).getMessage());
  }
}
