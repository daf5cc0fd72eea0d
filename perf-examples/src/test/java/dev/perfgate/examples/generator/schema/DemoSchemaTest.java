package dev.perfgate.examples.generator.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DemoSchemaTest {

  @Test
  void statements_largerSchema_startsWithTheSmallerOne() {
    List<String> small = DemoSchema.statements(10);
    List<String> large = DemoSchema.statements(25);
    assertEquals(small, large.subList(0, small.size()));
  }

  @Test
  void statements_sameSize_areTheSameEveryTime() {
    assertEquals(DemoSchema.statements(50), DemoSchema.statements(50));
  }

  @Test
  void tableName_pastTheNouns_addsASuffixAndStaysUnique() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      names.add(DemoSchema.tableName(i));
    }
    assertEquals(500, names.size());
    assertEquals("CUSTOMER", DemoSchema.tableName(0));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void statements_fewerThanOneTable_isRejected(int tables) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DemoSchema.statements(tables));
    assertEquals("number of tables (" + tables + ") must be >= 1", e.getMessage());
  }
}
