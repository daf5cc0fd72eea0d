package dev.perfgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class EnvironmentTest {

  private static final Environment HERE = Environment.current();

  private static Environment withProperty(String name, String value) {
    Map<String, String> properties = new LinkedHashMap<>(HERE.properties());
    properties.put(name, value);
    return new Environment(HERE.jvmVendor(), HERE.jvmVersion(), HERE.jvmName(), HERE.garbageCollectors(),
        HERE.maxHeapBytes(), HERE.jvmArguments(), HERE.cpuModel(), HERE.cpus(), HERE.os(), HERE.arch(),
        HERE.warnings(), properties, HERE.ruler());
  }

  @Test
  void forkedFigures_haveAFingerprintOfTheirOwn_whateverTheNumberOfForks() {
    Environment four = withProperty(Environment.FORKS_PROPERTY, "4");
    Environment sixteen = withProperty(Environment.FORKS_PROPERTY, "16");
    assertTrue(four.forked());
    assertNotEquals(HERE.fingerprint(), four.fingerprint(), "a fork meets the code cold: another level");
    assertEquals(four.fingerprint(), sixteen.fingerprint(), "the number of forks sets the precision, not the level");
  }

  @Test
  void oneJvm_hashesAsBeforeForks() {
    assertFalse(HERE.forked());
    assertFalse(withProperty(Environment.FORKS_PROPERTY, "0").forked());
    assertFalse(withProperty(Environment.FORKS_PROPERTY, "many").forked());
    assertEquals(HERE.fingerprint(), withProperty(Environment.FORKS_PROPERTY, "0").fingerprint());
    assertEquals(HERE.fingerprint(), withProperty("vcs.revision", "abc123").fingerprint(),
        "other properties are kept, not hashed");
  }
}
