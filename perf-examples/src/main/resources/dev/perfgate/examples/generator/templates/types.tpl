{{! The TypeScript type definitions of one table: the row interface, its key, and its column names. }}
// Generated from table {{name}} ({{columnCount}} columns). Do not edit.
{{#each foreignKeys}}
{{#unless self}}
import type { {{targetClass}} } from './{{targetFile}}';
{{/unless}}
{{/each}}

/** {{#if remarks}}{{remarks}}{{else}}A row of table {{name}}.{{/if}} */
export interface {{className}} {
{{#each columns}}
  /** {{sqlType}}{{#if key}}, primary key{{/if}}{{#if remarks}}: {{remarks|trim}}{{/if}} */
  {{field}}{{#if nullable}}?{{/if}}: {{tsType}}{{#if nullable}} | null{{/if}};
{{/each}}
{{#each foreignKeys}}
  /** The {{targetTable|lower}} referenced through {{columns}}, when loaded. */
  {{navigation}}?: {{targetClass}};
{{/each}}
}

/** The primary key of {{className}}. */
export interface {{className}}Key {
{{#each primaryKey}}
  {{field}}: {{tsType}};
{{/each}}
}

/** The column names of table {{name}}, in table order. */
export const {{name|camel}}Columns = [
{{#each columns}}
  {{name|quote}},
{{/each}}
] as const;
