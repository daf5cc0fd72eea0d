package dev.perfgate.examples.jmh;

import dev.perfgate.api.Benchmark;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The operations measured side by side, from the harness's own cost up to about a millisecond. */
enum Op {
  EMPTY("empty", "nothing (the harness's own cost)") {
    @Override
    Benchmark perfgate() {
      return Benchmark.of(id(), () -> {});
    }
  },
  MIX("mix", "hash of six long fields, 2 passes, ~20 ns") {
    @Override
    Benchmark perfgate() {
      return Benchmark.builder(id()).setUp(ctx -> new Fixture()).operation(Fixture::mix).build();
    }
  },
  ALLOC("alloc", "new byte[1000]") {
    @Override
    Benchmark perfgate() {
      return Benchmark.builder(id()).setUp(ctx -> new Fixture()).operation(Fixture::allocate).build();
    }
  },
  HASH1K("hash1k", "polynomial hash of 1024 ints, ~1 us") {
    @Override
    Benchmark perfgate() {
      return Benchmark.builder(id()).setUp(ctx -> new Fixture()).operation(Fixture::hash).build();
    }
  },
  SORT100("sort100", "sort a copy of 100 ints, ~1 us") {
    @Override
    Benchmark perfgate() {
      return Benchmark.builder(id()).setUp(ctx -> new Fixture()).operation(Fixture::sortCopy).build();
    }
  },
  SUM2M("sum2m", "sum of 2^21 doubles, ~1 ms") {
    @Override
    Benchmark perfgate() {
      return Benchmark.builder(id()).setUp(ctx -> new Fixture()).doubleOperation(Fixture::sum).build();
    }
  };

  private final String id;
  private final String description;

  Op(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The name of the Perfgate benchmark and of the {@link JmhBenchmarks} method. */
  String id() {
    return id;
  }

  String description() {
    return description;
  }

  /** The Perfgate benchmark of this operation, calling the same {@link Fixture} method as JMH. */
  abstract Benchmark perfgate();

  /** The regular expression that selects exactly this operation's JMH benchmark. */
  String jmhInclude() {
    return "^" + JmhBenchmarks.class.getName().replace(".", "\\.") + "\\." + id + "$";
  }

  /**
   * Finds operations by id.
   *
   * @param ids ids; none means all
   * @return the operations, in declaration order
   * @throws IllegalArgumentException if an id is unknown
   */
  static List<Op> select(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of(values());
    }
    for (String id : ids) {
      if (Arrays.stream(values()).noneMatch(op -> op.id.equals(id))) {
        throw new IllegalArgumentException("operation '" + id + "' is unknown; choose from "
            + Arrays.stream(values()).map(Op::id).collect(Collectors.joining(", ")));
      }
    }
    return Arrays.stream(values()).filter(op -> ids.contains(op.id)).collect(Collectors.toList());
  }

  @Override
  public String toString() {
    return id.toLowerCase(Locale.ROOT);
  }
}
