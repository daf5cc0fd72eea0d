package dev.perfgate.examples.bench;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A user's own project outside this repository's build, as issue 12 tried it: production code that
 * parses an order document with Jackson (about 20 us), and a README-style {@code @PerfTest} that
 * measures it with {@code perf.suite().baselines()}. Its sources are written into a directory of its
 * own and compiled with the JDK's compiler against this module's runtime class path (the freshly built
 * Perfgate classes, Jackson, JUnit); each CI run then runs the test class in a child JVM through the
 * JUnit Platform launcher ({@link PerfTestChild}).
 *
 * <p>The "code change" is {@code -Dwork.extra}: the operation parses the document and then, for
 * {@code work.extra=0.27}, a document of the first 27 % of the orders again, as an extra pass over the
 * input would.
 */
final class UserParseProject {
  /** The test class a child runs. */
  static final String TEST_CLASS = "com.example.orders.OrderParsePerfTest";
  /** The benchmark's key in its reports. */
  static final String KEY = "orders.parse";

  static final String ORDERS_SOURCE = """
      package com.example.orders;

      import com.fasterxml.jackson.databind.JsonNode;
      import com.fasterxml.jackson.databind.ObjectMapper;
      import java.io.IOException;
      import java.io.UncheckedIOException;

      /** The user's production code: totals of an order document. */
      public final class Orders {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        private Orders() {}

        /** A document of orders, each with a customer, a date and two lines. */
        public static String document(int orders) {
          StringBuilder sb = new StringBuilder("[");
          for (int i = 0; i < orders; i++) {
            sb.append(i == 0 ? "" : ",").append("{\\"id\\":").append(1000 + i)
                .append(",\\"customer\\":\\"customer-").append(i % 17).append("\\",\\"date\\":\\"2026-12-0")
                .append(1 + i % 9).append("\\",\\"lines\\":[{\\"sku\\":\\"A-").append(i)
                .append("\\",\\"quantity\\":").append(1 + i % 5).append(",\\"priceCents\\":").append(199 + i)
                .append("},{\\"sku\\":\\"B-").append(i).append("\\",\\"quantity\\":2,\\"priceCents\\":").append(99 + i % 7)
                .append("}]}");
          }
          return sb.append("]").toString();
        }

        /** The total of every line of every order, in cents. */
        public static long total(String json) {
          try {
            long sum = 0;
            for (JsonNode order : MAPPER.readTree(json)) {
              for (JsonNode line : order.get("lines")) {
                sum += line.get("quantity").asLong() * line.get("priceCents").asLong();
              }
            }
            return sum;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      """;

  static final String TEST_SOURCE = """
      package com.example.orders;

      import dev.perfgate.api.Benchmark;
      import dev.perfgate.generator.junit.Perf;
      import dev.perfgate.generator.junit.PerfTest;

      class OrderParsePerfTest {
        @PerfTest
        void parseHasNotRegressed(Perf perf) {
          int orders = 40;
          String document = Orders.document(orders);
          // The code change under test: an extra pass over part of the input.
          int again = (int) Math.round(orders * Double.parseDouble(System.getProperty("work.extra", "0")));
          String extra = Orders.document(again);
          perf.run(perf.suite()
              .baselines()
              .benchmark(Benchmark.of("orders.parse",
                  () -> again > 0 ? Orders.total(document) + Orders.total(extra) : Orders.total(document)))
              .build());
        }
      }
      """;

  private UserParseProject() {}

  /**
   * Writes the project's sources under {@code dir} and compiles them into {@code dir/classes}.
   *
   * @param dir an empty or new directory
   * @return the directory of the compiled classes, for a child's class path
   * @throws IllegalStateException if the JDK has no compiler or the sources do not compile
   */
  static Path build(Path dir) {
    try {
      Path src = dir.resolve("src/com/example/orders");
      Files.createDirectories(src);
      Path classes = dir.resolve("classes");
      Files.createDirectories(classes);
      Path orders = Files.writeString(src.resolve("Orders.java"), ORDERS_SOURCE, StandardCharsets.UTF_8);
      Path test = Files.writeString(src.resolve("OrderParsePerfTest.java"), TEST_SOURCE, StandardCharsets.UTF_8);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      if (javac == null) {
        throw new IllegalStateException("this Java runtime has no compiler (java.home " + System.getProperty("java.home")
            + "); run the command on a JDK");
      }
      StringWriter messages = new StringWriter();
      boolean ok = javac.getTask(messages, null, null,
          List.of("-d", classes.toString(), "-cp", String.join(File.pathSeparator, ChildJvm.runtimeClassPath()),
              "--release", "17", "-proc:none"),
          null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
              .getJavaFileObjects(orders.toFile(), test.toFile())).call();
      if (!ok) {
        throw new IllegalStateException("the user project does not compile:\n" + messages);
      }
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the user project under " + dir, e);
    }
  }
}
