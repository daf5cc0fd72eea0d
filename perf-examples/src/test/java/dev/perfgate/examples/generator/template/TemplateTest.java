package dev.perfgate.examples.generator.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TemplateTest {

  private static String render(String source, Object context) {
    return Template.compile("test", source).render(context);
  }

  @Test
  void render_variables_substitutesValuesAndDropsAbsentOnes() {
    assertEquals("Hello Ada, you are 36.", render("Hello {{name}}, you are {{age}}.{{missing}}",
        Map.of("name", "Ada", "age", 36)));
  }

  @Test
  void render_dottedName_walksNestedMaps() {
    assertEquals("CUSTOMER", render("{{table.name}}", Map.of("table", Map.of("name", "CUSTOMER"))));
  }

  @Test
  void render_each_repeatsBodyWithLoopVariables() {
    String out = render("{{#each items}}{{@index}}:{{this}}{{#if @first}}(first){{/if}}"
        + "{{#unless @last}}, {{/unless}}{{/each}}", Map.of("items", List.of("a", "b", "c")));
    assertEquals("0:a(first), 1:b, 2:c", out);
  }

  @Test
  void render_eachOverEmptyList_rendersElseBranch() {
    assertEquals("none", render("{{#each items}}x{{else}}none{{/each}}", Map.of("items", List.of())));
  }

  @Test
  void render_eachOverSet_iteratesTheCollection() {
    assertEquals("x", render("{{#each items}}{{this}}{{/each}}", Map.of("items", Set.of("x"))));
  }

  @Test
  void render_nameAbsentInItem_isFoundInEnclosingContext() {
    Map<String, Object> table = Map.of("className", "Customer",
        "columns", List.of(Map.of("name", "ID"), Map.of("name", "EMAIL")));
    assertEquals("Customer.ID Customer.EMAIL ",
        render("{{#each columns}}{{className}}.{{name}} {{/each}}", table));
  }

  @Test
  void render_ifElseAndUnless_followTruthiness() {
    String source = "{{#if v}}yes{{else}}no{{/if}}/{{#unless v}}U{{/unless}}";
    assertEquals("yes/", render(source, Map.of("v", true)));
    assertEquals("no/U", render(source, Map.of("v", false)));
    assertEquals("no/U", render(source, Map.of("v", "")));
    assertEquals("no/U", render(source, Map.of("v", 0)));
    assertEquals("no/U", render(source, Map.of("v", List.of())));
    assertEquals("no/U", render(source, Map.of()));
    assertEquals("yes/", render(source, Map.of("v", "text")));
  }

  @Test
  void render_filters_applyInOrder() {
    assertEquals("InvoiceLine invoiceLine invoice-line \"invoiceLine\" invoice_line x",
        render("{{n|pascal}} {{n|camel}} {{n|kebab}} {{n|camel|quote}} {{n|lower}} {{p|trim}}",
            Map.of("n", "INVOICE_LINE", "p", "  x  ")));
  }

  @Test
  void render_standaloneBlockLines_leaveNoBlankLines() {
    String source = "list:\n  {{#each items}}\n  - {{this}}\n  {{/each}}\n{{! a comment }}\nend\n";
    assertEquals("list:\n  - a\n  - b\nend\n", render(source, Map.of("items", List.of("a", "b"))));
  }

  @Test
  void render_inlineBlockTags_keepSurroundingText() {
    assertEquals("a B c\n", render("a {{#if x}}B{{/if}} c\n", Map.of("x", true)));
  }

  @Test
  void render_javadocExample_givesTheDocumentedText() {
    Template t = Template.compile("greeting", "{{#each names}}Hello {{this|pascal}}!\n{{/each}}");
    assertEquals("Hello Ada!\nHello Alan!\n", t.render(Map.of("names", List.of("ada", "alan"))));
  }

  @Test
  void render_compiledOnce_rendersManyContexts() {
    Template t = Template.compile("greeting", "Hi {{name}}!");
    assertEquals("Hi A!", t.render(Map.of("name", "A")));
    assertEquals("Hi B!", t.render(Map.of("name", "B")));
  }

  @Test
  void compile_countsNodesOfTheWholeTree() {
    // Text "a", each(Variable this), Text "b": 3 nodes at the top, 1 inside the block.
    assertEquals(4, Template.compile("t", "a{{#each x}}{{this}}{{/each}}b").nodeCount());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "unclosed tag ; Hello {{name ; never closed",
      "empty tag ; Hello {{ }} ; empty tag",
      "unclosed block ; {{#each items}}x ; never closed; add {{/each}}",
      "mismatched close ; {{#if a}}x{{/each}} ; closes {{#if a}}",
      "stray close ; x{{/if}} ; closes no block",
      "unknown block ; {{#with a}}{{/with}} ; unknown block {{#with}}",
      "block without name ; {{#if}}{{/if}} ; needs a name",
      "unknown filter ; {{name|shout}} ; unknown filter 'shout'",
      "stray else ; a{{else}}b ; outside a block",
      "second else ; {{#if a}}1{{else}}2{{else}}3{{/if}} ; second {{else}}",
      "invalid name ; {{na-me}} ; invalid character '-'",
      "dangling dot ; {{table.}} ; invalid name"})
  void compile_malformedSource_isRejectedWithTheReason(String description, String source, String reason) {
    TemplateSyntaxException e = assertThrows(TemplateSyntaxException.class,
        () -> Template.compile("broken", source));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(e.getMessage().startsWith("template broken line 1 column "), e.getMessage());
  }

  @Test
  void compile_errorOnLaterLine_reportsLineAndColumn() {
    TemplateSyntaxException e = assertThrows(TemplateSyntaxException.class,
        () -> Template.compile("model", "first\nsecond\n  {{#bogus x}}"));
    assertEquals("model", e.templateName());
    assertEquals(3, e.line());
    assertEquals(3, e.column());
  }
}
