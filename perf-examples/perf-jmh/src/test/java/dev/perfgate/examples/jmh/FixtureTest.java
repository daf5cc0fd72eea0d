package dev.perfgate.examples.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class FixtureTest {

  @Test
  void sortCopy_returnsASortedCopy_andLeavesTheInputForTheNextCall() {
    Fixture f = new Fixture();
    int[] first = f.sortCopy();
    int[] second = f.sortCopy();
    assertNotSame(first, second);
    assertArrayEquals(first, second);
    int[] expected = first.clone();
    Arrays.sort(expected);
    assertArrayEquals(expected, first);
    assertEquals(Fixture.SMALL, first.length);
  }

  @Test
  void fixtures_areTheSameInEveryTrial() {
    assertEquals(new Fixture().mix(), new Fixture().mix());
    assertEquals(new Fixture().sum(), new Fixture().sum());
  }

  @Test
  void allocate_makesAThousandBytes() {
    assertEquals(1000, new Fixture().allocate().length);
  }
}
