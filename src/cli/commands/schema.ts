import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../scenario/schema.ts';
import type { Io } from '../io.ts';

export function schemaText(): string {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://peacesim.invalid/scenario.schema.json',
    title: 'peacesim scenario',
    ...scenarioJsonSchema(),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export function registerSchema(program: Command, io: Io): void {
  program
    .command('schema')
    .description('print the JSON Schema of the scenario format (for editors: completion and checks)')
    .action(() => io.out(schemaText()));
}
