import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../scenario/schema.ts';
import type { Io } from '../io.ts';

/**
 * A whole scenario matches the generated schema. A file that builds on another (`include:`) may say only what it
 * overrides, so it is checked for its top-level keys alone; the loader checks the merged result in full.
 */
export function schemaText(): string {
  const {
    $schema: _draft,
    $defs,
    ...full
  } = scenarioJsonSchema() as { $schema?: string; $defs?: unknown } & Record<string, unknown>;
  const properties = (full.properties ?? {}) as Record<string, unknown>;
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'peacesim scenario',
    ...($defs ? { $defs } : {}),
    anyOf: [
      full,
      {
        type: 'object',
        required: ['include'],
        properties: Object.fromEntries(
          Object.keys(properties).map((k) => [k, k === 'include' || k === 'omit' ? properties[k] : {}]),
        ),
        additionalProperties: false,
      },
    ],
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export function registerSchema(program: Command, io: Io): void {
  program
    .command('schema')
    .description('print the JSON Schema of the scenario format (for editors: completion and checks)')
    .action(() => io.out(schemaText()));
}
