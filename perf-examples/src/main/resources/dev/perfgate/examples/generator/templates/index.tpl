{{! The TypeScript index of every generated table. }}
// Generated index of {{tableCount}} tables. Do not edit.
{{#each tables}}
export type { {{className}}, {{className}}Key } from './{{fileName}}';
{{/each}}

/** Every generated table: its name, its column count and its file. */
export const tables = {
{{#each tables}}
  {{name|camel}}: { table: {{name|quote}}, columns: {{columnCount}}, file: {{fileName|quote}} }{{#unless @last}},{{/unless}}
{{/each}}
} as const;
