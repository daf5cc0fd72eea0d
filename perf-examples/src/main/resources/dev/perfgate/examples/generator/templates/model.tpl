{{! The Java model class of one table: fields, accessors, and equality on the primary key. }}
package {{javaPackage}};

{{#each imports}}
import {{this}};
{{/each}}

/**
 * {{#if remarks}}{{remarks}}{{else}}A row of table {@code {{name}}}.{{/if}}
 *
 * <p>Generated from table {@code {{name}}} ({{columnCount}} columns). Do not edit: changes are lost at the next
 * generation.
{{#each foreignKeys}}
 *
 * <p>References {@link {{targetClass}}} through {@code {{columns}}}{{#if targetRemarks}} ({{targetRemarks}}){{/if}}.
{{/each}}
{{#if indexes}}
 *
 * <p>Indexes:
 * <ul>
{{#each indexes}}
 *   <li>{@code {{name}}}{{#if unique}} (unique){{/if}}: {{columns}}</li>
{{/each}}
 * </ul>
{{/if}}
 */
public class {{className}} {
{{#each columns}}
  /** Column {@code {{name}}}: {{sqlType}}{{#unless nullable}}, not null{{/unless}}{{#if key}}, primary key{{/if}}{{#if reference}}, references {@link {{reference}}}{{/if}}.{{#if remarks}} {{remarks|trim}}.{{/if}} */
  private {{javaType}} {{field}};
{{/each}}

  /** Creates a row with every column unset. */
  public {{className}}() {
  }
{{#each columns}}

  /**
   * Returns column {@code {{name}}}.
   *
   * @return the value{{#if nullable}}, or null{{/if}}
   */
  public {{javaType}} get{{property}}() {
    return {{field}};
  }

  /**
   * Sets column {@code {{name}}}.
   *
   * @param {{field}} the new value{{#if nullable}}, or null{{/if}}
   * @return this row
   */
  public {{className}} set{{property}}({{javaType}} {{field}}) {
    this.{{field}} = {{field}};
    return this;
  }
{{/each}}

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof {{className}})) {
      return false;
    }
    {{className}} that = ({{className}}) other;
    return {{#each primaryKey}}{{#unless @first}}
        && {{/unless}}Objects.equals({{field}}, that.{{field}}){{else}}false{{/each}};
  }

  @Override
  public int hashCode() {
    return Objects.hash({{#each primaryKey}}{{#unless @first}}, {{/unless}}{{field}}{{/each}});
  }

  @Override
  public String toString() {
    return "{{className}}[{{#each primaryKey}}{{#unless @first}}, {{/unless}}{{field}}=" + {{field}} + "{{/each}}]";
  }
}
