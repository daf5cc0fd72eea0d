package dev.perfgate.examples.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfgate.examples.generator.schema.ColumnModel;
import dev.perfgate.examples.generator.schema.DemoDatabase;
import dev.perfgate.examples.generator.schema.ForeignKeyModel;
import dev.perfgate.examples.generator.schema.IndexModel;
import dev.perfgate.examples.generator.schema.TableModel;
import dev.perfgate.examples.generator.template.Template;
import dev.perfgate.examples.generator.template.TemplateService;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.JDBCType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real templates rendered for known tables: exact text, and Java that compiles. */
final class TemplatesOutputTest {
  private static final Map<String, String> SOURCES = TemplateService.loadSources(
      TemplatesOutputTest.class.getClassLoader(), ServiceRegistry.TEMPLATE_PREFIX, ".tpl", Generator.TEMPLATES);

  private static final TableModel CART = new TableModel("CART", "Stores each cart.",
      List.of(new ColumnModel("ID", 1, JDBCType.BIGINT, "BIGINT", 64, 0, false, "")),
      List.of("ID"), List.of(), List.of());

  private static final TableModel CART_ITEM = new TableModel("CART_ITEM", "Stores each cart item.",
      List.of(new ColumnModel("ID", 1, JDBCType.BIGINT, "BIGINT", 64, 0, false, ""),
          new ColumnModel("REVISION", 2, JDBCType.INTEGER, "INTEGER", 32, 0, false, ""),
          new ColumnModel("CART_ID", 3, JDBCType.BIGINT, "BIGINT", 64, 0, false, ""),
          new ColumnModel("QUANTITY", 4, JDBCType.INTEGER, "INTEGER", 32, 0, true, "How many"),
          new ColumnModel("UNIT_PRICE", 5, JDBCType.DECIMAL, "DECIMAL", 10, 2, false, "")),
      List.of("ID", "REVISION"),
      List.of(new ForeignKeyModel("FK_CART_ITEM_CART", List.of("CART_ID"), "CART", List.of("ID"))),
      List.of(new IndexModel("IX_CART_ITEM_QUANTITY", false, List.of("QUANTITY"))));

  @TempDir
  Path dir;

  private static String render(String template, TableModel table) {
    Map<String, Object> view = new Views("com.example.model").table(table, name -> {
      assertEquals("CART", name);
      return CART;
    });
    return Template.compile(template, SOURCES.get(template)).render(view);
  }

  @Test
  void typesTemplate_knownTable_rendersTheExpectedText() {
    String expected = String.join("\n",
        "// Generated from table CART_ITEM (5 columns). Do not edit.",
        "import type { Cart } from './cart';",
        "",
        "/** Stores each cart item. */",
        "export interface CartItem {",
        "  /** BIGINT, primary key */",
        "  id: number;",
        "  /** INTEGER, primary key */",
        "  revision: number;",
        "  /** BIGINT */",
        "  cartId: number;",
        "  /** INTEGER: How many */",
        "  quantity?: number | null;",
        "  /** DECIMAL(10, 2) */",
        "  unitPrice: string;",
        "  /** The cart referenced through CART_ID, when loaded. */",
        "  cart?: Cart;",
        "}",
        "",
        "/** The primary key of CartItem. */",
        "export interface CartItemKey {",
        "  id: number;",
        "  revision: number;",
        "}",
        "",
        "/** The column names of table CART_ITEM, in table order. */",
        "export const cartItemColumns = [",
        "  \"ID\",",
        "  \"REVISION\",",
        "  \"CART_ID\",",
        "  \"QUANTITY\",",
        "  \"UNIT_PRICE\",",
        "] as const;",
        "");
    assertEquals(expected, render("types", CART_ITEM));
  }

  @Test
  void modelTemplate_knownTable_rendersFieldsAccessorsAndKeyEquality() {
    String java = render("model", CART_ITEM);
    assertTrue(java.startsWith("package com.example.model;\n\nimport java.math.BigDecimal;\n"
        + "import java.util.Objects;\n\n/**\n * Stores each cart item.\n"), java);
    assertTrue(java.contains("  /** Column {@code QUANTITY}: INTEGER. How many. */\n  private Integer quantity;\n"),
        java);
    assertTrue(java.contains("  /** Column {@code CART_ID}: BIGINT, not null, references {@link Cart}. */\n"
        + "  private long cartId;\n"), java);
    assertTrue(java.contains(" * <p>References {@link Cart} through {@code CART_ID} (Stores each cart.).\n"), java);
    assertTrue(java.contains(" *   <li>{@code IX_CART_ITEM_QUANTITY}: QUANTITY</li>\n"), java);
    assertTrue(java.contains("    return Objects.equals(id, that.id)\n        && Objects.equals(revision, that.revision);\n"),
        java);
    assertTrue(java.contains("    return Objects.hash(id, revision);\n"), java);
    assertTrue(java.contains("    return \"CartItem[id=\" + id + \", revision=\" + revision + \"]\";\n"), java);
    assertTrue(java.contains("  public CartItem setUnitPrice(BigDecimal unitPrice) {\n"), java);
  }

  @Test
  void generatedJava_ofTheDemoSchema_compiles() throws IOException {
    Path out = dir.resolve("out");
    try (DemoDatabase db = DemoDatabase.inMemory(20);
        ServiceRegistry registry = ServiceRegistry.start(GeneratorConfig.of(db.jdbcUrl(), out))) {
      registry.generator().generate();
    }
    List<String> sources;
    try (Stream<Path> s = Files.walk(out.resolve("java"))) {
      sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
    }
    assertEquals(20, sources.size());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> args = new java.util.ArrayList<>(List.of("-proc:none", "-Xlint:all", "-Werror",
        "-classpath", classes.toString(), "-d", classes.toString()));
    args.addAll(sources);
    int status = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
    assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
    assertTrue(Files.exists(classes.resolve("com/example/model/InvoiceLine.class")));
  }
}
